/**
 * Leave-one-source-out at the Reading level: what a message on a source attune never saw reads as
 * in the product, not only what the bare sentiment head says. The LOSO head's probabilities (the
 * shipped decision's prior offsets applied) are fused with the message's lexicon cues exactly as
 * src/analysis/fuse/fuse-sentiment.ts does (`cueSides`, `fuseSentimentProbs`, `fusedLabel`), and
 * the lexicon cues alone (no model) are scored as a third column. The lexicons are team-written
 * from general knowledge of each language, never from a source's rows, so a held-out source's
 * cues are as unseen as its texts.
 *
 * @example
 * const cues = devCueSides(rows, scored, await modelTokenizer(), loadLexicons());
 * scoreGroupsBy(scored, (s) => readingLabel(s, decision, cues.get(s.row!)!, SHIPPED_FUSION));
 */
import type { SentimentLabel } from "../src/core/labels.js";
import { cueSides, CUE_LOGIT_WEIGHT, fusedLabel, fuseSentimentProbs, type SentimentProbs } from "../src/analysis/fuse/fuse-sentiment.js";
import type { Lexicons } from "../src/analysis/lexicon/load-lexicons.js";
import { matchCues } from "../src/analysis/lexicon/match-cues.js";
import type { ModelTokenizer } from "../src/analysis/model/model-tokens.js";
import type { Models } from "../src/analysis/model/load-models.js";
import { readModelFile } from "../src/analysis/model/model-file.js";
import { sentimentProbs, type SentimentDecision } from "../src/analysis/model/sentiment-decision.js";
import type { Row } from "./datasets.js";
import type { ScoredRow } from "./loso.js";

/** Noisy-OR cue strength of each polar side of one message. */
export interface CuePair {
  positive: number;
  negative: number;
}

/**
 * How the Reading fuses the head with cues. The shipped values reproduce fuseSentiment; the
 * others are levers measured by training/loso-reading-levers.ts.
 */
export interface ReadingFusion {
  /** Log-odds a unit of cue strength adds to its side (fuse-sentiment.ts CUE_LOGIT_WEIGHT). */
  weight: number;
  /** Added to the neutral log-odds when the message has no polar cue. */
  noCue: number;
  /** Added to the neutral log-odds when both sides have cues within 0.15 of each other. */
  balanced: number;
  /** Added to the neutral log-odds when both sides have cues, however far apart (mixed messages). */
  both?: number;
  /** Share of the cues-alone probabilities mixed into the fused ones (0: none, as shipped). */
  mix?: number;
  /** Abstention on the fused probabilities; undefined: the model's own (the shipped behaviour). */
  abstain?: { minPolar: number; minMargin: number };
}

/** The fusion as shipped. */
export const SHIPPED_FUSION: ReadingFusion = { weight: CUE_LOGIT_WEIGHT, noCue: 0, balanced: 0 };

/** The shipped sentiment decision (prior offsets = biases minus the plain-training biases; abstention). */
export function shippedDecision(models: Models): SentimentDecision {
  const h = models.head.sentiment;
  const file = readModelFile(models.dir);
  const m = file.manifest.heads.find((x) => x.name === "sentiment");
  const plain = m?.plainBias ?? m?.bias ?? [0, 0, 0];
  return {
    offsets: (m?.bias ?? [0, 0, 0]).map((b, c) => b - plain[c]!),
    minPolar: h?.abstain?.minPolar ?? 0,
    minMargin: h?.abstain?.minMargin ?? 0,
  };
}

/** Cue sides of the scored rows' texts, by row index, as the pipeline finds them (same tokens and lexicon). */
export function devCueSides(
  rows: readonly Row[],
  scored: readonly ScoredRow[],
  tokenizer: ModelTokenizer,
  lexicons: Lexicons,
): Map<number, CuePair> {
  const out = new Map<number, CuePair>();
  for (const s of scored) {
    if (s.row === undefined || out.has(s.row)) continue;
    const r = rows[s.row]!;
    const c = cueSides(matchCues(tokenizer.tokenize(r.text, r.lang), lexicons.forLanguage(r.lang)));
    out.set(s.row, { positive: c.positive, negative: c.negative });
  }
  return out;
}

const INDEX: Record<SentimentLabel, number> = { positive: 0, neutral: 1, negative: 2 };

