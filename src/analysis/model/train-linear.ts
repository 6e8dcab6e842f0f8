/**
 * Training of one linear head over hashed features: multinomial logistic regression (softmax) for
 * single-label heads, one-vs-rest logistic regression for multi-label heads, AdaGrad with L2, in
 * plain typed arrays. Deterministic: the only randomness is the example order, drawn from `seed`.
 * An optional anchor pulls weights toward a starting model (user adaptation without forgetting).
 *
 * @example
 * const head = trainHead("softmax", 2, examples, { bits: 16, epochs: 5, seed: 7 });
 * scoreHead(head, examples[0]!); // logits per label
 */
import { seededRandom } from "../../core/seeded-random.js";

/** One training row: feature buckets (as `featurize` gives them), target and weight. */
export interface Example {
  idx: Uint32Array;
  /** The value of every feature (1/sqrt(n)). */
  value: number;
  /** Softmax: the class index. */
  cls: number;
  /** Sigmoid: per label 1, 0, or -1 (unknown: no gradient). */
  multi: Int8Array | null;
  /** Sample weight (class balance, source balance). */
  weight: number;
}

export interface TrainedHead {
  kind: "softmax" | "sigmoid";
  k: number;
  bits: number;
  W: Float32Array;
  b: Float64Array;
}

export interface TrainOptions {
  bits: number;
  epochs?: number;
  /** AdaGrad step size. */
  lr?: number;
  /** L2 strength, applied to the weights a row touches. */
  l2?: number;
  seed?: number;
  /** Sigmoid heads: positives weigh min(cap, sqrt(neg/pos)) to lift rare labels. */
  posWeightCap?: number;
  /** Start from these weights (same shape) and pull toward them with `anchor`. */
  init?: { W: Float32Array; b: Float64Array };
  anchor?: number;
}

/** mulberry32 (core/seeded-random.ts), under the name the trainer uses. */
export const rng = seededRandom;

/** Logits of one example. */
export function scoreHead(head: TrainedHead, ex: Pick<Example, "idx" | "value">, out = new Float64Array(head.k)): Float64Array {
  const { k, W, b } = head;
  for (let c = 0; c < k; c++) out[c] = b[c]!;
  const v = ex.value;
  for (let i = 0; i < ex.idx.length; i++) {
    const base = ex.idx[i]! * k;
    for (let c = 0; c < k; c++) out[c]! += W[base + c]! * v;
  }
  return out;
}

/** AdaGrad state of one head's training: the weights being learned, their squared-gradient sums, the optional anchor. */
interface Adagrad {
  head: TrainedHead;
  G: Float32Array;
  Gb: Float64Array;
  W0: Float32Array | null;
  b0: Float64Array | null;
  lr: number;
  l2: number;
  anchor: number;
}

const EPS = 1e-6;

