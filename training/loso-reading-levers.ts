/**
 * Scratch harness for issue 12's Reading-level levers, judged leave-one-source-out: the LOSO heads
 * (training/loso.ts, the same settings as `npm run eval`) are trained once per lexicon (logits
 * cached under $CACHE), then every fusion lever re-reads the held-out rows in seconds. Columns per
 * source: the bare head (shipped decision), the Reading (head fused with cues as fuse-sentiment.ts
 * does, training/loso-reading.ts) and the cues alone.
 *
 * Env: CAP (as loso-levers.ts); LEXICON_DIR: the lexicon folder for the head's cue features and the
 * fusion's cues (default: the shipped one); CUE_LEXICON_DIR: another folder for the fusion's cues
 * only (a new lexicon with the head left as trained, as when lexicons ship before weights are
 * retrained); LEVERS: comma-separated, each `+`-joined `w=X` (CUE_LOGIT_WEIGHT), `nocue=X`
 * (neutral log-odds when no polar cue), `bal=X` (neutral log-odds when both sides are close),
 * `abstain=P/M` (minPolar/minMargin on the fused probabilities), `both=X` (neutral log-odds when both sides have cues), `mix=A` (share of the cues-alone
 * probabilities mixed in), `em=I/D` (each source's class prior re-estimated by EM over its own unlabeled
 * rows, I iterations, weights damped to the power D: what adapting to a workspace's traffic gains).
 * Results go to $CACHE/reading-*.json.
 *
 * @example
 * CAP=1500 LEVERS=w=1,w=2.4,nocue=0.5,abstain=0.5/0.1 nice -n 10 npx tsx training/loso-reading-levers.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { loadLexicons } from "../src/analysis/lexicon/load-lexicons.js";
import { loadModels } from "../src/analysis/model/load-models.js";
import { modelTokenizer } from "../src/analysis/model/model-tokens.js";
import { readConfig } from "../src/core/config.js";
import { buildCorpus } from "./corpus.js";
import { loadAllRows, type Row } from "./datasets.js";
import { fnv1a } from "./split.js";
import { CONFIG } from "./train.js";
import { capRows, languageMeans, losoRuns, scoreGroupsBy, SEED_LANGS, type GroupScore, type ScoredRow } from "./loso.js";
import {
  cueOnlyLabel,
  devCueSides,
  emPriorWeights,
  meanProbs,
  readingLabel,
  readingProbs,
  shippedDecision,
  SHIPPED_FUSION,
  type ReadingFusion,
} from "./loso-reading.js";
import type { SentimentProbs } from "../src/analysis/fuse/fuse-sentiment.js";
import { decideSentiment } from "../src/analysis/model/sentiment-decision.js";

const cap = Number(process.env.CAP ?? 0);
const cacheDir = process.env.CACHE ?? "/tmp/attune-reading";
const lexicons = loadLexicons(process.env.LEXICON_DIR);
const cueLexicons = process.env.CUE_LEXICON_DIR ? loadLexicons(process.env.CUE_LEXICON_DIR) : lexicons;
const all = loadAllRows().filter((r) => SEED_LANGS.includes(r.lang));
const rows: Row[] = capRows(all, cap, (r) => r.set.startsWith("team-"));
console.log(`rows ${rows.length} (of ${all.length}); head lexicon ${lexicons.version}, cue lexicon ${cueLexicons.version}`);

/** LOSO logits of every held-out source's dev rows, cached per rows, features and lexicon. */
async function losoLogits(): Promise<ScoredRow[]> {
  // The sentiment targets are in the key: a data change that relabels rows (the neutral-request cap)
  // keeps the same texts and must not reuse the logits of the old labels.
  const rowsKey = fnv1a(rows.map((r) => `${r.text.slice(0, 8)}${r.targets.sentiment ?? ""}`).join("|"));
  const key = `${process.env.ATTUNE_FEATURES ?? "default"}-${cap}-${rows.length}-${rowsKey}-${lexicons.version}-${CONFIG.seed}`;
  const path = `${cacheDir}/loso-${key}.bin`;
  if (existsSync(path)) {
    console.log(`LOSO logits from ${path}`);
    return deserialize(readFileSync(path)) as ScoredRow[];
  }
  const corpus = await buildCorpus(rows, CONFIG.bits, console.log, undefined, lexicons);
  const loso = losoRuns(corpus.fit, rows, CONFIG, console.log);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path, serialize(loso));
  return loso;
}

