/**
 * The sarcasm check for reading rules: recall of the `sarcasm` signal on the hard cases' sarcasm
 * rows and its false positives where praise is sincere (the positive team examples of
 * training/data and the praise-of-a-fixed-problem hard cases), per language. Held-out rows are
 * only counted; `--misses` prints the missed sarcastic rows and the false positives of the
 * training portion only (FNV-1a(scenario) % 5 >= 2), so rules are read and tuned on those alone;
 * the team examples' sarcastic rows are a second recall check (reading rules are not trained).
 *
 * @example
 * npx tsx training/eval-sarcasm.ts            # counts
 * npx tsx training/eval-sarcasm.ts --misses   # plus the training-portion texts to read
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createReader, type Reader } from "../src/analysis/read.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { SEED_LANGUAGES, type Direction } from "../src/core/labels.js";
import type { Reading } from "../src/core/reading.js";
import { loadHardCases } from "./hardcases.js";

interface TeamRow {
  id: string;
  text: string;
  sentiment: string;
  signals: string[];
  direction: Direction;
}

const sarcastic = (r: Reading): boolean => r.signals.some((s) => s.label === "sarcasm");
const show = (tag: string, id: string, r: Reading, text: string): string =>
  `  ${tag} ${id} [${r.sentiment.label}] ${text.replace(/\n/g, " / ")}`;

/** Count cells, per language: recall on sarcasm rows, false positives on sincere praise. */
function check(reader: Reader, lang: string, misses: boolean): string[] {
  const lines: string[] = [];
  const cases = loadHardCases([lang]);
  const cell = (heldOut: boolean): string => {
    const rows = cases.filter((c) => c.shape === "sarcasm" && c.heldOut === heldOut);
    const read = rows.map((c) => ({ c, r: reader.analyze(c.text, { direction: c.direction }) }));
    const hit = read.filter((x) => sarcastic(x.r)).length;
    const pos = read.filter((x) => x.r.sentiment.label === "positive").length;
    if (misses && !heldOut) for (const x of read) if (!sarcastic(x.r)) lines.push(show("MISS", x.c.id, x.r, x.c.text));
    return `${hit}/${rows.length} (positive ${pos})`;
  };
  const praise = (heldOut: boolean): string => {
    const rows = cases.filter((c) => c.shape === "praise_past_problem" && c.heldOut === heldOut);
    const read = rows.map((c) => ({ c, r: reader.analyze(c.text, { direction: c.direction }) }));
    if (misses && !heldOut) for (const x of read) if (sarcastic(x.r)) lines.push(show("FP-PRAISE", x.c.id, x.r, x.c.text));
    return `${read.filter((x) => sarcastic(x.r)).length}/${rows.length}`;
  };
  const rows = readFileSync(join(repoRoot(), "training", "data", `${lang}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as TeamRow);
  const team = rows.filter((e) => e.sentiment === "positive" && !e.signals.includes("sarcasm"));
  const teamSarcasm = rows.filter((e) => e.signals.includes("sarcasm"));
  let teamHit = 0;
  for (const e of teamSarcasm) {
    const r = reader.analyze(e.text, { direction: e.direction });
    if (sarcastic(r)) teamHit++;
    else if (misses) lines.push(show("MISS-TEAM", e.id, r, e.text));
  }
  let teamFp = 0;
  for (const e of team) {
    const r = reader.analyze(e.text, { direction: e.direction });
    if (!sarcastic(r)) continue;
    teamFp++;
    if (misses) lines.push(show("FP-TEAM", e.id, r, e.text));
  }
  const head = `${lang}: sarcasm train ${cell(false)}, held-out ${cell(true)}; false positives: praise_past_problem train ${praise(false)}, held-out ${praise(true)}; positive team rows ${teamFp}/${team.length}; team sarcasm rows ${teamHit}/${teamSarcasm.length}`;
  return [head, ...lines];
}

async function main(): Promise<void> {
  const reader = await createReader();
  const misses = process.argv.includes("--misses");
  for (const lang of SEED_LANGUAGES) console.log(check(reader, lang, misses).join("\n"));
}

if (process.argv[1]?.endsWith("eval-sarcasm.ts")) await main();
