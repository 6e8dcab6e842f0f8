/**
 * The on-disk form of the linear models: `manifest.json` (heads, labels, scales, biases, thresholds,
 * data provenance) beside `weights.bin.gz` (one int8 row of every head's output columns per hash
 * bucket, gzip'd). One row per bucket keeps inference to one cache line per feature.
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

export const MODEL_FORMAT = "attune-linear/1";
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
  /** sha256 of the uncompressed weights, first 12 hex digits: identifies the model in Readings. */
  weightsHash: string;
  /** Free-form name of what produced it ("attune-base", "custom: 812 rows"). */
  name: string;
  seed: number;
  heads: HeadManifest[];
}

export interface ModelFile {
  manifest: Manifest;
  /** rows = 2^bits, columns = manifest.columns. */
  weights: Int8Array;
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
  const expected = (1 << manifest.bits) * manifest.columns;
  if (manifest.format !== MODEL_FORMAT || raw.length !== expected) {
    throw new AttuneError("model.corrupt", { dir, format: manifest.format, size: raw.length, expected });
  }
  const weights = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  return { manifest, weights };
}

/** Write a model directory (creating it). Returns the weights hash. */
export function writeModelFile(dir: string, manifest: Omit<Manifest, "weightsHash" | "format">, weights: Int8Array): string {
  mkdirSync(dir, { recursive: true });
  const buf = Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength);
  const weightsHash = createHash("sha256").update(buf).digest("hex").slice(0, 12);
  const full: Manifest = { format: MODEL_FORMAT, ...manifest, weightsHash };
  // mtime 0 and a fixed level keep the gzip bytes identical across runs.
  writeFileSync(join(dir, WEIGHTS_FILE), gzipSync(buf, { level: 9 }));
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(full, null, 1) + "\n");
  return weightsHash;
}
