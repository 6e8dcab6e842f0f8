/**
 * Scratch harness for choosing sentiment settings by leave-one-source-out (not part of train/eval).
 * Featurizes once (cached under $CACHE, default /tmp/attune-loso), then for each training config
 * trains one head per held-out source plus one on everything (in-source column), and grid-searches
 * the decision step (prior offsets, abstention) on the LOSO mean over the seed languages.
 *
 * @example
 * CAP=8000 CONFIGS='[{"l2":1e-6},{"l2":1e-5,"alpha":0.5}]' npx tsx training/loso-experiment.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { trainHead, type Example } from "../src/analysis/model/train-linear.js";
import { PLAIN_DECISION, sentimentProbs, type SentimentDecision } from "../src/analysis/model/sentiment-decision.js";
import { adaptPriors } from "../src/analysis/model/prior-adaptation.js";
import type { FitRow } from "../src/analysis/model/fit-models.js";
import { buildCorpus } from "./corpus.js";
import { loadAllRows, type Row } from "./datasets.js";
import { fnv1a } from "./split.js";
import { capRows, languageMeans, losoSources, scoreDev, scoreGroups, SEED_LANGS, type ScoredRow } from "./loso.js";

interface Cfg {
  epochs?: number;
  lr?: number;
  l2?: number;
  alpha?: number;
  team?: number;
  neutralW?: number;
  drop?: string[];
}

const cap = Number(process.env.CAP ?? 0);
const cacheDir = process.env.CACHE ?? "/tmp/attune-loso";
const bits = 18;
const all = loadAllRows().filter((r) => process.env.ALL || SEED_LANGS.includes(r.lang));
// Subsample big training sources (dev rows all kept) so a config runs in minutes on a busy machine.
const rows: Row[] = capRows(all, cap);
console.log(`rows ${rows.length} (of ${all.length})`);

async function corpusFit(): Promise<FitRow[]> {
  const key = `${process.env.ATTUNE_FEATURES ?? "default"}-${cap}-${rows.length}-${fnv1a(rows.map((r) => r.text.slice(0, 8)).join("|"))}`;
  const path = `${cacheDir}/${key}.bin`;
  const corpus = await buildCorpus(rows, bits, console.log);
  if (existsSync(path)) {
    const idx = deserialize(readFileSync(path)) as Uint32Array[];
    return corpus.fit.map((f, i) => ({ ...f, idx: idx[i]! }));
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path, serialize(corpus.fit.map((f) => f.idx)));
  return corpus.fit;
}
const fit = await corpusFit();

/** Sentiment examples with the config's weighting. */
function examples(cfg: Cfg, exclude: string | null): Example[] {
  const keep: { f: FitRow; r: Row }[] = [];
  fit.forEach((f, i) => {
    const r = rows[i]!;
    if (r.dev || r.calib || r.set === exclude || typeof r.targets.sentiment !== "number" || cfg.drop?.includes(r.set)) return;
    keep.push({ f, r });
  });
  const total = new Map<string, number>();
  for (const { f, r } of keep) total.set(r.set, (total.get(r.set) ?? 0) + (f.weights?.sentiment ?? 1));
  const mean = [...total.values()].reduce((a, b) => a + b, 0) / total.size;
  const alpha = cfg.alpha ?? 0;
  return keep.map(({ f, r }) => {
    let w = (f.weights?.sentiment ?? 1) * Math.pow(mean / total.get(r.set)!, alpha);
    if (r.set.startsWith("team-") && cfg.team !== undefined) w *= cfg.team / 2;
    if (cfg.neutralW !== undefined && ["banking77", "truevoice_intent"].includes(r.set)) w *= cfg.neutralW;
    return { idx: f.idx, value: f.value, cls: r.targets.sentiment as number, multi: null, weight: w };
  });
}

function train(cfg: Cfg, exclude: string | null) {
  return trainHead("softmax", 3, examples(cfg, exclude), {
    bits,
    seed: 20261127,
    epochs: cfg.epochs ?? 5,
    lr: cfg.lr ?? 0.2,
    l2: cfg.l2 ?? 1e-6,
  });
}

