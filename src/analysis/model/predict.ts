/**
 * Inference: hashed features of the tokens, one pass over the int8 weight rows for all heads at
 * once (summed per token, simd-accumulate.ts), then softmax/sigmoid per head. Evidence is read on
 * demand from the per-token sums: for a label, the tokens whose features pushed it up most
 * (weight x value), merged into spans of the original text.
 *
 * @example
 * const out = predict(models, { tokens, text, lang: "en" });
 * out.sentiment.label;                 // "negative"
 * out.evidence("negative");            // [{ start: 12, end: 17 }]
 * out.heads.emotions.predicted;        // ["anger", "frustration"]
 */
import type { SentimentLabel } from "../../core/labels.js";
import type { Token } from "../text/token.js";
import { isFunctionWord } from "../text/function-words.js";
import { labelOfProbs } from "./sentiment-decision.js";
import { type CueHit, type Features, featurize, messageFeatures } from "./features.js";
import type { HeadKind, HeadName } from "./heads.js";
import type { LoadedHead, Models } from "./load-models.js";
import { MAX_SLOTS } from "./simd-accumulate.js";
import { windowSums } from "./window-sums.js";

export interface PredictInput {
  tokens: readonly Token[];
  text: string;
  lang: string;
  /** Lexicon cue hits, if the model was trained with them. */
  cues?: readonly CueHit[];
}

export interface HeadOutput {
  name: HeadName;
  kind: HeadKind;
  labels: readonly string[];
  /** Probability per label (softmax heads sum to 1). */
  probs: Float64Array;
  /** Softmax: the argmax. Sigmoid: labels over their threshold, most probable first. */
  predicted: string[];
  /** False when the head had no training data; its probs are then all 0. */
  trained: boolean;
}

export interface EvidenceSpan {
  start: number;
  end: number;
}

export interface ModelOutput {
  heads: Record<HeadName, HeadOutput>;
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  complaint: { is: boolean; probability: number; severity: 0 | 1 | 2 | 3 | 4 };
  /** Probability of `label` in `head` (0 when unknown). */
  prob(head: HeadName, label: string): number;
  /**
   * Spans of the words that most supported `label`. Without `head`, the first head carrying the label
   * is used (sentiment, emotions, needs, causes, stage, signals, complaint, severity, ekman).
   */
  evidence(label: string, head?: HeadName, max?: number): EvidenceSpan[];
  /**
   * The sentiment head on tokens lo..hi alone with `cues` (the cue features of the hits inside
   * them, their token positions counted from token lo): `sentimentProbs` of those tokens, from this
   * message's per-token sums instead of a second pass over their rows. Absent when the head is
   * untrained or the message was summed in one slot.
   */
  sentimentOfTokens?: (lo: number, hi: number, cues?: readonly CueHit[]) => Float64Array;
}

const LOOKUP_ORDER: HeadName[] = ["sentiment", "emotions", "needs", "causes", "stage", "signals", "complaint", "severity", "ekman"];

/**
 * Per-token signed weight sums of one message: slot 0 holds message-level features, slot t + 1
 * token t. Every feature counts twice (see simd-accumulate.ts), so the message's score is half the
 * total.
 */
interface TokenSums {
  sums: Int32Array;
  width: number;
}

let total = new Float64Array(64);

/**
 * Sum the weight rows of the features per token (short messages) or all in one slot (messages
 * longer than MAX_SLOTS tokens, whose per-token sums window-sums.ts finds when evidence is asked). Fills `total`.
 */
function sumRows(models: Models, f: Features, tokens: number): TokenSums | null {
  const slots = tokens + 1 <= MAX_SLOTS ? tokens + 1 : 1;
  const width = models.packedStride * 4;
  const sums = models.store.slotSums(f.idx, f.tok, f.tok2, f.n, slots);
  if (total.length < width) total = new Float64Array(width);
  const cols = models.columns;
  total.fill(0);
  for (let s = 0; s < slots; s++) {
    const base = s * width;
    for (let c = 0; c < cols; c++) total[c] = total[c]! + sums[base + c]!;
  }
  for (let c = 0; c < cols; c++) total[c] = total[c]! / 2;
  return slots > 1 ? { sums: sums.slice(0, slots * width), width } : null;
}

