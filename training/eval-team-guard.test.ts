import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";
import { count, emptyGuard, report } from "./eval-team-guard.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader();
}, 60_000);

const empty = emptyGuard;

describe("the team-example guard", () => {
  it("counts a missed complaint, a false signal and a right cause against the labels", () => {
    const g = empty();
    const e = {
      text: "This is my 4th email. WHERE IS MY ORDER",
      sentiment: "negative",
      causes: [{ label: "delivery_or_wait", polarity: "-" as const }],
      signals: [],
      stage: "purchase",
      complaint: 0,
      direction: "customer" as const,
    };
    const r = reader.analyze(e.text, { direction: e.direction });
    count(g, e, r);
    expect(g.rows).toBe(1);
    expect(g.signals.repeat_contact).toEqual({ gold: 0, hit: 0, falseHit: 1 });
    expect(g.complaintsFalse).toBe(r.complaint.is ? 1 : 0);
    expect(g.withCause).toBe(1);
    expect(g.rightCause).toBe(r.causes.some((c) => c.label === "delivery_or_wait" && c.polarity === "negative") ? 1 : 0);
    expect(report(g).join("\n")).toContain("repeat_contact 0/0 (false 1)");
  });
  it("counts an employee read as leaving without a departure", () => {
    const g = empty();
    const e = {
      text: "we are drowning in tickets, please hire two more people",
      sentiment: "negative",
      causes: [],
      signals: [],
      stage: "in_use",
      complaint: 1,
      direction: "employee" as const,
    };
    count(g, e, reader.analyze(e.text, { direction: e.direction }));
    expect(g.employees).toEqual({ rows: 1, leaving: 0, leavingRead: 0, falseLeaving: 0 });
  });
});
