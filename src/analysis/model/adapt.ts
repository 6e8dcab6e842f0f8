/**
 * Adapt the shipped models to a user's own labeled messages (`attune train`): hold out a part by a
 * fixed hash, fine-tune every head the file labels from the shipped weights (anchored to them so a
 * few hundred rows teach domain words without forgetting the rest), and report macro-F1 on the
 * held-out part before and after.
 *
 * @example
 * const r = await adaptModels(rows, { base: loadModels(), out: "./models-custom", tokenize });
 * r.report; // [{ head: "sentiment", rows: 61, before: 0.58, after: 0.71 }, ...]
 */
import { loadLexicons } from "../lexicon/load-lexicons.js";
import type { Token } from "../text/token.js";
import { cuesOf } from "./cue-features.js";
import { type CueHit, featurize } from "./features.js";
import { fitModels, type FitRow } from "./fit-models.js";
import { HEADS, type HeadName } from "./heads.js";
import { isCalibrationText, isDevId, isDevText } from "./holdout.js";
import { loadModels, type Models } from "./load-models.js";
import { binaryF1, macroF1, multiLabelF1 } from "./metrics.js";
import { writeModelFile } from "./model-file.js";
import { predict } from "./predict.js";
import { type Target, type TeamRow, teamTargets } from "./targets.js";

export interface AdaptRow extends TeamRow {
  lang: string;
}

export interface AdaptOptions {
  base: Models;
  out: string;
  tokenize: (text: string, lang: string) => Token[];
  seed?: number;
  epochs?: number;
  /** AdaGrad step size (default 0.05). */
  lr?: number;
  anchor?: number;
}

export interface HeadGain {
  head: HeadName;
  /** Held-out rows labelled for this head. */
  rows: number;
  before: number;
  after: number;
}

export interface AdaptResult {
  train: number;
  heldOut: number;
  report: HeadGain[];
  weightsHash: string;
}

interface Prepared {
  row: AdaptRow;
  targets: Partial<Record<HeadName, Target>>;
  tokens: Token[];
  /** Cue features, when the models read them. */
  cues?: CueHit[];
  dev: boolean;
}

/** The held-out score of `models` on `rows` for one head (macro-F1; complaint: F1 of yes). */
export function headScore(models: Models, rows: readonly Prepared[], head: HeadName): number {
  const spec = HEADS.find((h) => h.name === head)!;
  const outs = rows.map((p) =>
    predict(models, { tokens: p.tokens, text: p.row.text, lang: p.row.lang, ...(p.cues ? { cues: p.cues } : {}) }),
  );
  if (head === "complaint")
    return binaryF1(
      rows.map((p) => (p.targets.complaint as Int8Array)[0] === 1),
      outs.map((o) => o.complaint.is),
    );
  if (spec.kind === "softmax")
    return macroF1(
      rows.map((p) => spec.labels[p.targets[head] as number]!),
      outs.map((o) => o.heads[head].predicted[0] ?? ""),
    );
  const pred = outs.map((o) => {
    const set = new Set(o.heads[head].predicted);
    return Uint8Array.from(spec.labels.map((l) => (set.has(l) ? 1 : 0)));
  });
  return multiLabelF1(
    rows.map((p) => p.targets[head] as Int8Array),
    pred,
    spec.labels.length,
  ).macro;
}

export function adaptModels(rows: readonly AdaptRow[], opts: AdaptOptions): AdaptResult {
  const { base } = opts;
  const lexicons = base.features.cues > 0 ? loadLexicons() : null;
  const prepared: Prepared[] = rows.map((row) => {
    const tokens = opts.tokenize(row.text, row.lang);
    const p: Prepared = { row, targets: teamTargets(row), tokens, dev: row.id ? isDevId(row.id) : isDevText(row.text) };
    if (lexicons) p.cues = cuesOf(tokens, row.lang, lexicons);
    return p;
  });
  const fit: FitRow[] = prepared
    .filter((p) => !p.dev)
    .map((p) => {
      const f = featurize(p.tokens, base.bits, p.cues, base.features, p.row.lang);
      return { idx: f.idx, value: f.value, set: "user", targets: p.targets, calib: isCalibrationText(p.row.text) };
    });
  const labelled = HEADS.map((h) => h.name).filter((h) => fit.some((r) => r.targets[h] !== undefined));
  // Balance the classes of single-label heads, as the base training does per source: a user's
  // label mix should not become the model's prior.
  for (const spec of HEADS) {
    if (spec.kind !== "softmax" || !labelled.includes(spec.name)) continue;
    const counts = new Array<number>(spec.labels.length).fill(0);
    for (const r of fit) {
      const t = r.targets[spec.name];
      if (typeof t === "number") counts[t]!++;
    }
    const n = counts.reduce((a, b) => a + b, 0);
    const present = counts.filter((c) => c > 0).length;
    for (const r of fit) {
      const t = r.targets[spec.name];
      if (typeof t === "number") (r.weights ??= {})[spec.name] = Math.min(8, n / (present * counts[t]!));
    }
  }
  const packed = fitModels(fit, {
    bits: base.bits,
    seed: opts.seed ?? 7,
    epochs: opts.epochs ?? 4,
    lr: opts.lr ?? 0.05,
    l2: 0,
    init: base,
    anchor: opts.anchor ?? 1e-3,
    only: labelled,
    minRows: 5,
  });
  const weightsHash = writeModelFile(
    opts.out,
    { ...packed.manifest, seed: opts.seed ?? 7, name: `custom: ${fit.length} rows on ${base.name} ${base.versions.linear}` },
    packed.weights,
  );
  const adapted = loadModels(opts.out);
  const dev = prepared.filter((p) => p.dev);
  const report: HeadGain[] = [];
  for (const head of labelled) {
    const rowsFor = dev.filter((p) => p.targets[head] !== undefined);
    if (rowsFor.length === 0) continue;
    report.push({ head, rows: rowsFor.length, before: headScore(base, rowsFor, head), after: headScore(adapted, rowsFor, head) });
  }
  return { train: fit.length, heldOut: dev.length, report, weightsHash };
}
