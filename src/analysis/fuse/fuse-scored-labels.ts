import type { ScoredLabel } from "../../core/reading.js";
import { toSpans, type Range } from "./evidence.js";
import { positiveHits, strength, type FuseInput } from "./fuse-input.js";
import { noisyOr } from "./noisy-or.js";

/** How much a model probability counts next to cue evidence, and where a label starts to show. */
export interface LabelFusion {
  modelWeight: number;
  threshold: number;
}

export const DEFAULT_LABEL_FUSION: LabelFusion = { modelWeight: 0.85, threshold: 0.5 };

/**
 * Emotions show from 0.45: chosen on XED English dev (Ekman macro-F1 0.358 -> 0.376) and confirmed
 * on sets it never saw: GoEmotions 0.436 -> 0.441, XED pt 0.360 -> 0.397 (and cs, de, es, fr up),
 * Marreddy 0.508 -> 0.510 (docs/models.md, training/eval-reading-emotions.ts). Needs keep 0.5.
 */
export const EMOTION_FUSION: LabelFusion = { modelWeight: 0.85, threshold: 0.45 };

/**
 * Score a multi-label field (emotions, needs) from its cues and its model head. A label shows when
 * the combined score passes the threshold and it has evidence: cue spans first, else the words the
 * model leaned on. A label with nothing to point at is not shown.
 *
 * @example
 * fuseScoredLabels(input, "emotion", "emotions", EMOTIONS); // [{label: "anger", score: 0.9, evidence: [...]}]
 */
export function fuseScoredLabels<L extends string>(
  input: FuseInput,
  kind: "emotion" | "need",
  head: "emotions" | "needs",
  labels: readonly L[],
  fusion: LabelFusion = DEFAULT_LABEL_FUSION,
): ScoredLabel<L>[] {
  const out: ScoredLabel<L>[] = [];
  for (const label of labels) {
    const hits = positiveHits(input, kind, label);
    const cueScore = noisyOr(hits.map(strength));
    const modelScore = (input.model?.[head]?.[label] ?? 0) * fusion.modelWeight;
    const score = noisyOr([cueScore, modelScore]);
    if (score < fusion.threshold) continue;
    let ranges: Range[] = hits.map((h) => ({ start: h.start, end: h.end }));
    if (ranges.length === 0 && input.model) ranges = input.model.evidence(head, label);
    const evidence = toSpans(input.text, ranges);
    if (evidence.length === 0) continue;
    out.push({ label, score: round(score), evidence });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Two decimals: enough for people, and stable in snapshots. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
