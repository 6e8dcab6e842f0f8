import { describe, expect, it } from "vitest";
import { chooseNested, polarDecision, polarLabel, type CuedRow, type PolarBySet } from "./polar-decision.js";
import type { ScoredRow } from "./loso.js";

const THREE_POLAR = [1, 0, 0.5];
const THREE_NEUTRAL = [0, 2, 0];

describe("polarLabel", () => {
  it("reads neutral when the polarity head's lean is under the margin", () => {
    // P(positive) = sigmoid(0.2) = 0.55: lean 0.10.
    expect(polarLabel(THREE_POLAR, [0.2, 0], "polar-margin", 0.2)).toBe(1);
    expect(polarLabel(THREE_POLAR, [0.2, 0], "polar-margin", 0.05)).toBe(0);
    expect(polarLabel(THREE_POLAR, [0, 3], "polar-margin", 0.2)).toBe(2);
  });

  it("takes the direction from the polarity head and neutral from the three-class head", () => {
    expect(polarLabel(THREE_POLAR, [0, 3], "three-neutral+polar-margin", 0)).toBe(2);
    expect(polarLabel(THREE_NEUTRAL, [0, 3], "three-neutral+polar-margin", 0)).toBe(1);
    expect(polarLabel(THREE_NEUTRAL, [0, 3], "polar-margin", 0)).toBe(2);
  });

  it("lets a polar lexicon cue keep a weak lean polar under the cue-gated rule", () => {
    expect(polarLabel(THREE_POLAR, [0.2, 0], "three-neutral+no-cue-margin", 0.5, 0)).toBe(1);
    expect(polarLabel(THREE_POLAR, [0.2, 0], "three-neutral+no-cue-margin", 0.5, 1)).toBe(0);
  });
});

/** `n` rows of a set whose gold is neutral when the polar lean is weak (|z| = 0.1) and polar when strong (|z| = 3). */
function set(name: string, weakNeutral: boolean, n = 20): { three: CuedRow[]; polar: ScoredRow[] } {
  const three: CuedRow[] = [];
  const polar: ScoredRow[] = [];
  for (let i = 0; i < n; i++) {
    const strong = i % 2 === 0;
    const z = Float64Array.of(strong ? 3 : 0.1, 0);
    const gold = strong ? 0 : weakNeutral ? 1 : 0;
    three.push({ set: name, lang: "en", gold, z: Float64Array.from(THREE_POLAR) });
    polar.push({ set: name, lang: "en", gold, z });
  }
  return { three, polar };
}

describe("chooseNested", () => {
  it("chooses each set's margin on the other sets only", () => {
    // a and b reward a margin (their weak leans are neutral); c's weak leans are positive.
    const bySet: PolarBySet = new Map([
      ["a", set("a", true)],
      ["b", set("b", true)],
      ["c", set("c", false)],
    ]);
    const objective = (g: { f1: number }[]): number => g.reduce((s, x) => s + x.f1, 0) / g.length;
    const { chosen, groups } = chooseNested(bySet, "polar-margin", objective);
    // Holding out c, a and b pick a margin over 0.05, which reads c's weak positives as neutral.
    expect(chosen[2]).toBeGreaterThan(0.05);
    const c = groups.find((g) => g.set === "c")!;
    expect(c.f1).toBeLessThan(polarDecision(bySet, "polar-margin", 0).find((g) => g.set === "c")!.f1);
    // Holding out a, the choice still sees b's neutral rows and picks a margin.
    expect(chosen[0]).toBeGreaterThan(0.05);
  });

  it("never lets the held-out set's own rows move its margin", () => {
    const bySet: PolarBySet = new Map([
      ["a", set("a", true)],
      ["c", set("c", false)],
    ]);
    const objective = (g: { f1: number }[]): number => g.reduce((s, x) => s + x.f1, 0) / g.length;
    // a is scored with c's best margin (0) and c with a's (> 0): the opposite of each one's own best.
    expect(chooseNested(bySet, "polar-margin", objective).chosen).toEqual([0, expect.any(Number)]);
    expect(chooseNested(bySet, "polar-margin", objective).chosen[1]).toBeGreaterThan(0.05);
  });
});
