/**
 * How well employee messages are read (issue 12 item 8): on the employee rows of a portion that
 * carry gold `workplace` labels, read by the whole pipeline with `direction: employee`, count the
 * rows whose Reading has a right workplace cause (a gold cause with its polarity), every gold cause
 * right, false workplace causes, needs found; and the two errors of issue 12: a writer who stays
 * read as leaving (stage `leaving`, a `cancellation` need or `churn_threat`), and a message that is
 * not praise read positive (polite staffing requests among them).
 *
 * Portions: `hard-train` and `hard-heldout` (training/hardcases; held-out by scenario hash, counts
 * only, texts never printed, so no cue is tuned on them), `team-dev` and `team-train`
 * (training/data, dev by id hash).
 *
 * @example
 * npx tsx training/eval-workplace.ts hard-train hard-heldout
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createReader } from "../src/analysis/read.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { isDevId } from "../src/analysis/model/holdout.js";
import { SEED_LANGUAGES, type SentimentLabel } from "../src/core/labels.js";
import type { Reading } from "../src/core/reading.js";
import { loadHardCases } from "./hardcases.js";
import type { WorkplaceGold } from "./workplace-gold.js";

/** An employee row with gold labels. */
export interface WorkplaceRow {
  lang: string;
  text: string;
  sentiment: SentimentLabel;
  stage?: string;
  workplace: WorkplaceGold;
}

/** Counts over a portion. */
export interface WorkplaceCounts {
  rows: number;
  /** Rows with at least one gold workplace cause. */
  withCause: number;
  /** Of those, rows whose Reading has a gold cause with its polarity. */
  rightCause: number;
  /** Of those, rows whose Reading has every gold cause with its polarity. */
  allCauses: number;
  /** Workplace causes read that are not gold (label and polarity). */
  falseCauses: number;
  readCauses: number;
  /** Rows with gold needs, and those with every gold need read. */
  withNeeds: number;
  allNeeds: number;
  /** Rows not gold `leaving` read as leaving. */
  leaving: number;
  /** Rows not gold positive read positive; of them, gold neutral (polite asks). */
  positive: number;
  neutralPositive: number;
  neutralRows: number;
}

const sign = (p: "positive" | "negative"): "+" | "-" => (p === "positive" ? "+" : "-");

/** Whether a Reading takes a staying employee for a leaving one. */
export function readsLeaving(r: Reading): boolean {
  return (
    r.stage.label === "leaving" || r.needs.some((n) => n.label === "cancellation") || r.signals.some((s) => s.label === "churn_threat")
  );
}

/**
 * Score one portion's Readings against its gold labels.
 *
 * @example
 * countWorkplace([{ row, reading }]).rightCause; // 1 when the reading names a gold cause
 */
export function countWorkplace(pairs: readonly { row: WorkplaceRow; reading: Reading }[]): WorkplaceCounts {
  const c: WorkplaceCounts = {
    rows: 0,
    withCause: 0,
    rightCause: 0,
    allCauses: 0,
    falseCauses: 0,
    readCauses: 0,
    withNeeds: 0,
    allNeeds: 0,
    leaving: 0,
    positive: 0,
    neutralPositive: 0,
    neutralRows: 0,
  };
  for (const { row, reading } of pairs) {
    c.rows++;
    const read = new Set((reading.workplace?.causes ?? []).map((x) => `${x.label}${sign(x.polarity)}`));
    const gold = new Set(row.workplace.causes.map((x) => `${x.label}${x.polarity}`));
    c.readCauses += read.size;
    for (const k of read) if (!gold.has(k)) c.falseCauses++;
    if (gold.size > 0) {
      c.withCause++;
      const hit = [...gold].filter((k) => read.has(k)).length;
      if (hit > 0) c.rightCause++;
      if (hit === gold.size) c.allCauses++;
    }
    if (row.workplace.needs.length > 0) {
      c.withNeeds++;
      const needs = new Set((reading.workplace?.needs ?? []).map((n) => n.label));
      if (row.workplace.needs.every((n) => needs.has(n))) c.allNeeds++;
    }
    if (row.stage !== "leaving" && readsLeaving(reading)) c.leaving++;
    if (row.sentiment === "neutral") c.neutralRows++;
    if (row.sentiment !== "positive" && reading.sentiment.label === "positive") {
      c.positive++;
      if (row.sentiment === "neutral") c.neutralPositive++;
    }
  }
  return c;
}

const PORTIONS = ["hard-train", "hard-heldout", "team-dev", "team-train"] as const;
type Portion = (typeof PORTIONS)[number];

/** The labelled employee rows of a portion. */
export function workplaceRows(portion: Portion): WorkplaceRow[] {
  if (portion === "hard-train" || portion === "hard-heldout")
    return loadHardCases()
      .filter((c) => c.direction === "employee" && c.workplace && c.heldOut === (portion === "hard-heldout"))
      .map((c) => ({ lang: c.lang, text: c.text, sentiment: c.sentiment, stage: c.stage, workplace: c.workplace! }));
  const out: WorkplaceRow[] = [];
  for (const lang of SEED_LANGUAGES) {
    const text = readFileSync(join(repoRoot(), "training", "data", `${lang}.jsonl`), "utf8");
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      const r = JSON.parse(line) as WorkplaceRow & { id: string; direction?: string };
      if (r.direction !== "employee" || !r.workplace || isDevId(r.id) !== (portion === "team-dev")) continue;
      out.push({ lang, text: r.text, sentiment: r.sentiment, stage: r.stage, workplace: r.workplace });
    }
  }
  return out;
}

const pct = (a: number, b: number): string => `${b ? (a / b).toFixed(3) : "-"} (${a}/${b})`;

async function main(portions: Portion[]): Promise<void> {
  const reader = await createReader();
  for (const portion of portions) {
    const rows = workplaceRows(portion);
    const byLang = new Map<string, { row: WorkplaceRow; reading: Reading }[]>();
    for (const row of rows) {
      const list = byLang.get(row.lang) ?? [];
      list.push({ row, reading: reader.analyze(row.text, { direction: "employee" }) });
      byLang.set(row.lang, list);
    }
    console.log(`\n${portion}: ${rows.length} employee rows`);
    console.log("lang  right cause          all causes           false/read   all needs            leaving   positive  polite+");
    for (const [lang, pairs] of [...byLang, ["all", [...byLang.values()].flat()] as const]) {
      const c = countWorkplace(pairs);
      console.log(
        [
          lang.padEnd(5),
          pct(c.rightCause, c.withCause).padEnd(20),
          pct(c.allCauses, c.withCause).padEnd(20),
          `${c.falseCauses}/${c.readCauses}`.padEnd(12),
          pct(c.allNeeds, c.withNeeds).padEnd(20),
          `${c.leaving}/${c.rows}`.padEnd(9),
          `${c.positive}/${c.rows}`.padEnd(9),
          `${c.neutralPositive}/${c.neutralRows}`,
        ].join(" "),
      );
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const asked = process.argv.slice(2).filter((a): a is Portion => (PORTIONS as readonly string[]).includes(a));
  await main(asked.length > 0 ? asked : ["hard-train", "team-dev"]);
}
