import { describe, expect, it } from "vitest";
import { addMonths, sampleShift } from "./sample-times.js";

const rows = [
  { external_id: "a", sent_at: "2026-09-26T09:15:00.000Z" },
  { external_id: "b", direction: "agent", sent_at: "2026-11-24T17:29:08.000Z" },
  { external_id: "e1", direction: "employee", sent_at: "2026-10-31T08:00:00.000Z" },
  { external_id: "e2", direction: "employee", sent_at: "2026-11-20T08:00:00.000Z" },
  { external_id: "x" },
];

describe("sampleShift", () => {
  const now = Date.parse("2027-03-05T12:00:00.000Z");
  const shift = sampleShift(rows, now);
  const at = (id: string) => shift(rows.find((r) => r.external_id === id)!).sent_at!;

  it("moves customer and agent messages by whole days: the newest within the last day, times of day kept", () => {
    const newest = Date.parse(at("b"));
    expect(newest).toBeLessThanOrEqual(now);
    expect(now - newest).toBeLessThan(86_400_000);
    expect(at("a").slice(11)).toBe("09:15:00.000Z");
    expect(Date.parse(at("b")) - Date.parse(at("a"))).toBe(Date.parse(rows[1]!.sent_at!) - Date.parse(rows[0]!.sent_at!));
  });

  it("moves employee feedback by whole months, pressing what would be in the future into the month so far", () => {
    expect(at("e1")).toBe("2027-02-28T08:00:00.000Z"); // October -> February, the 31st clamped
    const e2 = Date.parse(at("e2")); // November -> March 20, after now: into March 1..5
    expect(e2).toBeGreaterThanOrEqual(Date.parse("2027-03-01T00:00:00.000Z"));
    expect(e2).toBeLessThanOrEqual(now);
  });

  it("leaves rows without a time, and a workspace already current, as they are", () => {
    expect(shift(rows[4]!)).toBe(rows[4]);
    const same = sampleShift(rows, Date.parse("2026-11-24T18:00:00.000Z"));
    expect(same(rows[0]!).sent_at).toBe(rows[0]!.sent_at);
  });
});

describe("addMonths", () => {
  it("keeps the day and time, clamped to the month's last day", () => {
    expect(new Date(addMonths(Date.parse("2026-01-31T10:00:00Z"), 1)).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(new Date(addMonths(Date.parse("2026-11-15T10:00:00Z"), 3)).toISOString()).toBe("2027-02-15T10:00:00.000Z");
  });
});
