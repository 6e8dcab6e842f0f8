/**
 * Load every labeled row the models learn from: the shared datasets (../shared/datasets from the
 * repo root, or ATTUNE_DATASETS) and the team-written examples (training/data/*.jsonl), each turned
 * into per-head targets with the mappings in label-maps.ts and marked dev / calibration by split.ts.
 *
 * @example
 * const rows = loadAllRows();
 * rows.filter((r) => r.dev && r.set === "wisesight_sentiment").length; // 2362
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { HeadName } from "../src/analysis/model/heads.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { cls, multi, type Target, type TeamRow, teamTargets } from "../src/analysis/model/targets.js";
import {
  ABSA_KNOWN,
  ABSA_TO_CAUSE,
  BANKING77_KNOWN,
  BANKING77_PROBLEMS,
  BASIC_TO_ATTUNE,
  banking77Needs,
  GOEMOTIONS_TO_ATTUNE,
  PLUTCHIK_KNOWN,
  PLUTCHIK_TO_ATTUNE,
  PLUTCHIK_TO_EKMAN,
  TRUEVOICE_KNOWN,
  truevoiceNeeds,
} from "./label-maps.js";
import { fnv1a, isCalibrationText, isDevId, isDevText } from "./split.js";
import { hardCaseRows } from "./hardcases.js";

export interface Row {
  /** Dataset file name without .jsonl, or `team-<lang>`. */
  set: string;
  lang: string;
  text: string;
  dev: boolean;
  calib: boolean;
  targets: Partial<Record<HeadName, Target>>;
  /** Source-specific gold kept for evals that use the source's own classes (Marreddy emotion). */
  gold?: string;
  /** The row's `id` (team files), so a harness can leave out a batch of rows by id. */
  id?: string;
}

/**
 * Silver complaint labels from banking77 and TrueVoice problem reports (see label-maps.ts).
 * Off: measured, they lowered X-CI dev complaint F1 (0.735 -> 0.716). ATTUNE_SILVER_COMPLAINTS=1 turns them on.
 */
export const SILVER_COMPLAINTS = process.env.ATTUNE_SILVER_COMPLAINTS === "1";

/**
 * Customer questions and requests the shared sets hold, read as neutral sentiment (issue 12: real
 * customer traffic is often half neutral): banking77 intents that report no problem, TrueVoice
 * calls whose action is an enquiry, and Wisesight's question posts. Off with ATTUNE_NEUTRAL_REQUESTS=0.
 */
export const NEUTRAL_REQUESTS = process.env.ATTUNE_NEUTRAL_REQUESTS !== "0";

/** Sets whose sentiment rows are all neutral requests: reported, but not in a language's mean. */
export const NEUTRAL_ONLY_SETS = new Set(["banking77", "truevoice_intent"]);

/**
 * Training rows of a neutral-only set that keep their neutral sentiment target; the others keep
 * only their needs. Uncapped, banking77's 5,698 English requests weighed about six times the
 * team-written English neutrals (343 rows at class-balance weight ~2.6, x2 as team rows), and
 * TrueVoice's 7,287 Thai enquiries about six times the Thai ones: the retrain of ce4d0c732c5b,
 * the first with them, read team-en 0.675 -> 0.631 and team-th 0.802 -> 0.789. 1,000 is about the
 * weight of a language's team-written neutrals. Reading-level LOSO at CAP=1500 (docs/models.md):
 * mean 0.455 uncapped, 0.459 banking77 capped, 0.457 both capped (noise ±0.012); Wisesight, the
 * one source that moved, 0.439 / 0.418 / 0.409 (fewer neutral requests anywhere lower its neutral
 * recall). ATTUNE_NEUTRAL_REQUEST_CAP sets both caps (0: none).
 */
const REQUEST_CAP = Number(process.env.ATTUNE_NEUTRAL_REQUEST_CAP ?? 1000);

/**
 * Whether banking77's requests give neutral sentiment rows at all (their needs stay either way).
 * Off: capped at 1,000 they still read team-en 0.675 -> 0.630 (retrain b9c043fec424), and without
 * them the retrain 4b23d420b716 reads team-en 0.689 (f3 0.680 on the same code; docs/models.md).
 * English has team-written neutrals, so these only added neutral weight. On with ATTUNE_BANKING77_NEUTRALS=1.
 */
export const BANKING77_NEUTRALS = process.env.ATTUNE_BANKING77_NEUTRALS === "1";
export const NEUTRAL_REQUEST_CAPS: Readonly<Record<string, number>> = { banking77: REQUEST_CAP, truevoice_intent: REQUEST_CAP };