const loso = await losoLogits();
const tokenizer = await modelTokenizer(readConfig().modelTokenizer === "basic");
const decision = shippedDecision(loadModels());
const cues = devCueSides(rows, loso, tokenizer, cueLexicons);

const fmt = (x: number): string => (Number.isNaN(x) ? "  –  " : x.toFixed(3));
const meanOf = (g: GroupScore[]): { mean: number; langs: Record<string, number> } => {
  const langs = languageMeans(g);
  return { mean: SEED_LANGS.reduce((s, l) => s + (langs[l] ?? 0), 0) / SEED_LANGS.length, langs };
};

type Lever = ReadingFusion & { em?: { iterations: number; damp: number } };

function parse(lever: string): Lever {
  const f: Lever = { ...SHIPPED_FUSION };
  for (const part of lever.split("+")) {
    const [k, v = ""] = part.split("=");
    if (k === "w") f.weight = Number(v);
    if (k === "nocue") f.noCue = Number(v);
    if (k === "bal") f.balanced = Number(v);
    if (k === "mix") f.mix = Number(v);
    if (k === "both") f.both = Number(v);
    if (k === "em") {
      const [iterations, damp] = v.split("/").map(Number);
      f.em = { iterations: iterations ?? 20, damp: damp ?? 1 };
    }
    if (k === "abstain") {
      const [minPolar, minMargin] = v.split("/").map(Number);
      f.abstain = { minPolar: minPolar ?? 0, minMargin: minMargin ?? 0 };
    }
  }
  return f;
}

const groupKey = (s: ScoredRow): string => `${s.set}\t${s.lang}`;

/** Per held-out source, the EM prior weights fitted on its own rows (their labels unread). */
function emPriors(f: ReadingFusion, em: { iterations: number; damp: number }): Map<string, SentimentProbs> {
  const probs = new Map<string, SentimentProbs[]>();
  for (const s of loso) {
    const list = probs.get(groupKey(s)) ?? [];
    list.push(readingProbs(s, decision, cues.get(s.row!)!, f));
    probs.set(groupKey(s), list);
  }
  const out = new Map<string, SentimentProbs>();
  for (const [key, own] of probs) {
    const others = [...probs].filter(([k]) => k !== key).flatMap(([, p]) => p);
    out.set(key, emPriorWeights(own, meanProbs(others), em.iterations, em.damp));
  }
  return out;
}

const head = scoreGroupsBy(loso, (s) => decideSentiment(s.z, s.lang, decision));
const cueOnly = scoreGroupsBy(loso, (s) => cueOnlyLabel(cues.get(s.row!)!));
const line = (name: string, g: GroupScore[]): string => {
  const m = meanOf(g);
  return `${name.padEnd(24)} mean ${fmt(m.mean)} | ${SEED_LANGS.map((l) => `${l} ${fmt(m.langs[l] ?? NaN)}`).join(" ")}`;
};
console.log(`\n${line("head (shipped decision)", head)}\n${line("cues alone", cueOnly)}`);
const results: { lever: string; mean: number; langs: Record<string, number>; groups: GroupScore[] }[] = [];
for (const lever of ["shipped", ...(process.env.LEVERS ?? "").split(",").filter((x) => x && x !== "shipped")]) {
  const f: Lever = lever === "shipped" ? SHIPPED_FUSION : parse(lever);
  const priors = f.em ? emPriors(f, f.em) : undefined;
  const g = scoreGroupsBy(loso, (s) => readingLabel(s, decision, cues.get(s.row!)!, f, priors?.get(groupKey(s))));
  results.push({ lever, ...meanOf(g), groups: g });
  console.log(`\n## Reading ${line(lever, g)}`);
  for (const x of g) {
    const h = head.find((y) => y.set === x.set && y.lang === x.lang)!;
    const c = cueOnly.find((y) => y.set === x.set && y.lang === x.lang)!;
    console.log(
      `   ${x.set.padEnd(28)} ${x.lang} n=${String(x.n).padStart(5)} head ${fmt(h.f1)} | Reading ${fmt(x.f1)} neuP ${fmt(x.neutralP)} neuR ${fmt(x.neutralR)} | cues ${fmt(c.f1)}`,
    );
  }
}
mkdirSync(cacheDir, { recursive: true });
const out = `${cacheDir}/reading-${cap}-${Date.now()}.json`;
writeFileSync(out, JSON.stringify({ head, cueOnly, results }, null, 1));
console.log(`\nwrote ${out}`);
