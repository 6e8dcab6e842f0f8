import { describe, expect, it } from "vitest";
import { backlogPerDay, durationStat, percentile, share } from "./service-stats.js";

describe("service statistics", () => {
  it("interpolates percentiles between closest ranks (type 7), whatever the input order", () => {
    expect(percentile([40, 10, 30, 20], 0.5)).toBe(25);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it("summarises durations with their count", () => {
    expect(durationStat([30, 60, 90, 120, 600])).toEqual({ n: 5, median: 90, p90: 408 });
    expect(durationStat([])).toEqual({ n: 0, median: null, p90: null });
  });

  it("gives shares to 3 decimals and none of nothing", () => {
    expect(share(2, 3)).toBe(0.667);
    expect(share(0, 0)).toBeNull();
  });

  it("counts cases open at the end of each day", () => {
    const d = (n: number, h = 0) => Date.UTC(2026, 2, n, h);
    const spans = [
      { opened_at: d(1, 9), ended_at: d(2, 9) }, // open at the end of day 1 only
      { opened_at: d(2, 9), ended_at: null }, // open from day 2 on
      { opened_at: d(2, 10), ended_at: d(2, 11) }, // never open at a day's end
    ];
    expect(backlogPerDay(spans, d(1), d(4))).toEqual([
      { day: "2026-03-01", open: 1 },
      { day: "2026-03-02", open: 1 },
      { day: "2026-03-03", open: 1 },
    ]);
  });
});
