/**
 * The on-disk form of the linear models: `manifest.json` (heads, labels, scales, biases, thresholds,
 * data provenance) beside `weights.bin.gz`: per hash bucket one row of every head's int8 weights,
 * stored +128 as unsigned bytes and padded to a multiple of 4 columns, gzip'd. Loading is one gunzip
 * and one copy of the rows into the inference memory (simd-accumulate.ts), where each row is one
 * cache line.
 *
 * @example
 * const file = readModelFile("models");
 * file.manifest.heads.map((h) => h.name); // ["sentiment", "emotions", ...]
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { AttuneError } from "../../core/errors.js";
import type { FeatureOptions } from "./features.js";
import type { HeadKind, HeadName } from "./heads.js";

export const MODEL_FORMAT = "attune-linear/2";
export const MANIFEST_FILE = "manifest.json";
export const WEIGHTS_FILE = "weights.bin.gz";

export interface HeadManifest {
  name: HeadName;
  kind: HeadKind;
  labels: string[];
  /** First column of this head in each weight row. */
  offset: number;
  /** Per label: float weight = int8 * scale. */
  scale: number[];
  bias: number[];
  /** Added to the logits when the message's language matches (calibrated class priors). */
  langBias?: Record<string, number[]>;
  /**
   * Sentiment: [minPolar, minMargin] of the abstention step (sentiment-decision.ts): weak or
   * balanced polar evidence reads neutral. Absent: plain argmax.
   */
  abstain?: number[];
  /** Sentiment: the biases as training left them, before the decision's prior offsets were added. */
  plainBias?: number[];
  /** Sigmoid heads: probability above which a label is predicted. */
  threshold: number[];
  /** False when training had no rows for this head: it then predicts nothing. */
  trained: boolean;
  /** Rows the head was trained on, per source. */
  rows: Record<string, number>;
}

export interface Manifest {
  format: string;
  featureVersion: string;
  /** The feature knobs the weights were trained with. */
  features: FeatureOptions;
  bits: number;
  columns: number;
  /** sha256 of the uncompressed weights and the head parameters, first 12 hex digits: identifies the model in Readings. */
  weightsHash: string;
  /** Free-form name of what produced it ("attune-base", "custom: 812 rows"). */
  name: string;
  seed: number;
  heads: HeadManifest[];
}

export interface ModelFile {
  manifest: Manifest;
  /** rows = 2^bits, each `stride` words of four biased bytes: weight of (row, col) = bytes[row * stride * 4 + col] - 128. */
  bytes: Uint8Array;
  stride: number;
}

/** Words per row for `columns` weights. */
export function strideOf(columns: number): number {
  return Math.ceil(columns / 4);
}

/** Read and check a model directory; throws AttuneError model.missing / model.corrupt. */
export function readModelFile(dir: string): ModelFile {
  const mPath = join(dir, MANIFEST_FILE);
  const wPath = join(dir, WEIGHTS_FILE);
  if (!existsSync(mPath) || !existsSync(wPath)) throw new AttuneError("model.missing", { dir, files: [MANIFEST_FILE, WEIGHTS_FILE] });
  let manifest: Manifest;
  let raw: Buffer;
  try {
    manifest = JSON.parse(readFileSync(mPath, "utf8")) as Manifest;
    raw = gunzipSync(readFileSync(wPath));
  } catch (err) {
    throw new AttuneError("model.corrupt", { dir }, { cause: err });
  }
  const stride = strideOf(manifest.columns);
  const expected = (1 << manifest.bits) * stride * 4;
  if (manifest.format !== MODEL_FORMAT || raw.length !== expected) {
    throw new AttuneError("model.corrupt", { dir, format: manifest.format, size: raw.length, expected });
  }
  // The loader copies the rows into its own memory: a view is enough here.
  return { manifest, bytes: new Uint8Array(raw.buffer, raw.byteOffset, raw.length), stride };
}

/** Int8 rows (rows x columns) to the stored layout (biased bytes, rows padded to whole words). */
export function packRows(weights: Int8Array, columns: number): Uint8Array {
  const stride = strideOf(columns);
  const rows = weights.length / columns;
  const bytes = new Uint8Array(rows * stride * 4).fill(128);
  for (let r = 0; r < rows; r++) {
    const src = r * columns;
    const dst = r * stride * 4;
    for (let c = 0; c < columns; c++) bytes[dst + c] = weights[src + c]! + 128;
  }
  return bytes;
}

/** Write a model directory (creating it) from int8 rows (rows x columns). Returns the version hash. */
export function writeModelFile(dir: string, manifest: Omit<Manifest, "weightsHash" | "format">, weights: Int8Array): string {
  mkdirSync(dir, { recursive: true });
  const bytes = packRows(weights, manifest.columns);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The stamp covers the weights and every number the manifest adds to them (biases, scales,
  // thresholds, language offsets): change either and the Reading's version changes.
  const weightsHash = createHash("sha256")
    .update(buf)
    .update(JSON.stringify([manifest.features, manifest.heads]))
    .digest("hex")
    .slice(0, 12);
  const full: Manifest = { format: MODEL_FORMAT, ...manifest, weightsHash };
  // A fixed level and no timestamp in the gzip header keep the bytes identical across runs.
  writeFileSync(join(dir, WEIGHTS_FILE), gzipSync(buf, { level: 9 }));
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(full, null, 1) + "\n");
  return weightsHash;
}
