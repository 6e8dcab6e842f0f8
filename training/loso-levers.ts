/**
 * Scratch harness for issue 12's design levers on sentiment, judged leave-one-source-out (LOSO):
 * every lever retrains the head without each source and scores that source's dev rows, against a
 * baseline run (`base`, always first) with the same CAP in the same process. Read differences, and
 * read them against the `seed=N` runs (same data, another example order): that is the noise.
 *
 * Levers (LEVERS, comma-separated `name=value`):
 * - `l2=X`, `bits=B`, `epochs=E`: regularisation, fewer hash buckets (the low bits of the same
 *   hashes), fewer passes; `wcap=W`: cap of the class-balance weight (corpus.ts: 12);
 *   `drop=A/B`: train without sets A and B; `team=W`: weight of team-written rows (2); `seed=N`: another example order;
 *   `without=te-1535/th-1775`: train without the team rows numbered from these ids on (a batch
 *   of new team rows, measured against the baseline that has them); `bits=16+seed=1`
 *   combines options in one lever;
 * - `prune=T`: drop buckets concentrated in one training source of their language (share of the
 *   per-source rate over T, source-feature-pruning.ts), computed per fold on the training sources;
 * - `polar` (or `polar+prune=0.9`, ...): a polarity head trained on positive and negative rows only,
 *   neutral decided by weak lean, the three-class head, or no polar lexicon cue (polar-decision.ts),
 *   the margin chosen nested (on the other sources' LOSO rows, never the held-out one).
 * Feature-mix levers are runs with another ATTUNE_FEATURES (features.ts: maxGram, minGram,
 * wordRepeat, langConjoin, cues). CONFUSION=1 prints gold x predicted counts of argmax levers.
 * Results (per source: macro-F1, neutral P/R) go to $CACHE/levers-<CAP>-<time>.json.
 *
 * @example
 * CAP=1500 LEVERS=polar,prune=0.9,l2=1e-5,bits=16 nice -n 10 npx tsx training/loso-levers.ts
 * ATTUNE_FEATURES=langConjoin=1 CAP=1500 nice -n 10 npx tsx training/loso-levers.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { trainHead, scoreHead, type Example, type TrainedHead } from "../src/analysis/model/train-linear.js";
import { PLAIN_DECISION } from "../src/analysis/model/sentiment-decision.js";
import { sourceIndicativeBuckets, withoutBuckets } from "./source-feature-pruning.js";
import type { FitRow } from "../src/analysis/model/fit-models.js";
import { buildCorpus, TEAM_WEIGHT } from "./corpus.js";
import { modelTokenizer } from "../src/analysis/model/model-tokens.js";
import { cuesOf } from "../src/analysis/model/cue-features.js";
import { loadLexicons } from "../src/analysis/lexicon/load-lexicons.js";
import { loadAllRows, type Row } from "./datasets.js";
import { fnv1a } from "./split.js";
import { capRows, languageMeans, losoSources, scoreGroups, SEED_LANGS, type GroupScore, type ScoredRow } from "./loso.js";
import { chooseNested, polarDecision, type PolarRule } from "./polar-decision.js";

const cap = Number(process.env.CAP ?? 0);
const cacheDir = process.env.CACHE ?? "/tmp/attune-levers";
const BITS = 18;
const all = loadAllRows().filter((r) => SEED_LANGS.includes(r.lang));
// Team rows are never capped (all under 1,500 training rows before the register batch), so a
// batch appended to a team file is measured whole.
const rows: Row[] = capRows(all, cap, (r) => r.set.startsWith("team-"));
console.log(`rows ${rows.length} (of ${all.length})`);

async function corpusFit(): Promise<FitRow[]> {
  const key = `${process.env.ATTUNE_FEATURES ?? "default"}-${cap}-${rows.length}-${fnv1a(rows.map((r) => r.text.slice(0, 8)).join("|"))}`;
  const path = `${cacheDir}/${key}.bin`;
  if (existsSync(path)) {
    const cached = deserialize(readFileSync(path)) as FitRow[];
    console.log(`features from ${path}`);
    return cached;
  }
  const corpus = await buildCorpus(rows, BITS, console.log);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path, serialize(corpus.fit));
  return corpus.fit;
}
const fit = await corpusFit();
const polarCues = process.env.LEVERS?.includes("polar") ? await countPolarCues() : null;

/** Polar lexicon cues ("pol" hits) of every dev row, for the cue-gated neutral rule. */
async function countPolarCues(): Promise<Map<number, number>> {
  const tokenizer = await modelTokenizer();
  const lexicons = loadLexicons();
  const out = new Map<number, number>();
  rows.forEach((r, i) => {
    if (!r.dev || typeof r.targets.sentiment !== "number") return;
    const hits = cuesOf(tokenizer.tokenize(r.text, r.lang), r.lang, lexicons);
    out.set(i, hits.filter((h) => h.kind === "pol" && (h.label === "+" || h.label === "-")).length);
  });
  return out;
}
const sources = losoSources(rows);

