import { describe, expect, it } from "vitest";
import { capNeutralRequests, type Row } from "./datasets.js";

const row = (set: string, text: string, dev = false): Row => ({
  set,
  lang: "en",
  text,
  dev,
  calib: false,
  targets: { sentiment: 1, needs: new Int8Array([1, 0]) },
});

describe("capNeutralRequests", () => {
  const rows = [
    ...Array.from({ length: 50 }, (_, i) => row("banking77", `how do I top up ${i}`)),
    ...Array.from({ length: 5 }, (_, i) => row("banking77", `dev question ${i}`, true)),
    ...Array.from({ length: 30 }, (_, i) => row("team-en", `team row ${i}`)),
  ];
  const kept = (rs: Row[]) => rs.filter((r) => r.set === "banking77" && !r.dev && r.targets.sentiment !== undefined).map((r) => r.text);

  it("keeps the neutral target on `cap` training rows of a neutral-only set, the same rows every time, and their other targets", () => {
    const a = rows.map((r) => ({ ...r, targets: { ...r.targets } }));
    const b = [...rows].reverse().map((r) => ({ ...r, targets: { ...r.targets } }));
    capNeutralRequests(a, { banking77: 20 });
    capNeutralRequests(b, { banking77: 20 });
    expect(kept(a)).toHaveLength(20);
    expect(new Set(kept(a))).toEqual(new Set(kept(b)));
    expect(a.every((r) => r.targets.needs !== undefined)).toBe(true);
    // Dev rows and other sets are not capped.
    expect(a.filter((r) => r.dev || r.set === "team-en").every((r) => r.targets.sentiment === 1)).toBe(true);
  });

  it("keeps every row when the cap is 0 or the set has none", () => {
    for (const caps of [{ banking77: 0 }, { truevoice_intent: 20 }] as Record<string, number>[]) {
      const a = rows.map((r) => ({ ...r, targets: { ...r.targets } }));
      capNeutralRequests(a, caps);
      expect(kept(a)).toHaveLength(50);
    }
  });
});
