/**
 * Leave-one-source-out (LOSO) sentiment: the model-selection criterion of every sentiment choice
 * (issue 12). For each public source with sentiment in a seed language, the sentiment head is
 * retrained on every training row except that source's, then scored on the source's dev rows.
 * The in-source column (trained on everything, same rows scored) is the second column.
 *
 * The decision step (`decide`) is shared with the shipped model: logit offsets per class (priors
 * for customer traffic, not the training mix) and the abstention margin (weak or balanced evidence
 * reads neutral), so the LOSO table measures what ships.
 *
 * @example
 * const runs = losoLogits(corpus, rows, { exclude: "wisesight_sentiment" });
 */
import { SENTIMENTS } from "../src/core/labels.js";
import { decideSentiment, type SentimentDecision } from "../src/analysis/model/sentiment-decision.js";
import type { FitRow } from "../src/analysis/model/fit-models.js";
import { macroF1 } from "../src/analysis/model/metrics.js";
import { scoreHead, trainHead, type Example, type TrainedHead } from "../src/analysis/model/train-linear.js";
import { NEUTRAL_ONLY_SETS, type Row } from "./datasets.js";
import { fnv1a } from "./split.js";

export const SEED_LANGS = ["te", "th", "cs", "tl", "en"];

/**
 * Subsample big training sources to about `cap` rows each (dev rows all kept, and the rows
 * `uncapped` names), so a LOSO run takes minutes on a busy machine; `cap` 0 keeps everything.
 * The pick is by a hash of the text, so every run keeps the same rows.
 */
export function capRows(all: readonly Row[], cap: number, uncapped: (r: Row) => boolean = () => false): Row[] {
  const counts = new Map<string, number>();
  return all.filter((r) => {
    if (r.dev || !cap || uncapped(r)) return true;
    const k = `${r.set}:${r.lang}`;
    const n = counts.get(k) ?? 0;
    if (n >= cap && fnv1a(r.text) % 3 !== 0) return false;
    counts.set(k, n + 1);
    return n < cap * 1.5;
  });
}

export interface SentimentTrainConfig {
  bits: number;
  seed: number;
  epochs: number;
  lr: number;
  l2: number;
}

/** One scored dev row of a LOSO or in-source run. */
export interface ScoredRow {
  set: string;
  lang: string;
  gold: number;
  /** Raw logits (positive, neutral, negative) before the decision step. */
  z: Float64Array;
  /** Index of the row in the rows scored (to find its text and cue hits). */
  row?: number;
}

/** The public sources LOSO holds out: those with sentiment dev rows in a seed language. */
export function losoSources(rows: readonly Row[]): string[] {
  const s = new Set<string>();
  for (const r of rows)
    if (
      r.dev &&
      !r.set.startsWith("team-") &&
      !NEUTRAL_ONLY_SETS.has(r.set) &&
      SEED_LANGS.includes(r.lang) &&
      typeof r.targets.sentiment === "number"
    )
      s.add(r.set);
  return [...s].sort();
}

/** Sentiment examples of the training rows, leaving out `exclude` (a set name) when given. */
export function sentimentExamples(fit: readonly FitRow[], rows: readonly Row[], exclude: string | null): Example[] {
  const out: Example[] = [];
  fit.forEach((f, i) => {
    const r = rows[i]!;
    if (r.dev || r.calib || r.set === exclude || typeof r.targets.sentiment !== "number") return;
    out.push({ idx: f.idx, value: f.value, cls: r.targets.sentiment, multi: null, weight: f.weights?.sentiment ?? 1 });
  });
  return out;
}

/** Logits of the dev rows of `sets` (seed languages) under `head`. */
export function scoreDev(head: TrainedHead, fit: readonly FitRow[], rows: readonly Row[], sets: ReadonlySet<string>): ScoredRow[] {
  const out: ScoredRow[] = [];
  fit.forEach((f, i) => {
    const r = rows[i]!;
    if (!r.dev || !sets.has(r.set) || !SEED_LANGS.includes(r.lang) || typeof r.targets.sentiment !== "number") return;
    out.push({ set: r.set, lang: r.lang, gold: r.targets.sentiment, z: scoreHead(head, f), row: i });
  });
  return out;
}

/** Every source held out in turn: the dev rows of each, scored by a head that never saw it. */
export function losoRuns(
  fit: readonly FitRow[],
  rows: readonly Row[],
  cfg: SentimentTrainConfig,
  log: (m: string) => void = () => {},
): ScoredRow[] {
  const out: ScoredRow[] = [];
  for (const set of losoSources(rows)) {
    const t0 = performance.now();
    const head = trainHead("softmax", 3, sentimentExamples(fit, rows, set), {
      bits: cfg.bits,
      seed: cfg.seed + 1,
      epochs: cfg.epochs,
      lr: cfg.lr,
      l2: cfg.l2,
    });
    out.push(...scoreDev(head, fit, rows, new Set([set])));
    log(`LOSO ${set}: trained in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  return out;
}

/** Macro-F1 and neutral precision / recall of one group of scored rows under a decision. */
export interface GroupScore {
  set: string;
  lang: string;
  n: number;
  f1: number;
  neutralP: number;
  neutralR: number;
  /** Rows whose gold is neutral. */
  neutralN: number;
}

export function scoreGroups(scored: readonly ScoredRow[], decision: SentimentDecision): GroupScore[] {
  return scoreGroupsBy(scored, (s) => decideSentiment(s.z, s.lang, decision));
}

/** Macro-F1 and neutral precision / recall per source of the labels `predict` gives (class indexes). */
export function scoreGroupsBy(scored: readonly ScoredRow[], predict: (s: ScoredRow) => number): GroupScore[] {
  const groups = new Map<string, ScoredRow[]>();
  for (const s of scored) {
    const k = `${s.set}\t${s.lang}`;
    const g = groups.get(k) ?? [];
    g.push(s);
    groups.set(k, g);
  }
  const out: GroupScore[] = [];
  for (const [k, g] of [...groups.entries()].sort()) {
    const [set, lang] = k.split("\t") as [string, string];
    const gold = g.map((s) => SENTIMENTS[s.gold]!);
    const pred = g.map((s) => SENTIMENTS[predict(s)]!);
    let tp = 0;
    let pp = 0;
    let gp = 0;
    for (let i = 0; i < g.length; i++) {
      if (pred[i] === "neutral") pp++;
      if (gold[i] === "neutral") gp++;
      if (pred[i] === "neutral" && gold[i] === "neutral") tp++;
    }
    out.push({ set, lang, n: g.length, f1: macroF1(gold, pred), neutralP: pp ? tp / pp : 0, neutralR: gp ? tp / gp : NaN, neutralN: gp });
  }
  return out;
}

/** Mean macro-F1 per seed language over its public sets. */
export function languageMeans(groups: readonly GroupScore[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const lang of SEED_LANGS) {
    const g = groups.filter((x) => x.lang === lang && !x.set.startsWith("team-"));
    if (g.length) out[lang] = g.reduce((s, x) => s + x.f1, 0) / g.length;
  }
  return out;
}
