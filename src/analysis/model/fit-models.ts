/**
 * Fit every head on featurized rows and pack the result into the shipped int8 layout. Used by
 * `npm run train` (from scratch) and `attune train` (from the shipped weights, anchored to them).
 *
 * @example
 * const packed = fitModels(rows, { bits: 18, seed: 7 });
 * writeModelFile("models", { ...packed.manifest, name: "attune-base" }, packed.weights);
 */
import { DEFAULT_FEATURES, FEATURE_VERSION, type FeatureOptions } from "./features.js";
import { HEADS, type HeadName } from "./heads.js";
import type { Models } from "./load-models.js";
import type { HeadManifest, Manifest } from "./model-file.js";
import type { Target } from "./targets.js";
import { type Example, quantScale, type TrainedHead, trainHead, tuneThresholds } from "./train-linear.js";

export interface FitRow {
  idx: Uint32Array;
  value: number;
  set: string;
  /** Language of the row (per-language prior calibration). */
  lang?: string;
  targets: Partial<Record<HeadName, Target>>;
  /** Per-head sample weight (default 1). */
  weights?: Partial<Record<HeadName, number>>;
  /** Held out of the weights; used to tune sigmoid thresholds. */
  calib: boolean;
}

export interface FitOptions {
  bits: number;
  seed: number;
  epochs?: number;
  lr?: number;
  l2?: number;
  /** Start from these models (same bits); heads without rows keep their weights. */
  init?: Models;
  /** Pull toward `init` weights; 0 = plain fine-tuning. */
  anchor?: number;
  /** Train only these heads (others come from `init` or stay untrained). */
  only?: HeadName[];
  /** The feature knobs the rows were featurized with (recorded in the manifest). */
  features?: FeatureOptions;
  /** Train this many runs per head (different example orders) and average their weights. */
  average?: number;
  /** Minimum training rows for a head to be fitted. */
  minRows?: number;
  log?: (msg: string) => void;
}

export interface FittedHead {
  trained: TrainedHead | null;
  threshold: number[];
  rows: Record<string, number>;
}

export interface Packed {
  manifest: Omit<Manifest, "weightsHash" | "format" | "name">;
  weights: Int8Array;
  heads: Record<HeadName, FittedHead>;
}

function toExample(row: FitRow, name: HeadName, t: Target): Example {
  const w = row.weights?.[name] ?? 1;
  return typeof t === "number"
    ? { idx: row.idx, value: row.value, cls: t, multi: null, weight: w }
    : { idx: row.idx, value: row.value, cls: -1, multi: t, weight: w };
}

/** Float weights of one head of loaded models (dequantised), for continued training. */
export function unpackHead(models: Models, name: HeadName): { W: Float32Array; b: Float64Array; threshold: number[] } | null {
  const h = models.head[name];
  if (!h || !h.trained) return null;
  const k = h.labels.length;
  const rows = 1 << models.bits;
  const W = new Float32Array(rows * k);
  for (let f = 0; f < rows; f++) {
    const base = f * models.packedStride * 4 + h.offset;
    for (let j = 0; j < k; j++) W[f * k + j] = (models.bytes[base + j]! - 128) * h.scale[j]!;
  }
  return { W, b: Float64Array.from(h.bias), threshold: Array.from(h.threshold) };
}

