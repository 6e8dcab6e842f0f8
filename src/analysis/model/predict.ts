/**
 * Inference: hashed features of the tokens, one pass over the int8 weight rows for all heads at
 * once, then softmax/sigmoid per head. Evidence is computed on demand: for a label, the tokens whose
 * features pushed it up most (weight x value), merged into spans of the original text.
 *
 * @example
 * const out = predict(models, { tokens, text, lang: "en" });
 * out.sentiment.label;                 // "negative"
 * out.evidence("negative");            // [{ start: 12, end: 17 }]
 * out.heads.emotions.predicted;        // ["anger", "frustration"]
 */
import type { SentimentLabel } from "../../core/labels.js";
import type { Token } from "../text/token.js";
import { type CueHit, type Features, featurize } from "./features.js";
import type { HeadKind, HeadName } from "./heads.js";
import type { LoadedHead, Models } from "./load-models.js";

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
}

const LOOKUP_ORDER: HeadName[] = ["sentiment", "emotions", "needs", "causes", "stage", "signals", "complaint", "severity", "ekman"];

let acc = new Int32Array(64);

/** acc[c] = sum over the features of the int8 weight of column c. */
function accumulate(models: Models, idx: Uint32Array, n: number): void {
  const width = models.packedStride * 4;
  if (acc.length < width) acc = new Int32Array(width);
  models.store.accumulate(idx, n, acc);
  // The stored bytes are weight + 128.
  const bias = 128 * n;
  for (let c = 0; c < width; c++) acc[c] = acc[c]! - bias;
}

function headOutput(h: LoadedHead, z: Float64Array): HeadOutput {
  const k = h.labels.length;
  const probs = new Float64Array(k);
  const predicted: string[] = [];
  if (!h.trained) return { name: h.name, kind: h.kind, labels: h.labels, probs, predicted, trained: false };
  if (h.kind === "softmax") {
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < k; j++) if (z[h.offset + j]! > max) { max = z[h.offset + j]!; arg = j; }
    let sum = 0;
    for (let j = 0; j < k; j++) { const e = Math.exp(z[h.offset + j]! - max); probs[j] = e; sum += e; }
    for (let j = 0; j < k; j++) probs[j]! /= sum;
    predicted.push(h.labels[arg]!);
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

/** Score every head for one tokenised message. */
export function predict(models: Models, input: PredictInput): ModelOutput {
  const { columns } = models;
  const f = featurize(input.tokens, models.bits, input.cues, models.features, input.lang);
  accumulate(models, f.idx, f.n);
  const z = new Float64Array(columns);
  const heads = {} as Record<HeadName, HeadOutput>;
  for (const h of models.heads) {
    const lb = h.langBias.size > 0 ? h.langBias.get(input.lang) : undefined;
    for (let j = 0; j < h.labels.length; j++) z[h.offset + j] = acc[h.offset + j]! * h.scale[j]! * f.value + h.bias[j]! + (lb ? lb[j]! : 0);
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
      return evidenceSpans(models, h, j, f, input, max);
    },
  };
}

let halves = new Int32Array(256);

/**
 * Per-token contribution of the features to column j (softmax: relative to the head's mean). Sums
 * stay integer (bytes, doubled so a bigram can give each of its two words half) until the end.
 */
function evidenceSpans(models: Models, h: LoadedHead, j: number, f: Features, input: PredictInput, max: number): EvidenceSpan[] {
  const { bytes } = models;
  const rowBytes = models.packedStride * 4;
  const tokens = input.tokens;
  const T = tokens.length;
  // Softmax heads need every column of the head; sigmoid heads only column j.
  const k = h.kind === "softmax" ? h.labels.length : 1;
  const first = h.kind === "softmax" ? h.offset : h.offset + j;
  const cells = T * k;
  if (halves.length < cells) halves = new Int32Array(cells * 2);
  halves.fill(0, 0, cells);
  const count = new Int32Array(T);
  const { idx, tok, tok2 } = f;
  for (let i = 0; i < f.n; i++) {
    const t = tok[i]!;
    if (t < 0) continue;
    const base = idx[i]! * rowBytes + first;
    const t2 = tok2[i]!;
    if (t2 >= 0) {
      for (let c = 0; c < k; c++) {
        const w = bytes[base + c]!;
        halves[t * k + c] = halves[t * k + c]! + w;
        halves[t2 * k + c] = halves[t2 * k + c]! + w;
      }
      count[t] = count[t]! + 1;
      count[t2] = count[t2]! + 1;
    } else {
      for (let c = 0; c < k; c++) halves[t * k + c] = halves[t * k + c]! + 2 * bytes[base + c]!;
      count[t] = count[t]! + 2;
    }
  }
  const contrib = new Float64Array(T);
  const jj = h.kind === "softmax" ? j : 0;
  for (let t = 0; t < T; t++) {
    const bias = 128 * count[t]!;
    let w = (halves[t * k + jj]! - bias) * h.scale[first - h.offset + jj]!;
    if (k > 1) {
      let mean = 0;
      for (let c = 0; c < k; c++) mean += (halves[t * k + c]! - bias) * h.scale[c]!;
      w -= mean / k;
    }
    contrib[t] = w / 2;
  }
  let top = 0;
  for (let t = 0; t < contrib.length; t++) if (contrib[t]! > top) top = contrib[t]!;
  if (top <= 0) return [];
  const picked: number[] = [];
  for (let t = 0; t < contrib.length; t++) if (contrib[t]! >= top * 0.35) picked.push(t);
  picked.sort((a, b) => contrib[b]! - contrib[a]!);
  const keep = picked.slice(0, max).sort((a, b) => a - b);
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
