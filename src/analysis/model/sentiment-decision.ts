/**
 * How the sentiment head's logits become a label. Two calibrated steps, both chosen by
 * leave-one-source-out (training/loso.ts), not on in-source dev rows:
 *
 * - class priors for customer traffic: offsets added to the positive / neutral / negative logits,
 *   so the label mix of the training sources is not the model's prior;
 * - abstention: a polar label needs a clear winner. When the stronger polar probability is under
 *   `minPolar`, or the two polar probabilities are within `minMargin` of each other, the message
 *   reads neutral (weak or balanced evidence).
 *
 * @example
 * decideSentiment(Float64Array.of(0.2, 0, 0.1), "en", { offsets: [0, 0, 0], minPolar: 0.5, minMargin: 0.1 }); // 1 (neutral)
 */

/** Index of each sentiment class in the head's logits (labels order: positive, neutral, negative). */
export const POSITIVE = 0;
export const NEUTRAL = 1;
export const NEGATIVE = 2;

export interface SentimentDecision {
  /** Added to the logits (positive, neutral, negative) of every message. */
  offsets: readonly number[];
  /** Per language, added on top of `offsets`. */
  langOffsets?: Readonly<Record<string, readonly number[]>>;
  /** A polar label needs at least this probability. */
  minPolar: number;
  /** ... and at least this lead over the other polar class. */
  minMargin: number;
}

/** Argmax only: the decision of a head without calibration. */
export const PLAIN_DECISION: SentimentDecision = { offsets: [0, 0, 0], minPolar: 0, minMargin: 0 };

/** Softmax of the logits after the prior offsets, written into `out`. */
export function sentimentProbs(z: ArrayLike<number>, lang: string, d: SentimentDecision, out = new Float64Array(3)): Float64Array {
  const lo = d.langOffsets?.[lang];
  let max = -Infinity;
  for (let c = 0; c < 3; c++) {
    out[c] = z[c]! + (d.offsets[c] ?? 0) + (lo?.[c] ?? 0);
    if (out[c]! > max) max = out[c]!;
  }
  let sum = 0;
  for (let c = 0; c < 3; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < 3; c++) out[c]! /= sum;
  return out;
}

/** The label of calibrated probabilities (positive, neutral, negative): argmax, then abstention. */
export function labelOfProbs(p: ArrayLike<number>, d: Pick<SentimentDecision, "minPolar" | "minMargin">): number {
  let arg = 0;
  for (let c = 1; c < 3; c++) if (p[c]! > p[arg]!) arg = c;
  if (arg === NEUTRAL) return NEUTRAL;
  const polar = p[arg]!;
  const other = p[arg === POSITIVE ? NEGATIVE : POSITIVE]!;
  return polar < d.minPolar || polar - other < d.minMargin ? NEUTRAL : arg;
}

/** The sentiment class index for raw logits (positive, neutral, negative). */
export function decideSentiment(z: ArrayLike<number>, lang: string, d: SentimentDecision): number {
  return labelOfProbs(sentimentProbs(z, lang, d), d);
}