/** Fit the heads and pack them. Deterministic for the same rows, options and seed. */
export function fitModels(rows: readonly FitRow[], opts: FitOptions): Packed {
  const log = opts.log ?? (() => {});
  const minRows = opts.minRows ?? 20;
  const fitted = {} as Record<HeadName, FittedHead>;
  let seed = opts.seed;
  for (const spec of HEADS) {
    seed++;
    const init = opts.init ? unpackHead(opts.init, spec.name) : null;
    const keep: FittedHead = {
      trained: init ? { kind: spec.kind, k: spec.labels.length, bits: opts.bits, W: init.W, b: init.b } : null,
      threshold: init?.threshold ?? spec.labels.map(() => 0.5),
      rows: {},
    };
    if (opts.only && !opts.only.includes(spec.name)) {
      fitted[spec.name] = keep;
      continue;
    }
    const train: Example[] = [];
    const calib: Example[] = [];
    const counts: Record<string, number> = {};
    for (const r of rows) {
      const t = r.targets[spec.name];
      if (t === undefined) continue;
      if (r.calib) {
        calib.push(toExample(r, spec.name, t));
        continue;
      }
      train.push(toExample(r, spec.name, t));
      counts[r.set] = (counts[r.set] ?? 0) + 1;
    }
    if (train.length < minRows) {
      fitted[spec.name] = keep;
      log(`${spec.name}: ${train.length} rows, kept as is`);
      continue;
    }
    const t0 = performance.now();
    const trainOpts: Parameters<typeof trainHead>[3] = {
      bits: opts.bits,
      seed,
      epochs: opts.epochs ?? 5,
      lr: opts.lr ?? 0.2,
      l2: opts.l2 ?? 1e-6,
    };
    if (init) {
      trainOpts.init = { W: init.W, b: init.b };
      trainOpts.anchor = opts.anchor ?? 0;
    }
    const head = trainHead(spec.kind, spec.labels.length, train, trainOpts);
    // Average the weights of runs over differently shuffled orders: still one linear model, less
    // dependent on the order the rows came in.
    const runs = opts.average ?? 1;
    for (let r = 1; r < runs; r++) {
      const other = trainHead(spec.kind, spec.labels.length, train, { ...trainOpts, seed: seed + 1000 * r });
      for (let p = 0; p < head.W.length; p++) head.W[p] = head.W[p]! + other.W[p]!;
      for (let c = 0; c < head.k; c++) head.b[c] = head.b[c]! + other.b[c]!;
    }
    if (runs > 1) {
      for (let p = 0; p < head.W.length; p++) head.W[p] = head.W[p]! / runs;
      for (let c = 0; c < head.k; c++) head.b[c] = head.b[c]! / runs;
    }
    let threshold = spec.labels.map(() => 0.5);
    if (spec.kind === "sigmoid") {
      // Labels with too few calibration positives keep the starting model's threshold.
      const tuned = tuneThresholds(head, calib.length > 0 ? calib : train, Number.NaN);
      threshold = tuned.map((t, j) => (Number.isNaN(t) ? (keep.threshold[j] ?? 0.5) : t));
    }
    if (spec.kind === "sigmoid") {
      // A label no row ever marked positive has learned nothing: make it silent rather than a coin flip.
      for (let j = 0; j < spec.labels.length; j++) {
        if (!train.some((e) => e.multi![j] === 1) && !init) {
          head.b[j] = -20;
          threshold[j] = 1;
        }
      }
    }
    fitted[spec.name] = { trained: head, threshold, rows: counts };
    log(`${spec.name}: ${train.length} rows (${calib.length} calibration), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return pack(fitted, opts.bits, opts.features ?? opts.init?.features ?? DEFAULT_FEATURES);
}

/** Quantise fitted heads into one int8 row per bucket (all heads' columns side by side). */
export function pack(fitted: Record<HeadName, FittedHead>, bits: number, features: FeatureOptions = DEFAULT_FEATURES): Packed {
  const columns = HEADS.reduce((n, h) => n + h.labels.length, 0);
  const nRows = 1 << bits;
  const weights = new Int8Array(nRows * columns);
  const heads: HeadManifest[] = [];
  let offset = 0;
  for (const spec of HEADS) {
    const f = fitted[spec.name];
    const k = spec.labels.length;
    const scale: number[] = [];
    const bias: number[] = [];
    if (f.trained) {
      const { W, b } = f.trained;
      for (let j = 0; j < k; j++) {
        const s = quantScale(f.trained, j);
        scale.push(s);
        bias.push(b[j]!);
        for (let r = 0; r < nRows; r++) {
          const q = Math.round(W[r * k + j]! / s);
          weights[r * columns + offset + j] = q > 127 ? 127 : q < -127 ? -127 : q;
        }
      }
    } else {
      for (let j = 0; j < k; j++) {
        scale.push(1);
        bias.push(0);
      }
    }
    heads.push({
      name: spec.name,
      kind: spec.kind,
      labels: [...spec.labels],
      offset,
      scale,
      bias,
      threshold: f.threshold,
      trained: f.trained !== null,
      rows: f.rows,
    });
    offset += k;
  }
  return { manifest: { featureVersion: FEATURE_VERSION, features, bits, columns, seed: 0, heads }, weights, heads: fitted };
}