function headOutput(h: LoadedHead, z: Float64Array): HeadOutput {
  const k = h.labels.length;
  const probs = new Float64Array(k);
  const predicted: string[] = [];
  if (!h.trained) return { name: h.name, kind: h.kind, labels: h.labels, probs, predicted, trained: false };
  if (h.kind === "softmax") {
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < k; j++)
      if (z[h.offset + j]! > max) {
        max = z[h.offset + j]!;
        arg = j;
      }
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(z[h.offset + j]! - max);
      probs[j] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) probs[j]! /= sum;
    // Sentiment abstains on weak or balanced polar evidence (calibrated by leave-one-source-out).
    predicted.push(h.labels[h.abstain ? labelOfProbs(probs, h.abstain) : arg]!);
  } else {
    const order: number[] = [];
    for (let j = 0; j < k; j++) {
      probs[j] = 1 / (1 + Math.exp(-z[h.offset + j]!));
      if (probs[j]! >= h.threshold[j]!) order.push(j);
    }
    order.sort((a, b) => probs[b]! - probs[a]!);
    for (const j of order) predicted.push(h.labels[j]!);
  }
  return { name: h.name, kind: h.kind, labels: h.labels, probs, predicted, trained: true };
}

/**
 * The sentiment head alone: `predict(models, input).heads.sentiment.probs`, or null when that head
 * is untrained, without scoring the other heads or keeping per-token sums for evidence. Rules read
 * the tone of single clauses with it (a second pass over part of a message).
 */
export function sentimentProbs(models: Models, input: PredictInput): Float64Array | null {
  const h = models.head.sentiment;
  if (!h?.trained) return null;
  const f = featurize(input.tokens, models.bits, input.cues, models.features, input.lang);
  return sentimentOfSums(models, h, columnSums(models, f, input.tokens.length, h.offset, h.labels.length), f.value, input.lang);
}

/** The sentiment head's probabilities from its columns' weight sums and the feature value. */
function sentimentOfSums(models: Models, h: LoadedHead, sums: Float64Array, value: number, lang: string): Float64Array {
  const z = new Float64Array(models.columns);
  const lb = h.langBias.size > 0 ? h.langBias.get(lang) : undefined;
  for (let j = 0; j < h.labels.length; j++) z[h.offset + j] = sums[j]! * h.scale[j]! * value + h.bias[j]! + (lb ? lb[j]! : 0);
  return headOutput(h, z).probs;
}

/**
 * `sentimentProbs` of tokens lo..hi with `cues`, from the whole message's features `f` and
 * per-token sums `ts`. The slots of lo..hi hold (in halves) every feature of those tokens, plus one
 * half of each bigram reaching outside and the whole message's cue features there: those are taken
 * out again row by row (a few), and the part's own style flags and cue features (positions counted
 * from lo) added, with the slot rule of `columnSums`.
 */
function tokensSentiment(
  models: Models,
  h: LoadedHead,
  f: Features,
  ts: TokenSums,
  input: PredictInput,
  lo: number,
  hi: number,
  cues?: readonly CueHit[],
): Float64Array {
  const { sums, width } = ts;
  const k = h.labels.length;
  const bytes = models.bytes;
  const twice = new Float64Array(k);
  for (let t = lo; t <= hi; t++) {
    const base = (t + 1) * width + h.offset;
    for (let j = 0; j < k; j++) twice[j] = twice[j]! + sums[base + j]!;
  }
  const tokenEnd = f.tokenFeatures ?? f.n;
  let n = 0;
  for (let i = 0; i < f.n; i++) {
    const a = f.tok[i]!;
    const b = f.tok2[i]! >= 0 ? f.tok2[i]! : a;
    const share = (a >= lo && a <= hi ? 1 : 0) + (b >= lo && b <= hi ? 1 : 0);
    if (share === 2 && i < tokenEnd) n++;
    else if (share > 0) {
      const row = f.idx[i]! * width + h.offset;
      for (let j = 0; j < k; j++) twice[j] = twice[j]! - share * (bytes[row + j]! - 128);
    }
  }
  const extra = messageFeatures(input.tokens, { lo, hi }, cues, { bits: models.bits, opts: models.features, lang: input.lang });
  const slots = hi - lo + 2;
  for (let i = 0; i < extra.n; i++) {
    if (extra.tok[i]! + 1 >= slots) continue;
    const row = extra.idx[i]! * width + h.offset;
    for (let j = 0; j < k; j++) twice[j] = twice[j]! + 2 * (bytes[row + j]! - 128);
  }
  n += extra.n;
  for (let j = 0; j < k; j++) twice[j] = twice[j]! / 2;
  return sentimentOfSums(models, h, twice, n > 0 ? 1 / Math.sqrt(n) : 0, input.lang);
}

