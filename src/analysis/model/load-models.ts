/**
 * Load the shipped (or a user-adapted) linear models. Synchronous and fast (one gunzip), so the
 * pipeline can load once at start. The default directory is `models/` at the repository root,
 * found from this module's own location, so it works from `src/` (tsx, vitest) and `dist/` alike.
 *
 * @example
 * const models = loadModels();            // <repo>/models
 * const custom = loadModels("./models-custom");
 * models.versions; // { linear: "f1-3b9c0e51a2d4" }
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { HeadKind, HeadName } from "./heads.js";
import { AttuneError } from "../../core/errors.js";
import { DEFAULT_FEATURES, FEATURE_VERSION, type FeatureOptions } from "./features.js";
import { readModelFile } from "./model-file.js";
import { createWeightStore, type WeightStore } from "./simd-accumulate.js";

export interface LoadedHead {
  name: HeadName;
  kind: HeadKind;
  labels: readonly string[];
  offset: number;
  scale: Float64Array;
  bias: Float64Array;
  threshold: Float64Array;
  /** Sentiment abstention (sentiment-decision.ts); absent: argmax. */
  abstain?: { minPolar: number; minMargin: number };
  /** Per-language logit offsets (calibrated priors); absent languages use none. */
  langBias: Map<string, Float64Array>;
  trained: boolean;
}

export interface Models {
  bits: number;
  features: FeatureOptions;
  columns: number;
  /**
   * The weights, stored +128 as unsigned bytes: weight of (row, col) = bytes[row * packedStride * 4
   * + col] - 128 (rows padded to whole 16-byte vectors; `store` holds the same memory).
   */
  bytes: Uint8Array;
  packedStride: number;
  /** Sums of the weight rows of a message's buckets (WebAssembly SIMD where available). */
  store: WeightStore;
  heads: LoadedHead[];
  head: Partial<Record<HeadName, LoadedHead>>;
  /** Stamp these into Reading.version.models. */
  versions: Record<string, string>;
  featureVersion: string;
  name: string;
  dir: string;
  /** Milliseconds the load took (wall clock). */
  loadMs: number;
  /** CPU milliseconds of this process during the load (unaffected by other work on the machine). */
  loadCpuMs: number;
}

/** The repository root: the nearest ancestor of this module holding attune's package.json. */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "attune") return dir;
      } catch {
        // An unreadable package.json is not ours; keep climbing.
      }
    }
    const up = dirname(dir);
    if (up === dir) return resolve(from, "../../..");
    dir = up;
  }
}

/** The default model directory: `<repo>/models`. */
export function defaultModelDir(): string {
  return join(repoRoot(), "models");
}

/** Load models from `dir` (default `<repo>/models`). Throws AttuneError model.missing / model.corrupt. */
export function loadModels(dir: string = defaultModelDir()): Models {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const file = readModelFile(dir);
  const { manifest } = file;
  if (manifest.featureVersion !== FEATURE_VERSION) {
    throw new AttuneError("model.corrupt", { dir, featureVersion: manifest.featureVersion, expected: FEATURE_VERSION });
  }
  const heads: LoadedHead[] = manifest.heads.map((h) => ({
    name: h.name,
    kind: h.kind,
    labels: h.labels,
    offset: h.offset,
    scale: Float64Array.from(h.scale),
    bias: Float64Array.from(h.bias),
    threshold: Float64Array.from(h.threshold),
    langBias: new Map(Object.entries(h.langBias ?? {}).map(([l, b]) => [l, Float64Array.from(b)])),
    ...(h.abstain ? { abstain: { minPolar: h.abstain[0]!, minMargin: h.abstain[1]! } } : {}),
    trained: h.trained,
  }));
  const head: Partial<Record<HeadName, LoadedHead>> = {};
  for (const h of heads) head[h.name] = h;
  const store = createWeightStore(file.bytes, file.stride, 1 << manifest.bits);
  return {
    bits: manifest.bits,
    features: { ...DEFAULT_FEATURES, ...manifest.features },
    columns: manifest.columns,
    bytes: store.bytes,
    packedStride: store.stride,
    store,
    heads,
    head,
    versions: { linear: `${manifest.featureVersion}-${manifest.weightsHash}` },
    featureVersion: manifest.featureVersion,
    name: manifest.name,
    dir,
    loadMs: performance.now() - t0,
    loadCpuMs: cpuMs(process.cpuUsage(c0)),
  };
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

/** The int8 weight of bucket `row`, column `col`. */
export function weightAt(models: Models, row: number, col: number): number {
  return models.bytes[row * models.packedStride * 4 + col]! - 128;
}
