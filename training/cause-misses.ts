/**
 * Where causes go wrong (issue 12 item 4): for the rows of one portion, read by the whole pipeline
 * with their direction, count the right cause with the right polarity, every gold cause right,
 * flipped or missing, and the causes read that are not gold (false causes); with `--show`, print
 * each gold cause missed or flipped and each false cause, with the text and what was read, grouped
 * by language and cause.
 *
 * Portions: `hard-train` (the training portion of training/hardcases), `team-dev` and `team-train`
 * (training/data, dev by id hash), `hard-heldout` (counts only: its texts are never printed, so no
 * rule is tuned on them).
 *
 * @example
 * npx tsx training/cause-misses.ts hard-train --show
 * npx tsx training/cause-misses.ts team-dev hard-heldout
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createReader } from "../src/analysis/read.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { isDevId } from "../src/analysis/model/holdout.js";
import { SEED_LANGUAGES, type Direction } from "../src/core/labels.js";
import type { Reading } from "../src/core/reading.js";
import { loadHardCases } from "./hardcases.js";

/** A row with gold causes, as both the hard cases and the team examples store them. */
export interface CauseRow {
  lang: string;
  text: string;
  direction: Direction;
  causes: { label: string; polarity: "+" | "-" }[];
}

/** Counts over a portion. */
export interface CauseCounts {
  rows: number;
  withCause: number;
  rightRows: number;
  gold: number;
  right: number;
  flipped: number;
  missing: number;
  read: number;
  falseRead: number;
}

const PORTIONS = ["hard-train", "hard-heldout", "team-dev", "team-train"] as const;
type Portion = (typeof PORTIONS)[number];

const sign = (p: "positive" | "negative"): "+" | "-" => (p === "positive" ? "+" : "-");

/** The rows of a portion (agent replies carry no customer causes and are left out). */
export function portionRows(portion: Portion): CauseRow[] {
  if (portion === "hard-train" || portion === "hard-heldout")
    return loadHardCases().filter((c) => c.direction !== "agent" && c.heldOut === (portion === "hard-heldout"));
  const out: CauseRow[] = [];
  for (const lang of SEED_LANGUAGES) {
    const text = readFileSync(join(repoRoot(), "training", "data", `${lang}.jsonl`), "utf8");
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      const r = JSON.parse(line) as CauseRow & { id: string };
      if (r.direction === "agent" || isDevId(r.id) !== (portion === "team-dev")) continue;
      out.push({ ...r, lang });
    }
  }
  return out;
}

/** Add one row and its Reading; returns the problems (missed, flipped, false) as short lines. */
export function countRow(n: CauseCounts, row: CauseRow, r: Reading): { key: string; what: string }[] {
  const problems: { key: string; what: string }[] = [];
  const read = new Set(r.causes.map((c) => `${c.label}${sign(c.polarity)}`));
  const gold = new Set(row.causes.map((c) => `${c.label}${c.polarity}`));
  n.rows++;
  if (gold.size > 0) n.withCause++;
  if ([...gold].some((g) => read.has(g))) n.rightRows++;
  for (const g of row.causes) {
    n.gold++;
    const want = `${g.label}${g.polarity}`;
    if (read.has(want)) n.right++;
    else if (r.causes.some((c) => c.label === g.label)) {
      n.flipped++;
      problems.push({ key: `${row.lang} ${want} FLIP`, what: want });
    } else {
      n.missing++;
      problems.push({ key: `${row.lang} ${want} MISS`, what: want });
    }
  }
  for (const c of read) {
    n.read++;
    if (gold.has(c)) continue;
    // A read cause with the gold label and the other polarity is counted as a flip above.
    if (row.causes.some((g) => c.startsWith(g.label) && c.length === g.label.length + 1)) continue;
    n.falseRead++;
    problems.push({ key: `${row.lang} ${c} FALSE`, what: c });
  }
  return problems;
}

/** The counts as one line. */
export function summary(name: string, n: CauseCounts): string {
  const f = (a: number, b: number): string => `${(a / Math.max(1, b)).toFixed(3)} (${a}/${b})`;
  return [
    `${name}: rows ${n.rows}; right cause+polarity ${f(n.rightRows, n.withCause)}`,
    `gold right ${f(n.right, n.gold)}, flipped ${f(n.flipped, n.gold)}, missing ${f(n.missing, n.gold)}`,
    `false causes ${n.falseRead} of ${n.read} read (precision ${f(n.read - n.falseRead, n.read)})`,
  ].join("; ");
}

const empty = (): CauseCounts => ({
  rows: 0,
  withCause: 0,
  rightRows: 0,
  gold: 0,
  right: 0,
  flipped: 0,
  missing: 0,
  read: 0,
  falseRead: 0,
});

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const show = args.includes("--show");
  const portions = args.filter((a): a is Portion => (PORTIONS as readonly string[]).includes(a));
  const reader = await createReader();
  for (const portion of portions.length > 0 ? portions : (["hard-train", "team-dev"] as Portion[])) {
    const n = empty();
    const groups = new Map<string, string[]>();
    for (const row of portionRows(portion)) {
      const r = reader.analyze(row.text, { direction: row.direction });
      const problems = countRow(n, row, r);
      // Held-out texts are never printed.
      if (!show || portion === "hard-heldout") continue;
      const got = r.causes.map((c) => `${c.label}${sign(c.polarity)}(${c.evidence.map((e) => e.text).join("|")})`).join(", ");
      const gold = row.causes.map((c) => `${c.label}${c.polarity}`).join(", ");
      for (const p of problems)
        groups.set(p.key, [
          ...(groups.get(p.key) ?? []),
          `  ${row.text}\n      gold: ${gold} | read: ${got || "-"} | ${r.sentiment.label}`,
        ]);
    }
    for (const key of [...groups.keys()].sort()) console.log(`## ${key} (${groups.get(key)!.length})\n${groups.get(key)!.join("\n")}`);
    console.log(summary(portion, n));
  }
}

if (process.argv[1]?.endsWith("cause-misses.ts")) await main();
