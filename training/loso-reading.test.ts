import { describe, expect, it } from "vitest";
import { PLAIN_DECISION } from "../src/analysis/model/sentiment-decision.js";
import { fuseSentimentProbs } from "../src/analysis/fuse/fuse-sentiment.js";
import { scoreGroupsBy, type ScoredRow } from "./loso.js";
import { cueOnlyLabel, emPriorWeights, readingLabel, SHIPPED_FUSION } from "./loso-reading.js";

// Logits (positive, neutral, negative): a head that leans neutral, not by much.
const hesitant = (gold: number): ScoredRow => ({ set: "s", lang: "cs", gold, z: Float64Array.of(0, 0.4, 0.1), row: 0 });
const none = { positive: 0, negative: 0 };
const strongNeg = { positive: 0, negative: 0.9 };

describe("Reading-level LOSO", () => {
  it("lets a clear cue overrule a hesitant head, as fuse-sentiment does", () => {
    expect(readingLabel(hesitant(2), PLAIN_DECISION, strongNeg, SHIPPED_FUSION)).toBe(2);
    expect(readingLabel(hesitant(2), PLAIN_DECISION, none, SHIPPED_FUSION)).toBe(1);
    const p = fuseSentimentProbs({ positive: 0.3, neutral: 0.4, negative: 0.3 }, 0, 0.9);
    expect(p.negative).toBeGreaterThan(p.neutral);
  });

  it("reads cues alone: the stronger clear side, else neutral", () => {
    expect(cueOnlyLabel(strongNeg)).toBe(2);
    expect(cueOnlyLabel({ positive: 0.8, negative: 0 })).toBe(0);
    expect(cueOnlyLabel(none)).toBe(1);
    expect(cueOnlyLabel({ positive: 0.6, negative: 0.55 })).toBe(1);
  });

  it("levers: a small cue weight keeps the head's neutral; neutral lifted when no cue", () => {
    expect(readingLabel(hesitant(2), PLAIN_DECISION, strongNeg, { ...SHIPPED_FUSION, weight: 0.2 })).toBe(1);
    const polar: ScoredRow = { set: "s", lang: "cs", gold: 1, z: Float64Array.of(0.3, 0, -1), row: 0 };
    expect(readingLabel(polar, PLAIN_DECISION, none, SHIPPED_FUSION)).toBe(0);
    expect(readingLabel(polar, PLAIN_DECISION, none, { ...SHIPPED_FUSION, noCue: 1 })).toBe(1);
    // A mixed message (praise and blame) leans neutral with `both`.
    const mixed = { positive: 0.9, negative: 0.5 };
    expect(readingLabel(hesitant(1), PLAIN_DECISION, mixed, SHIPPED_FUSION)).toBe(0);
    expect(readingLabel(hesitant(1), PLAIN_DECISION, mixed, { ...SHIPPED_FUSION, both: 2 })).toBe(1);
  });

  it("scores per source with any predictor", () => {
    const rows = [hesitant(1), hesitant(2)];
    const [g] = scoreGroupsBy(rows, () => 1);
    expect(g!.neutralR).toBe(1);
    expect(g!.neutralP).toBe(0.5);
  });

  it("re-estimates a source's prior by EM: a neutral-heavy source raises the neutral weight", () => {
    // Calibrated posteriors under a uniform prior; the source holds 3 neutral rows per polar row.
    const neutralRow = { positive: 0.2, neutral: 0.6, negative: 0.2 };
    const polarRow = { positive: 0.6, neutral: 0.2, negative: 0.2 };
    const rows = [neutralRow, neutralRow, neutralRow, polarRow];
    const base = { positive: 1 / 3, neutral: 1 / 3, negative: 1 / 3 };
    const w = emPriorWeights(rows, base);
    expect(w.neutral).toBeGreaterThan(1);
    expect(w.negative).toBeLessThan(1);
    const damped = emPriorWeights(rows, base, 20, 0.5);
    expect(damped.neutral).toBeCloseTo(Math.sqrt(w.neutral), 6);
  });
});