/**
 * What `sumRows` would total for columns [offset, offset + k), read byte by byte: one head of a few
 * columns touches one cache line per row, where `sumRows` reads whole rows for every head and keeps
 * per-token sums. The same integers: a feature counts once in each of its two slots that is below
 * `slots` (tokens + 1, or 1 for a message summed in one slot), halved. A feature whose token index
 * lies past the slots (a caller's cue positioned outside the tokens it passed) is left out rather
 * than read outside the sums; a clause's cues count from its first token (model-view-adapter.ts).
 */
function columnSums(models: Models, f: Features, tokens: number, offset: number, k: number): Float64Array {
  const slots = tokens + 1 <= MAX_SLOTS ? tokens + 1 : 1;
  const bytes = models.bytes;
  const width = models.packedStride * 4;
  const out = new Float64Array(k);
  for (let i = 0; i < f.n; i++) {
    const a = f.tok[i]! + 1;
    const b = f.tok2[i]! >= 0 ? f.tok2[i]! + 1 : a;
    const times = slots === 1 ? 2 : (a < slots ? 1 : 0) + (b < slots ? 1 : 0);
    if (times === 0) continue;
    const row = f.idx[i]! * width + offset;
    for (let j = 0; j < k; j++) out[j] = out[j]! + times * (bytes[row + j]! - 128);
  }
  for (let j = 0; j < k; j++) out[j] = out[j]! / 2;
  return out;
}

/** Score every head for one tokenised message. */
export function predict(models: Models, input: PredictInput): ModelOutput {
  const { columns } = models;
  const f = featurize(input.tokens, models.bits, input.cues, models.features, input.lang);
  const perToken = sumRows(models, f, input.tokens.length);
  let long: TokenSums | null = null;
  // Which tokens may show a label is the same for every label asked: found once, on the first ask.
  let content: Uint8Array | null = null;
  const z = new Float64Array(columns);
  const heads = {} as Record<HeadName, HeadOutput>;
  for (const h of models.heads) {
    const lb = h.langBias.size > 0 ? h.langBias.get(input.lang) : undefined;
    for (let j = 0; j < h.labels.length; j++)
      z[h.offset + j] = total[h.offset + j]! * h.scale[j]! * f.value + h.bias[j]! + (lb ? lb[j]! : 0);
    heads[h.name] = headOutput(h, z);
  }
  const s = heads.sentiment;
  const sp = s?.probs ?? new Float64Array(3);
  const sLabel = (s?.predicted[0] ?? "neutral") as SentimentLabel;
  const sentiment = { label: sLabel, score: (sp[0] ?? 0) - (sp[2] ?? 0), confidence: Math.max(sp[0] ?? 0, sp[1] ?? 0, sp[2] ?? 0) };
  const cp = heads.complaint?.probs[0] ?? 0;
  const is = heads.complaint?.trained === true && cp >= (models.head.complaint?.threshold[0] ?? 0.5);
  let severity: 0 | 1 | 2 | 3 | 4 = 0;
  if (is && heads.severity?.trained) {
    // Severity among complaints: the most probable of 1..4, so a complaint is never "severity 0".
    let best = 1;
    for (let j = 2; j <= 4; j++) if (heads.severity.probs[j]! > heads.severity.probs[best]!) best = j;
    severity = best as 1 | 2 | 3 | 4;
  }
  return {
    heads,
    sentiment,
    complaint: { is, probability: cp, severity },
    prob(head, label) {
      const h = heads[head];
      if (!h) return 0;
      const j = h.labels.indexOf(label);
      return j < 0 ? 0 : h.probs[j]!;
    },
    evidence(label, head, max = 3) {
      const name = head ?? LOOKUP_ORDER.find((n) => models.head[n]?.labels.includes(label));
      const h = name ? models.head[name] : undefined;
      if (!h || !h.trained) return [];
      const j = h.labels.indexOf(label);
      if (j < 0) return [];
      // A long message's per-token sums are found once, on the first evidence asked of it.
      const sums = perToken ?? (long ??= windowSums(models.store, f, input.tokens.length));
      content ??= contentMask(input);
      return spansOf(contribFromSums(sums, h, j), input, content, max);
    },
    ...(perToken && models.head.sentiment?.trained
      ? {
          sentimentOfTokens: (lo: number, hi: number, cues?: readonly CueHit[]) =>
            tokensSentiment(models, models.head.sentiment!, f, perToken, input, lo, hi, cues),
        }
      : {}),
  };
}