const fmt = (x: number): string => (Number.isNaN(x) ? "  –  " : x.toFixed(3));
function report(label: string, loso: ScoredRow[], ins: ScoredRow[], d: SentimentDecision): number {
  const lg = scoreGroups(loso, d);
  const ig = scoreGroups(ins, d);
  const lm = languageMeans(lg);
  const im = languageMeans(ig);
  const mean = SEED_LANGS.reduce((s, l) => s + (lm[l] ?? 0), 0) / SEED_LANGS.length;
  console.log(
    `${label}: LOSO mean ${mean.toFixed(3)} | ` + SEED_LANGS.map((l) => `${l} ${fmt(lm[l] ?? NaN)} (in ${fmt(im[l] ?? NaN)})`).join(" "),
  );
  for (const g of lg) {
    const i = ig.find((x) => x.set === g.set && x.lang === g.lang);
    console.log(
      `   ${g.set.padEnd(28)} ${g.lang} n=${String(g.n).padStart(5)} LOSO ${fmt(g.f1)} neuP ${fmt(g.neutralP)} neuR ${fmt(g.neutralR)} | in ${fmt(i?.f1 ?? NaN)} neuP ${fmt(i?.neutralP ?? NaN)} neuR ${fmt(i?.neutralR ?? NaN)}`,
    );
  }
  return mean;
}

/** Objective: LOSO mean over languages, minus a penalty per source whose neutral P or R is under 0.5. */
function objective(loso: ScoredRow[], d: SentimentDecision): number {
  const lg = scoreGroups(loso, d);
  const lm = languageMeans(lg);
  const mean = SEED_LANGS.reduce((s, l) => s + (lm[l] ?? 0), 0) / SEED_LANGS.length;
  return mean;
}

function gridDecision(loso: ScoredRow[]): SentimentDecision {
  let best = PLAIN_DECISION;
  let bestScore = objective(loso, best);
  const G = [-1, -0.5, -0.25, 0, 0.25, 0.5, 1];
  for (const dpn of G)
    for (const dnn of G)
      for (const minPolar of [0, 0.45, 0.55])
        for (const minMargin of [0, 0.1, 0.2, 0.3]) {
          // Offsets relative to neutral: raising neutral = lowering both polar sides.
          const d: SentimentDecision = { offsets: [dpn, 0, dnn], minPolar, minMargin };
          const s = objective(loso, d) - 0.005 * (Math.abs(dpn) + Math.abs(dnn));
          if (s > bestScore + 1e-9) {
            bestScore = s;
            best = d;
          }
        }
  return best;
}

/** EM prior adaptation per held-out source (its dev rows as the unlabeled workspace traffic). */
function emOffsets(loso: ScoredRow[], d: SentimentDecision): SentimentDecision {
  const langOffsets: Record<string, number[]> = {};
  const sets = new Map<string, ScoredRow[]>();
  for (const s of loso) {
    const k = `${s.set}|${s.lang}`;
    sets.set(k, [...(sets.get(k) ?? []), s]);
  }
  // Offsets keyed by "set|lang" pseudo-language: the decision looks them up per row below.
  for (const [k, g] of sets) {
    const probs = g.map((s) => sentimentProbs(s.z, s.lang, d));
    // Training is class-balanced within each source, so the prior the head learned is about uniform.
    langOffsets[k] = adaptPriors(probs, [1 / 3, 1 / 3, 1 / 3]).offsets;
  }
  return { ...d, langOffsets };
}

const configs = JSON.parse(process.env.CONFIGS ?? "[{}]") as Cfg[];
for (const cfg of configs) {
  const t0 = performance.now();
  const loso: ScoredRow[] = [];
  for (const set of losoSources(rows)) loso.push(...scoreDev(train(cfg, set), fit, rows, new Set([set])));
  // In-source column, plus the team-written sets' dev rows (customer traffic) for the dump.
  const teamSets = new Set(rows.filter((r) => r.set.startsWith("team-")).map((r) => r.set));
  const ins = scoreDev(train(cfg, null), fit, rows, new Set([...losoSources(rows), ...teamSets]));
  console.log(`\n== ${JSON.stringify(cfg)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  report("argmax", loso, ins, PLAIN_DECISION);
  const d = gridDecision(loso);
  report(`decision ${JSON.stringify(d)}`, loso, ins, d);
  const em = emOffsets(loso, d);
  const keyed = (xs: ScoredRow[]): ScoredRow[] => xs.map((s) => ({ ...s, lang: `${s.set}|${s.lang}`, set: s.set }));
  const lgEm = scoreGroups(keyed(loso), em);
  console.log(
    "   with EM priors per source: " +
      lgEm.map((g) => `${g.set}/${g.lang.split("|")[1]} ${fmt(g.f1)} neuP ${fmt(g.neutralP)} neuR ${fmt(g.neutralR)}`).join("; "),
  );
  if (process.env.DUMP) writeFileSync(`${cacheDir}/scored-${configs.indexOf(cfg)}.bin`, serialize({ loso, ins }));
}
