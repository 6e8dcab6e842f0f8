import { describe, expect, it } from "vitest";
import type { Reading } from "../src/core/reading.js";
import { countRow, summary, type CauseCounts, type CauseRow } from "./cause-misses.js";

const reading = (causes: [string, "positive" | "negative"][]): Reading =>
  ({ causes: causes.map(([label, polarity]) => ({ label, polarity, score: 1, evidence: [] })) }) as unknown as Reading;
const row = (causes: [string, "+" | "-"][]): CauseRow => ({
  lang: "en",
  text: "t",
  direction: "customer",
  causes: causes.map(([label, polarity]) => ({ label, polarity })),
});
const zero = (): CauseCounts => ({ rows: 0, withCause: 0, rightRows: 0, gold: 0, right: 0, flipped: 0, missing: 0, read: 0, falseRead: 0 });

describe("cause misses", () => {
  it("counts a right, a flipped and a missing gold cause, and a false one", () => {
    const n = zero();
    const p = countRow(
      n,
      row([
        ["delivery_or_wait", "-"],
        ["staff_treatment", "-"],
        ["price_or_billing", "-"],
      ]),
      reading([
        ["delivery_or_wait", "negative"],
        ["staff_treatment", "positive"],
        ["policy", "negative"],
      ]),
    );
    expect(n).toMatchObject({ withCause: 1, rightRows: 1, gold: 3, right: 1, flipped: 1, missing: 1, read: 3, falseRead: 1 });
    expect(p.map((x) => x.key)).toEqual(["en staff_treatment- FLIP", "en price_or_billing- MISS", "en policy- FALSE"]);
  });

  it("a row without gold causes counts every cause read as false", () => {
    const n = zero();
    countRow(n, row([]), reading([["policy", "negative"]]));
    expect(n).toMatchObject({ withCause: 0, rightRows: 0, read: 1, falseRead: 1 });
    expect(summary("x", n)).toContain("false causes 1 of 1 read");
  });
});