interface Opts {
  l2: number;
  bits: number;
  epochs: number;
  prune: number;
  /** Cap of the class-balance weight (corpus.ts caps it at 12). */
  wcap: number;
  /** Example-order seed: runs differing only here show the noise a lever's difference must beat. */
  seed: number;
  /** Training sets left out of every fold (a data lever, to isolate what a set adds). */
  drop: string[];
  /** Weight of team-written rows (corpus.ts: TEAM_WEIGHT, 2). */
  team: number;
  /** Team rows left out from these ids on (`te-1535`: te-1535 and later). */
  without: string[];
}
const BASE: Opts = {
  l2: 1e-6,
  bits: BITS,
  epochs: Number(process.env.EPOCHS ?? 5),
  prune: 0,
  wcap: 12,
  seed: 20261127,
  drop: [],
  team: TEAM_WEIGHT,
  without: [],
};

/** True when `id` is at or after one of the `from` ids of its language (`te-1540` vs `te-1535`). */
function inBatch(id: string | undefined, from: readonly string[]): boolean {
  if (!id) return false;
  const [lang, n] = id.split("-");
  return from.some((f) => f.split("-")[0] === lang && Number(n) >= Number(f.split("-")[1]));
}

/** Training rows of one fold (sentiment, not dev/calib, not the held-out set), polar-only when asked. */
function foldRows(
  exclude: string,
  polarOnly: boolean,
  drop: readonly string[] = [],
  without: readonly string[] = [],
): { f: FitRow; r: Row }[] {
  const out: { f: FitRow; r: Row }[] = [];
  fit.forEach((f, i) => {
    const r = rows[i]!;
    const y = r.targets.sentiment;
    if (r.dev || r.calib || r.set === exclude || drop.includes(r.set) || typeof y !== "number") return;
    if (without.length > 0 && inBatch(r.id, without)) return;
    if (polarOnly && y === 1) return;
    out.push({ f, r });
  });
  return out;
}

function examples(keep: { f: FitRow; r: Row }[], o: Opts, polarOnly: boolean): Example[] {
  const mask = (1 << o.bits) - 1;
  const drop =
    o.prune > 0
      ? sourceIndicativeBuckets(
          keep.map(({ f, r }) => ({ idx: f.idx, source: `${r.set}:${r.lang}`, lang: r.lang })),
          { maxShare: o.prune, minRows: 5 },
        )
      : null;
  return keep.map(({ f, r }) => {
    let idx = drop ? withoutBuckets(f.idx, drop) : f.idx;
    if (o.bits !== BITS) idx = idx.map((x) => x & mask);
    const y = r.targets.sentiment as number;
    const team = r.set.startsWith("team-") ? TEAM_WEIGHT : 1;
    const weight = Math.min(o.wcap, (f.weights?.sentiment ?? 1) / team) * (team === 1 ? 1 : o.team);
    return { idx, value: f.value, cls: polarOnly ? (y === 0 ? 0 : 1) : y, multi: null, weight };
  });
}

function train(exclude: string, o: Opts, polarOnly: boolean): TrainedHead {
  const ex = examples(foldRows(exclude, polarOnly, o.drop, o.without), o, polarOnly);
  return trainHead("softmax", polarOnly ? 2 : 3, ex, { bits: o.bits, seed: o.seed, epochs: o.epochs, lr: 0.2, l2: o.l2 });
}

/** Dev rows of `set` scored by `head` (idx masked to the head's bits). */
function score(head: TrainedHead, set: string): ScoredRow[] {
  const out: ScoredRow[] = [];
  const mask = (1 << head.bits) - 1;
  fit.forEach((f, i) => {
    const r = rows[i]!;
    if (!r.dev || r.set !== set || typeof r.targets.sentiment !== "number") return;
    const idx = head.bits === BITS ? f.idx : f.idx.map((x) => x & mask);
    const z = scoreHead(head, { idx, value: f.value });
    out.push({ set: r.set, lang: r.lang, gold: r.targets.sentiment, z, cues: polarCues?.get(i) ?? 0 } as ScoredRow);
  });
  return out;
}

