import { SENTIMENTS, WARM_EMOTIONS, type EmotionLabel, type SentimentLabel } from "../../core/labels.js";
import { labelOfProbs } from "../model/sentiment-decision.js";
import type { Reading } from "../../core/reading.js";
import { toSpans, wholeText, type Range } from "./evidence.js";
import { strength, type FuseInput } from "./fuse-input.js";
import type { CueHit } from "../lexicon/match-cues.js";
import { round } from "./fuse-scored-labels.js";
import { noisyOr } from "./noisy-or.js";

/** How far cue evidence moves the model's log-odds; tuned on the dev sets by `npm run eval`. */
export const CUE_LOGIT_WEIGHT = 1.6;

/**
 * Sentiment from cue polarity (sentiment cues, emotions, cause polarity; negation flips) and the
 * model head, fused in log-odds space so that a clear cue can overrule a hesitant model and a
 * confident model is not drowned by one weak hint.
 *
 * @example
 * fuseSentiment(input); // {label: "negative", score: -0.72, confidence: 0.81, evidence: [...]}
 */
export function fuseSentiment(input: FuseInput): Reading["sentiment"] {
  const cues = cueSides(input.hits);
  const probs = fuseSentimentProbs(input.model?.sentiment, cues.positive, cues.negative);
  const label = fusedLabel(probs, input.model?.sentimentAbstain);
  let evidenceRanges = cues.ranges[label];
  if (evidenceRanges.length === 0 && input.model) evidenceRanges = input.model.evidence("sentiment", label);
  if (evidenceRanges.length === 0) evidenceRanges = wholeText(input.text);
  return {
    label,
    score: round(probs.positive - probs.negative),
    confidence: round(probs[label]),
    evidence: toSpans(input.text, evidenceRanges),
  };
}

/** What a message's cue hits say about its polarity: noisy-OR strength per side and the spans behind each. */
export interface CueSides {
  positive: number;
  negative: number;
  ranges: Record<SentimentLabel, Range[]>;
}

/**
 * Cue polarity of a message's hits (sentiment cues, emotions, cause polarity, reproach), each side
 * combined by noisy-OR. A negated polar word flips at 0.6 of its strength; a negated emotion or
 * reproach says nothing ("not angry" is not joy).
 *
 * @example
 * cueSides(matchCues(tokens, lexicon)); // { positive: 0.7, negative: 0, ranges: {...} }
 */
export function cueSides(hits: readonly CueHit[]): CueSides {
  const pos: number[] = [];
  const neg: number[] = [];
  const ranges: Record<SentimentLabel, Range[]> = { positive: [], negative: [], neutral: [] };
  for (const h of hits) {
    let side: "positive" | "negative" | null = null;
    if (h.cue.kind === "sentiment") side = h.cue.label as "positive" | "negative";
    else if (h.cue.kind === "emotion") side = WARM_EMOTIONS.has(h.cue.label as EmotionLabel) ? "positive" : "negative";
    else if (h.cue.kind === "cause") side = h.cue.polarity === "+" ? "positive" : "negative";
    else if (h.cue.kind === "complaint") side = "negative";
    if (side === null) continue;
    // Negated emotions and complaints say little ("not angry" is not joy); negated polar words flip.
    if (h.negated) {
      if (h.cue.kind === "emotion" || h.cue.kind === "complaint") continue;
      side = side === "positive" ? "negative" : "positive";
    }
    const s = h.negated ? strength(h) * 0.6 : strength(h);
    (side === "positive" ? pos : neg).push(s);
    ranges[side].push({ start: h.start, end: h.end });
  }
  return { positive: noisyOr(pos), negative: noisyOr(neg), ranges };
}

/** Argmax of the fused probabilities; with the model's abstention, weak or balanced polar evidence is neutral. */
export function fusedLabel(
  probs: Record<SentimentLabel, number>,
  abstain: { minPolar: number; minMargin: number } | undefined,
): SentimentLabel {
  if (abstain) return SENTIMENTS[labelOfProbs([probs.positive, probs.neutral, probs.negative], abstain)]!;
  return (Object.keys(probs) as SentimentLabel[]).reduce((a, b) => (probs[b] > probs[a] ? b : a), "neutral");
}

/** The sentiment head's probabilities, as ModelView gives them. */
export type SentimentProbs = Record<SentimentLabel, number>;

/**
 * The fused sentiment probabilities: the model's log-odds moved by cue evidence (`weight` per unit
 * of noisy-OR cue strength), or cues alone when there is no model. Pure, so leave-one-source-out
 * runs (training/loso-reading.ts) score the Reading's sentiment with a head that never saw the source.
 *
 * @example
 * fuseSentimentProbs({ positive: 0.3, neutral: 0.4, negative: 0.3 }, 0.8, 0); // positive ahead
 */
export function fuseSentimentProbs(
  m: SentimentProbs | undefined,
  cuePos: number,
  cueNeg: number,
  weight: number = CUE_LOGIT_WEIGHT,
): SentimentProbs {
  if (!m) {
    // Cues alone: the stronger side wins when it is clear; weak or balanced evidence is neutral.
    const top = Math.max(cuePos, cueNeg);
    if (top < 0.3 || Math.abs(cuePos - cueNeg) < 0.15) {
      const rest = (1 - 0.6) / 2;
      return { neutral: 0.6, positive: rest + cuePos * 0.1, negative: rest + cueNeg * 0.1 };
    }
    const p = 0.5 + top * 0.45;
    return cuePos > cueNeg
      ? { positive: p, negative: (1 - p) / 2, neutral: (1 - p) / 2 }
      : { negative: p, positive: (1 - p) / 2, neutral: (1 - p) / 2 };
  }
  const eps = 1e-6;
  const logits = {
    positive: Math.log(m.positive + eps) + weight * cuePos,
    negative: Math.log(m.negative + eps) + weight * cueNeg,
    neutral: Math.log(m.neutral + eps),
  };
  const max = Math.max(logits.positive, logits.negative, logits.neutral);
  const e = {
    positive: Math.exp(logits.positive - max),
    negative: Math.exp(logits.negative - max),
    neutral: Math.exp(logits.neutral - max),
  };
  const z = e.positive + e.negative + e.neutral;
  return { positive: e.positive / z, negative: e.negative / z, neutral: e.neutral / z };
}