/** Move the neutral log-odds by `x` and renormalise. */
function lift(p: SentimentProbs, x: number): SentimentProbs {
  if (x === 0) return p;
  const n = p.neutral * Math.exp(x);
  const z = p.positive + p.negative + n;
  return { positive: p.positive / z, negative: p.negative / z, neutral: n / z };
}

/** The Reading's sentiment (class index) of a LOSO-scored row: head probabilities fused with its cues. */
export function readingLabel(s: ScoredRow, d: SentimentDecision, cue: CuePair, f: ReadingFusion, prior?: SentimentProbs): number {
  let fused = readingProbs(s, d, cue, f);
  if (prior) fused = reweight(fused, prior);
  const own = d.minPolar > 0 || d.minMargin > 0 ? { minPolar: d.minPolar, minMargin: d.minMargin } : undefined;
  return INDEX[fusedLabel(fused, f.abstain ?? own)];
}

/** Multiply each class probability by its weight and renormalise. */
function reweight(p: SentimentProbs, w: SentimentProbs): SentimentProbs {
  const pos = p.positive * w.positive;
  const neu = p.neutral * w.neutral;
  const neg = p.negative * w.negative;
  const z = pos + neu + neg;
  return { positive: pos / z, neutral: neu / z, negative: neg / z };
}

/** The mean of many probability rows (the class prior they assume on average). */
export function meanProbs(ps: readonly SentimentProbs[]): SentimentProbs {
  const m = { positive: 0, neutral: 0, negative: 0 };
  for (const p of ps) for (const k of ["positive", "neutral", "negative"] as const) m[k] += p[k] / ps.length;
  return m;
}

/**
 * Prior-shift weights for one source's unlabeled messages by EM (Saerens, Latinne & Decaerestecker
 * 2002): start from the prior the probabilities assume (`base`, the mean over the sources the model
 * learnt from), re-estimate the source's class prior as the mean adjusted posterior, repeat. The
 * weights (new prior / base prior) are what a workspace would apply to its own traffic; `damp` in
 * (0, 1] takes only that power of them, because a poorly calibrated head makes full EM overshoot.
 */
export function emPriorWeights(probs: readonly SentimentProbs[], base: SentimentProbs, iterations = 20, damp = 1): SentimentProbs {
  const ratio = (prior: SentimentProbs): SentimentProbs => ({
    positive: prior.positive / base.positive,
    neutral: prior.neutral / base.neutral,
    negative: prior.negative / base.negative,
  });
  let w = ratio(base);
  for (let i = 0; i < iterations; i++) w = ratio(meanProbs(probs.map((p) => reweight(p, w))));
  return { positive: w.positive ** damp, neutral: w.neutral ** damp, negative: w.negative ** damp };
}

/** The Reading's fused sentiment probabilities of a LOSO-scored row (before abstention and the label). */
export function readingProbs(s: ScoredRow, d: SentimentDecision, cue: CuePair, f: ReadingFusion): SentimentProbs {
  const p = sentimentProbs(s.z, s.lang, d);
  const model: SentimentProbs = { positive: p[0]!, neutral: p[1]!, negative: p[2]! };
  let fused = fuseSentimentProbs(model, cue.positive, cue.negative, f.weight);
  if (cue.positive === 0 && cue.negative === 0) fused = lift(fused, f.noCue);
  else if (cue.positive > 0 && cue.negative > 0 && Math.abs(cue.positive - cue.negative) < 0.15)
    fused = lift(fused, f.balanced + (f.both ?? 0));
  else if (cue.positive > 0 && cue.negative > 0) fused = lift(fused, f.both ?? 0);
  const mix = f.mix ?? 0;
  if (mix > 0) {
    const c = fuseSentimentProbs(undefined, cue.positive, cue.negative);
    fused = {
      positive: (1 - mix) * fused.positive + mix * c.positive,
      neutral: (1 - mix) * fused.neutral + mix * c.neutral,
      negative: (1 - mix) * fused.negative + mix * c.negative,
    };
  }
  return fused;
}

/** The sentiment the lexicon cues alone give (a Reading without models). */
export function cueOnlyLabel(cue: CuePair): number {
  return INDEX[fusedLabel(fuseSentimentProbs(undefined, cue.positive, cue.negative), undefined)];
}