/** Sources whose own dev split is used. */
export const SOURCES_WITH_DEV = new Set([
  "wisesight_sentiment",
  "czech_absa_restaurants",
  "shopee_reviews_tl",
  "goemotions",
  "tweet_sentiment_multilingual",
]);

export function datasetsDir(): string {
  return process.env.ATTUNE_DATASETS ? resolve(process.env.ATTUNE_DATASETS) : resolve(repoRoot(), "../shared/datasets");
}

interface RawRow {
  text: string;
  lang: string;
  sentiment: string | null;
  emotion: string | null;
  other_labels: Record<string, unknown>;
  split?: string;
}

export function readJsonl<T>(path: string): T[] {
  const out: T[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    out.push(JSON.parse(line) as T);
  }
  return out;
}

const HAS_LETTER = /\p{L}/u;
const NEUTRAL_CLASS = cls("sentiment", "neutral")!;

function datasetTargets(set: string, r: RawRow): { targets: Partial<Record<HeadName, Target>>; gold?: string } {
  const t: Partial<Record<HeadName, Target>> = {};
  const o = r.other_labels;
  let gold: string | undefined;
  if (r.sentiment) {
    const c = cls("sentiment", r.sentiment);
    if (c !== undefined) t.sentiment = c;
  }
  // Training rows only, so Wisesight's dev rows stay the set's own labels.
  else if (NEUTRAL_REQUESTS && set === "wisesight_sentiment" && o.is_question === true && r.split !== "dev") t.sentiment = NEUTRAL_CLASS;
  const emos = Array.isArray(o.emotions) ? (o.emotions as string[]) : null;
  switch (set) {
    case "goemotions": {
      const ek = (o.ekman as string[] | undefined) ?? [];
      t.ekman = multi("ekman", ek);
      t.emotions = multi(
        "emotions",
        (emos ?? []).map((e) => GOEMOTIONS_TO_ATTUNE[e]).filter((e): e is NonNullable<typeof e> => !!e),
      );
      break;
    }
    case "xed": {
      if (!emos) break;
      const ek = emos.map((e) => PLUTCHIK_TO_EKMAN[e]).filter((e): e is string => !!e);
      const neutral = emos.includes("neutral");
      if (ek.length > 0 || neutral)
        t.ekman = multi(
          "ekman",
          neutral ? ["neutral"] : ek,
          r.lang === "en" ? null : ["anger", "disgust", "fear", "joy", "sadness", "surprise"],
        );
      const at = emos.map((e) => PLUTCHIK_TO_ATTUNE[e]).filter((e): e is NonNullable<typeof e> => !!e);
      t.emotions = multi("emotions", at, PLUTCHIK_KNOWN);
      break;
    }
    case "telugu_marreddy": {
      const e = r.emotion;
      const subset = (o.subset as string[] | undefined) ?? [];
      if (e && subset.includes("ei_task")) {
        gold = e;
        t.ekman = multi("ekman", [e], ["anger", "fear", "joy", "neutral", "sadness"]);
        const a = BASIC_TO_ATTUNE[e];
        t.emotions = multi("emotions", a ? [a] : [], ["anger", "worry", "sadness", "joy"]);
      }
      if (typeof o.sarcasm === "boolean") t.signals = multi("signals", o.sarcasm ? ["sarcasm"] : [], ["sarcasm"]);
      break;
    }
    case "xci_complaints": {
      t.complaint = multi("complaint", o.complaint === true ? ["complaint"] : []);
      if (typeof o.severity === "number") t.severity = o.severity;
      const e = String(o.emotion_raw ?? "");
      if (e !== "other" && e !== "") {
        t.ekman = multi("ekman", [e], ["anger", "disgust", "fear", "joy", "sadness", "surprise"]);
        const a = BASIC_TO_ATTUNE[e];
        t.emotions = multi("emotions", a ? [a] : [], ["anger", "worry", "sadness", "joy", "surprise"]);
      }
      break;
    }
    case "czech_absa_restaurants": {
      const causes = ((o.cause as string[] | undefined) ?? []).map((c) => ABSA_TO_CAUSE[c]).filter((c): c is NonNullable<typeof c> => !!c);
      t.causes = multi("causes", causes, ABSA_KNOWN);
      break;
    }
    case "banking77":
      t.needs = multi("needs", banking77Needs(String(o.intent)), BANKING77_KNOWN);
      if (NEUTRAL_REQUESTS && BANKING77_NEUTRALS && !BANKING77_PROBLEMS.has(String(o.intent))) t.sentiment = NEUTRAL_CLASS;
      if (SILVER_COMPLAINTS) {
        const problem = BANKING77_PROBLEMS.has(String(o.intent));
        t.complaint = multi("complaint", problem ? ["complaint"] : []);
        t.severity = problem ? 1 : 0;
      }
      break;
    case "truevoice_intent": {
      const n = truevoiceNeeds(String(o.action));
      if (n) t.needs = multi("needs", n, TRUEVOICE_KNOWN);
      if (NEUTRAL_REQUESTS && o.action === "enquire" && o.is_problem_report !== true) t.sentiment = NEUTRAL_CLASS;
      if (n && SILVER_COMPLAINTS) {
        const problem = o.is_problem_report === true;
        t.complaint = multi("complaint", problem ? ["complaint"] : []);
        t.severity = problem ? 1 : 0;
      }
      break;
    }
  }
  return gold === undefined ? { targets: t } : { targets: t, gold };
}

