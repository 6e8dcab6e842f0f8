import { STAGES, type StageLabel } from "../../core/labels.js";
import type { CauseReading, ScoredLabel, StageReading } from "../../core/reading.js";
import type { NeedLabel } from "../../core/labels.js";
import { toSpans, wholeText } from "./evidence.js";
import { positiveHits, strength, type FuseInput } from "./fuse-input.js";
import { round } from "./fuse-scored-labels.js";
import { noisyOr } from "./noisy-or.js";

// Where in the journey a need or cause usually places a message when nothing names the stage.
const FROM_NEED: Partial<Record<NeedLabel, StageLabel>> = { cancellation: "leaving", refund_or_compensation: "after_interaction" };
const FROM_CAUSE: Partial<Record<CauseReading["label"], StageLabel>> = {
  delivery_or_wait: "purchase",
  product_quality: "in_use",
  usability: "in_use",
  staff_treatment: "in_interaction",
  communication_gap: "in_interaction",
  advertising: "before_purchase",
};

/**
 * The journey stage: the strongest stage cue or model guess; failing both, the stage a need or
 * cause implies; failing that, the message itself is an interaction with the company.
 *
 * @example
 * fuseStage(input, needs, causes); // {label: "leaving", confidence: 0.9, evidence: [...]}
 */
export function fuseStage(input: FuseInput, needs: ScoredLabel<NeedLabel>[], causes: CauseReading[]): StageReading {
  let best: StageReading | null = null;
  for (const label of STAGES) {
    const hits = positiveHits(input, "stage", label);
    const model = input.model?.stages?.[label] ?? 0;
    const score = noisyOr([noisyOr(hits.map(strength)), model * 0.8]);
    if (score < 0.35 || (best && best.confidence >= score)) continue;
    const ranges = hits.length > 0 ? hits : (input.model?.evidence("stages", label) ?? []);
    const evidence = toSpans(input.text, ranges);
    if (evidence.length > 0) best = { label, confidence: round(score), evidence };
  }
  if (best) return best;
  for (const n of needs) {
    const label = FROM_NEED[n.label];
    if (label) return { label, confidence: round(n.score * 0.5), evidence: n.evidence };
  }
  for (const c of causes) {
    const label = FROM_CAUSE[c.label];
    if (label) return { label, confidence: round(c.score * 0.4), evidence: c.evidence };
  }
  return { label: "in_interaction", confidence: 0.2, evidence: toSpans(input.text, wholeText(input.text)) };
}