/**
 * Per-token contribution to column j of head h (softmax: relative to the head's mean), from the
 * per-token sums; integer until the scale.
 */
function contribFromSums(ts: TokenSums, h: LoadedHead, j: number): Float64Array {
  const { sums, width } = ts;
  const T = sums.length / width - 1;
  const contrib = new Float64Array(T);
  const softmax = h.kind === "softmax";
  const k = h.labels.length;
  for (let t = 0; t < T; t++) {
    const base = (t + 1) * width + h.offset;
    let w = sums[base + j]! * h.scale[j]!;
    if (softmax) {
      let mean = 0;
      for (let c = 0; c < k; c++) mean += sums[base + c]! * h.scale[c]!;
      w -= mean / k;
    }
    contrib[t] = w / 2;
  }
  return contrib;
}

/**
 * The `max` tokens of largest contribution at or above `floor`, largest first (earlier first among
 * equals): one pass keeping a short sorted list, where sorting every picked token cost n log n per
 * label on long messages (32,768 emoji all contribute alike).
 */
function topTokens(contrib: Float64Array, floor: number, max: number): number[] {
  const best: number[] = [];
  for (let t = 0; t < contrib.length; t++) {
    const c = contrib[t]!;
    if (c < floor || (best.length === max && c <= contrib[best[max - 1]!]!)) continue;
    let at = best.length;
    while (at > 0 && contrib[best[at - 1]!]! < c) at--;
    best.splice(at, 0, t);
    if (best.length > max) best.pop();
  }
  return best;
}

/** Two letters anywhere: tested, not counted, so no array of matches per word. */
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;
const MARK = /\p{M}/u;
const DIGITS = /^\p{N}+$/u;

/**
 * A token evidence may point at: not a function word, nor a lone letter without a vowel sign (a
 * stray "x" or a Thai consonant cut off by the segmenter; "ดี" keeps its vowel and is a word).
 */
function showsContent(t: Token, lang: string): boolean {
  if (isFunctionWord(t, lang)) return false;
  return t.kind !== "word" || TWO_LETTERS.test(t.norm) || MARK.test(t.norm) || DIGITS.test(t.norm);
}

/** 1 for each token that `showsContent`, 0 for the others. */
function contentMask(input: PredictInput): Uint8Array {
  const mask = new Uint8Array(input.tokens.length);
  input.tokens.forEach((t, i) => {
    mask[i] = showsContent(t, input.lang) ? 1 : 0;
  });
  return mask;
}

/** The words that pushed a label up most, merged into spans of the original text (`content`: contentMask of the input). */
function spansOf(contrib: Float64Array, input: PredictInput, content: Uint8Array, max: number): EvidenceSpan[] {
  const tokens = input.tokens;
  // Evidence shows content words: particles, pronouns, punctuation and one-letter fragments (a stray
  // Thai or Telugu sign cut off by the segmenter) never carry the label.
  for (let t = 0; t < contrib.length; t++) if (t < content.length && content[t] === 0) contrib[t] = 0;
  let top = 0;
  for (let t = 0; t < contrib.length; t++) if (contrib[t]! > top) top = contrib[t]!;
  if (top <= 0) return [];
  const keep = topTokens(contrib, top * 0.35, max).sort((a, b) => a - b);
  const spans: EvidenceSpan[] = [];
  for (const t of keep) {
    const tok = tokens[t]!;
    const last = spans[spans.length - 1];
    // Neighbouring picked words separated only by spaces read better as one span.
    if (last && input.text.slice(last.end, tok.start).trim() === "") last.end = tok.end;
    else spans.push({ start: tok.start, end: tok.end });
  }
  return spans;
}