/** Train one head. */
export function trainHead(kind: "softmax" | "sigmoid", k: number, examples: readonly Example[], opts: TrainOptions): TrainedHead {
  const anchor = opts.anchor ?? 0;
  const size = (1 << opts.bits) * k;
  const W = opts.init ? Float32Array.from(opts.init.W) : new Float32Array(size);
  const b = opts.init ? Float64Array.from(opts.init.b) : new Float64Array(k);
  const state: Adagrad = {
    head: { kind, k, bits: opts.bits, W, b },
    G: new Float32Array(size),
    Gb: new Float64Array(k),
    W0: opts.init && anchor > 0 ? opts.init.W : null,
    b0: opts.init && anchor > 0 ? opts.init.b : null,
    lr: opts.lr ?? 0.2,
    l2: opts.l2 ?? 1e-6,
    anchor,
  };
  const posW = kind === "sigmoid" ? positiveWeights(examples, k, opts.posWeightCap ?? 5) : new Float64Array(k).fill(1);
  const rand = rng(opts.seed ?? 1);
  const order = new Uint32Array(examples.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const z = new Float64Array(k);
  const g = new Float64Array(k);
  for (let epoch = 0; epoch < (opts.epochs ?? 5); epoch++) {
    shuffle(order, rand);
    for (let r = 0; r < order.length; r++) {
      const ex = examples[order[r]!]!;
      scoreHead(state.head, ex, z);
      if (lossGradient(kind, z, ex, posW, g)) step(state, ex, g);
    }
  }
  return state.head;
}

/** Sigmoid heads: a positive weighs sqrt(negatives / positives), within [1, cap], so rare labels are not drowned. */
function positiveWeights(examples: readonly Example[], k: number, cap: number): Float64Array {
  const posW = new Float64Array(k).fill(1);
  for (let c = 0; c < k; c++) {
    let pos = 0;
    let neg = 0;
    for (const ex of examples) {
      const y = ex.multi![c]!;
      if (y === 1) pos += ex.weight;
      else if (y === 0) neg += ex.weight;
    }
    posW[c] = pos > 0 ? Math.min(cap, Math.max(1, Math.sqrt(neg / pos))) : 1;
  }
  return posW;
}

/** Fisher-Yates, in place, from the seeded generator: the same seed gives the same epochs. */
function shuffle(order: Uint32Array, rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/** The loss gradient per label into `g`, from the scores `z` (overwritten); false when the example labels nothing here. */
function lossGradient(kind: "softmax" | "sigmoid", z: Float64Array, ex: Example, posW: Float64Array, g: Float64Array): boolean {
  const k = z.length;
  if (kind === "softmax") {
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (z[c]! > max) max = z[c]!;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      z[c] = Math.exp(z[c]! - max);
      sum += z[c]!;
    }
    for (let c = 0; c < k; c++) g[c] = (z[c]! / sum - (c === ex.cls ? 1 : 0)) * ex.weight;
    return true;
  }
  let any = false;
  for (let c = 0; c < k; c++) {
    const y = ex.multi![c]!;
    if (y < 0) {
      g[c] = 0;
      continue;
    }
    const p = 1 / (1 + Math.exp(-z[c]!));
    g[c] = (p - y) * ex.weight * (y === 1 ? posW[c]! : 1);
    any = true;
  }
  return any;
}

/** One AdaGrad step on the example's feature rows and the biases, with L2 and the pull towards the anchor. */
function step(s: Adagrad, ex: Example, g: Float64Array): void {
  const { W, b, k } = s.head;
  const v = ex.value;
  for (let i = 0; i < ex.idx.length; i++) {
    const base = ex.idx[i]! * k;
    for (let c = 0; c < k; c++) {
      const gc0 = g[c]!;
      if (gc0 === 0) continue;
      const p = base + c;
      const w = W[p]!;
      let gc = gc0 * v + s.l2 * w;
      if (s.W0) gc += s.anchor * (w - s.W0[p]!);
      const acc = s.G[p]! + gc * gc;
      s.G[p] = acc;
      W[p] = w - (s.lr * gc) / Math.sqrt(acc + EPS);
    }
  }
  for (let c = 0; c < k; c++) {
    let gc = g[c]!;
    if (gc === 0) continue;
    if (s.b0) gc += s.anchor * (b[c]! - s.b0[c]!);
    s.Gb[c] = s.Gb[c]! + gc * gc;
    b[c] = b[c]! - (s.lr * gc) / Math.sqrt(s.Gb[c]! + EPS);
  }
}

/**
 * Sigmoid heads: per label, the probability threshold that maximises F1 on `examples` (a slice
 * training did not see). Labels with too few positives keep `fallback`.
 */
export function tuneThresholds(head: TrainedHead, examples: readonly Example[], fallback = 0.5, minPositives = 5): number[] {
  const k = head.k;
  const probs: Float64Array[] = examples.map((ex) => {
    const z = scoreHead(head, ex);
    for (let c = 0; c < k; c++) z[c] = 1 / (1 + Math.exp(-z[c]!));
    return z;
  });
  const out: number[] = [];
  for (let c = 0; c < k; c++) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < examples.length; i++) {
      const y = examples[i]!.multi![c]!;
      if (y >= 0) pairs.push([probs[i]![c]!, y]);
    }
    const positives = pairs.filter((p) => p[1] === 1).length;
    if (positives < minPositives) {
      out.push(fallback);
      continue;
    }
    pairs.sort((a, b) => b[0] - a[0]);
    let tp = 0;
    let best = 0;
    let bestT = fallback;
    for (let i = 0; i < pairs.length; i++) {
      if (pairs[i]![1] === 1) tp++;
      const f1 = (2 * tp) / (i + 1 + positives);
      const next = pairs[i + 1]?.[0] ?? 0;
      if (f1 > best && pairs[i]![0] !== next) {
        best = f1;
        bestT = (pairs[i]![0] + next) / 2;
      }
    }
    // Clamp so a tiny slice cannot push a label to always-on or never-on.
    out.push(Math.min(0.9, Math.max(0.1, bestT)));
  }
  return out;
}

/** Per-column int8 scale: max |w| / 127 (0-columns keep scale 1 to avoid NaN). */
export function quantScale(head: TrainedHead, c: number): number {
  let max = 0;
  const { W, k } = head;
  for (let p = c; p < W.length; p += k) {
    const a = Math.abs(W[p]!);
    if (a > max) max = a;
  }
  return max > 0 ? max / 127 : 1;
}