/** Parse a team/user JSONL file into rows (dev by id hash, else by text hash). */
export function loadTeamFile(path: string, set: string, lang: string): Row[] {
  const rows: Row[] = [];
  for (const r of readJsonl<TeamRow>(path)) {
    if (typeof r.text !== "string" || !HAS_LETTER.test(r.text)) continue;
    const dev = r.id ? isDevId(r.id) : isDevText(r.text);
    const row: Row = { set, lang: r.lang ?? lang, text: r.text, dev, calib: !dev && isCalibrationText(r.text), targets: teamTargets(r) };
    if (r.id) row.id = r.id;
    rows.push(row);
  }
  return rows;
}

/** Every row of every dataset and team file. Train rows whose text is also a dev text are dropped. */
export function loadAllRows(opts: { datasets?: string; teamDir?: string } = {}): Row[] {
  const dir = opts.datasets ?? datasetsDir();
  const rows: Row[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    const set = file.replace(/\.jsonl$/, "");
    for (const r of readJsonl<RawRow>(join(dir, file))) {
      if (typeof r.text !== "string" || !HAS_LETTER.test(r.text)) continue;
      const dev = SOURCES_WITH_DEV.has(set) ? r.split === "dev" : isDevText(r.text);
      const { targets, gold } = datasetTargets(set, r);
      if (Object.keys(targets).length === 0) continue;
      const row: Row = { set, lang: r.lang, text: r.text, dev, calib: !dev && isCalibrationText(r.text), targets };
      if (gold !== undefined) row.gold = gold;
      rows.push(row);
    }
  }
  const teamDir = opts.teamDir ?? join(repoRoot(), "training", "data");
  if (existsSync(teamDir)) {
    for (const file of readdirSync(teamDir)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()) {
      const lang = file.replace(/\.jsonl$/, "");
      rows.push(...loadTeamFile(join(teamDir, file), `team-${lang}`, lang));
    }
  }
  // The hard-case sets: their held-out scenarios are dev rows (training/hardcases.ts).
  rows.push(...hardCaseRows());
  capNeutralRequests(rows, NEUTRAL_REQUEST_CAPS);
  const devTexts = new Set(rows.filter((r) => r.dev).map((r) => r.text));
  return rows.filter((r) => (r.dev || !devTexts.has(r.text)) && Object.keys(r.targets).length > 0);
}

/**
 * Keep the neutral sentiment target on at most `caps[set]` training rows of each neutral-only set
 * named (the same rows every run: lowest hash of the text, salted so the pick is independent of the
 * dev and calibration hashes); the other rows lose it and keep their other targets. A cap of 0, or
 * a set not named, keeps every row.
 */
export function capNeutralRequests(rows: readonly Row[], caps: Readonly<Record<string, number>>): void {
  const bySet = new Map<string, { row: Row; key: number }[]>();
  for (const r of rows) {
    if (r.dev || !NEUTRAL_ONLY_SETS.has(r.set) || !(caps[r.set]! > 0) || r.targets.sentiment === undefined) continue;
    const list = bySet.get(r.set) ?? [];
    list.push({ row: r, key: fnv1a(`neutral-request:${r.text}`) });
    bySet.set(r.set, list);
  }
  for (const [set, list] of bySet) {
    list.sort((a, b) => a.key - b.key || (a.row.text < b.row.text ? -1 : 1));
    for (const { row } of list.slice(caps[set])) delete row.targets.sentiment;
  }
}
