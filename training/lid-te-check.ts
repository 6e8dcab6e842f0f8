/**
 * Romanised Telugu check for language identification: how many rows of each shared dataset that is
 * not Telugu are read as Telugu (false positives; should stay 0), and how many of the team-written
 * romanised Telugu rows are (recall). Run before and after any change to the romanised Telugu
 * rules; `--show` prints the rows behind the counts, for the developer's eyes only.
 *
 * @example
 * npx tsx training/lid-te-check.ts           # counts per set
 * npx tsx training/lid-te-check.ts --show    # and the rows read wrongly
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLanguageIdentifier } from "../src/analysis/language/index.js";
import { repoRoot } from "../src/analysis/model/load-models.js";

const TELUGU_SCRIPT = /[\u0c00-\u0c7f]/;
const show = process.argv.includes("--show");
const datasets = process.env.ATTUNE_DATASETS ?? resolve(repoRoot(), "../shared/datasets");
const lid = await createLanguageIdentifier();

function jsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** Count the texts read as Telugu; print them (or, with `want`, the ones that are not) on --show. */
function count(name: string, texts: string[], want: boolean): void {
  let te = 0;
  const shown: string[] = [];
  for (const t of texts) {
    const got = lid.identify(t).code === "te";
    if (got) te++;
    if (show && got !== want) shown.push(`    ${t.replace(/\s+/g, " ").slice(0, 160)}`);
  }
  console.log(`${want ? "recall" : "false te"}  ${name}: ${te}/${texts.length}`);
  if (shown.length) console.log(shown.join("\n"));
}

if (!existsSync(datasets)) throw new Error(`no datasets folder at ${datasets}`);
for (const f of readdirSync(datasets)
  .filter((x) => x.endsWith(".jsonl"))
  .sort()) {
  const rows = jsonl<{ text: string; lang: string }>(join(datasets, f)).filter((r) => r.lang !== "te");
  // Only Latin-script text can be romanised Telugu; Thai and Devanagari rows are read by script.
  const latin = rows.map((r) => r.text).filter((t) => /[a-zA-Z]{2}/.test(t) && !TELUGU_SCRIPT.test(t));
  count(f.replace(/\.jsonl$/, ""), latin, false);
}

const teamTe = jsonl<{ text: string }>(join(repoRoot(), "training/data/te.jsonl"))
  .map((r) => r.text)
  .filter((t) => !TELUGU_SCRIPT.test(t));
count("training/data/te.jsonl (Latin rows)", teamTe, true);
const triples = jsonl<{ message: string; good: string; poor: string }>(join(repoRoot(), "training/respond/te-Latn.jsonl"));
count(
  "training/respond/te-Latn.jsonl (messages and replies)",
  triples.flatMap((r) => [r.message, r.good, r.poor]),
  true,
);
