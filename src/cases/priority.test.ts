import { describe, expect, it } from "vitest";
import { computePriority } from "./priority.js";

const calm = {
  urgency: { score: 0.1, reasons: ["complaint"] },
  reach: { score: 0, reasons: [] },
  signals: [],
  complaint: { is: true, severity: 1 as const, evidence: [] },
};

describe("computePriority", () => {
  it("puts a public churn threat from a repeat contact first, and says why", () => {
    const p = computePriority({
      reading: {
        ...calm,
        urgency: { score: 0.6, reasons: ["threatens to leave", "strong feeling"] },
        reach: { score: 0.75, reasons: ["12k followers", "public channel: social"] },
      },
      contacts: 3,
      waitingMinutes: 20,
    });
    expect(p.level).toBe(1);
    expect(p.explanation).toMatch(/^P1: /);
    for (const why of ["12k followers", "threatens to leave", "third contact"]) expect(p.explanation).toContain(why);
  });

  it("leaves a calm first complaint at low priority, and raises it as the wait grows", () => {
    const fresh = computePriority({ reading: calm, contacts: 1, waitingMinutes: 5 });
    const stale = computePriority({ reading: calm, contacts: 1, waitingMinutes: 60 * 30 });
    expect(fresh.level).toBe(4);
    expect(stale.score).toBeGreaterThan(fresh.score);
    expect(stale.explanation).toContain("waiting 1d");
  });

  it("weighs a high-value customer", () => {
    const normal = computePriority({ reading: calm, contacts: 1, waitingMinutes: 0 });
    const vip = computePriority({ reading: calm, contacts: 1, waitingMinutes: 0, customerValue: 1 });
    expect(vip.level).toBeLessThan(normal.level);
    expect(vip.explanation).toContain("high-value customer");
  });
});