const fmt = (x: number): string => (Number.isNaN(x) ? "  –  " : x.toFixed(3));
interface Summary {
  lever: string;
  mean: number;
  langs: Record<string, number>;
  groups: GroupScore[];
  neutralFails: number;
}
function summarize(lever: string, groups: GroupScore[]): Summary {
  const langs = languageMeans(groups);
  const mean = SEED_LANGS.reduce((s, l) => s + (langs[l] ?? 0), 0) / SEED_LANGS.length;
  const withNeutral = groups.filter((g) => g.neutralN > 0);
  const neutralFails = withNeutral.filter((g) => g.neutralP < 0.5 || g.neutralR < 0.5).length;
  console.log(
    `\n## ${lever}: LOSO mean ${mean.toFixed(3)} | ${SEED_LANGS.map((l) => `${l} ${fmt(langs[l] ?? NaN)}`).join(" ")} | neutral P/R < 0.5: ${neutralFails} of ${withNeutral.length}`,
  );
  for (const g of groups)
    console.log(
      `   ${g.set.padEnd(28)} ${g.lang} n=${String(g.n).padStart(5)} F1 ${fmt(g.f1)} neuP ${fmt(g.neutralP)} neuR ${fmt(g.neutralR)}`,
    );
  return { lever, mean, langs, groups, neutralFails };
}

function parseLever(s: string): Opts {
  const o = { ...BASE };
  // "bits=16+seed=1": several options in one lever.
  for (const part of s.split("+")) {
    const [k, v] = part.split("=");
    if (k === "l2") o.l2 = Number(v);
    if (k === "bits") o.bits = Number(v);
    if (k === "epochs") o.epochs = Number(v);
    if (k === "prune") o.prune = Number(v);
    if (k === "wcap") o.wcap = Number(v);
    if (k === "seed") o.seed = Number(v);
    if (k === "drop") o.drop = (v ?? "").split("/");
    if (k === "team") o.team = Number(v);
    if (k === "without") o.without = (v ?? "").split("/");
  }
  return o;
}

const results: Summary[] = [];
const levers = ["base", ...(process.env.LEVERS ?? "").split(",").filter((x) => x && x !== "base")];
const baseLogits = new Map<string, ScoredRow[]>();
for (const lever of levers) {
  const t0 = performance.now();
  const isPolar = lever.startsWith("polar");
  // polar or polar+prune=0.9: the polarity head with the lever's training options.
  const o = parseLever(isPolar ? lever.split("+").slice(1).join("+") : lever);
  const scored: ScoredRow[] = [];
  const polarBySet = new Map<string, { three: ScoredRow[]; polar: ScoredRow[] }>();
  for (const set of sources) {
    if (isPolar) {
      polarBySet.set(set, { three: baseLogits.get(set)!, polar: score(train(set, o, true), set) });
    } else {
      const s = score(train(set, o, false), set);
      if (lever === "base") baseLogits.set(set, s);
      scored.push(...s);
    }
    console.log(`  ${lever} ${set} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  if (!isPolar) {
    results.push(summarize(lever, scoreGroups(scored, PLAIN_DECISION)));
    if (process.env.CONFUSION) printConfusion(scored);
    continue;
  }
  for (const rule of ["polar-margin", "three-neutral+polar-margin", "three-neutral+no-cue-margin"] as PolarRule[]) {
    const nested = chooseNested(polarBySet, rule, (s) => summarizeQuiet(s));
    results.push(summarize(`${lever} ${rule} nested (thresholds ${nested.chosen.map((c) => c.toFixed(2)).join("/")})`, nested.groups));
    const fixed = polarDecision(polarBySet, rule, 0);
    results.push(summarize(`${lever} ${rule} at 0`, fixed));
  }
}

/** Gold x predicted counts per source (positive, neutral, negative), argmax. */
function printConfusion(scored: readonly ScoredRow[]): void {
  const m = new Map<string, number[]>();
  for (const s of scored) {
    const k = `${s.set}/${s.lang}`;
    const c = m.get(k) ?? new Array<number>(9).fill(0);
    let a = 0;
    for (let j = 1; j < 3; j++) if (s.z[j]! > s.z[a]!) a = j;
    c[s.gold * 3 + a]!++;
    m.set(k, c);
  }
  for (const [k, c] of [...m.entries()].sort())
    console.log(`   ${k.padEnd(32)} gold pos ${c.slice(0, 3).join("/")} neu ${c.slice(3, 6).join("/")} neg ${c.slice(6).join("/")}`);
}

function summarizeQuiet(groups: GroupScore[]): number {
  const langs = languageMeans(groups);
  const present = SEED_LANGS.filter((l) => langs[l] !== undefined);
  return present.reduce((s, l) => s + langs[l]!, 0) / Math.max(1, present.length);
}

const out = `${cacheDir}/levers-${cap}-${Date.now()}.json`;
writeFileSync(out, JSON.stringify(results, null, 1));
console.log(`\nwrote ${out}`);
