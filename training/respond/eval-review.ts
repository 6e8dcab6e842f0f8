/**
 * The native review sets (training/respond/review/<lang>.txt, 60 messages each, `channel|name|gender|message`):
 * drafts every message with no policy (so nothing may be promised), audits every draft
 * (audit-draft.ts), writes the first drafts to review/drafts-<lang>.md for the rubric scoring
 * (RUBRIC.md), and, where review/scores-<lang>.tsv holds the scores, prints their mean and the
 * worst three. The sets are written before their drafts are read and never feed any template,
 * cue or test threshold (RUBRIC.md, "fixed rule").
 *
 * @example
 * npx tsx training/respond/eval-review.ts            # audit all five, rewrite drafts-*.md
 * npx tsx training/respond/eval-review.ts cs --check # audit only, no files written
 * npx tsx training/respond/eval-review.ts --set=review2  # the second set (review2/, scored in review2/SCORES.md)
 * npx tsx training/respond/eval-review.ts --set=review3  # the third set (review3/, scored in review3/SCORES.md)
 * npx tsx training/respond/eval-review.ts --set=review4  # the fourth set (review4/, scored in review4/SCORES.md)
 * npx tsx training/respond/eval-review.ts --set=review5  # the fifth set (review5/, scored in review5/SCORES.md)
 * npx tsx training/respond/eval-review.ts --set=review6  # the sixth set (review6/, scored in review6/SCORES.md)
 * npx tsx training/respond/eval-review.ts --set=review7  # the seventh set (review7/, scored in review7/SCORES.md)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reader } from "../../src/analysis/read.js";
import { createLanguageIdentifier, type LanguageIdentifier } from "../../src/analysis/language/index.js";
import { draftReplies } from "../../src/analysis/respond/draft-replies.js";
import type { Draft, ReplyFacts } from "../../src/analysis/respond/types.js";
import { auditDraft } from "./audit-draft.js";
import { openReader } from "./open-reader.js";

export const REVIEW_DIR = join(dirname(fileURLToPath(import.meta.url)), "review");
/** The second set (issue 13's rubric target), written after the drafter changed and never used for tuning. */
export const REVIEW2_DIR = join(dirname(fileURLToPath(import.meta.url)), "review2");
/** The third set, written before its drafts were read and never used for tuning (review3/README.md). */
export const REVIEW3_DIR = join(dirname(fileURLToPath(import.meta.url)), "review3");
/** The fourth set, written after the changes made from the third set's drafts (review4/README.md). */
export const REVIEW4_DIR = join(dirname(fileURLToPath(import.meta.url)), "review4");
/** The fifth set, written before the changes made from the third and fourth sets' notes (review5/README.md). */
export const REVIEW5_DIR = join(dirname(fileURLToPath(import.meta.url)), "review5");
/** The sixth set, written before any of its drafts existed and never used for tuning (review6/README.md). */
export const REVIEW6_DIR = join(dirname(fileURLToPath(import.meta.url)), "review6");
/** The seventh set, written outside the repository before any of its drafts existed, never used for tuning (review7/README.md). */
export const REVIEW7_DIR = join(dirname(fileURLToPath(import.meta.url)), "review7");
const SETS: Record<string, string> = {
  review: REVIEW_DIR,
  review2: REVIEW2_DIR,
  review3: REVIEW3_DIR,
  review4: REVIEW4_DIR,
  review5: REVIEW5_DIR,
  review6: REVIEW6_DIR,
  review7: REVIEW7_DIR,
};
export const REVIEW_LANGUAGES = ["en", "te", "th", "cs", "tl"] as const;

export interface ReviewRow {
  id: string;
  channel: string;
  facts: ReplyFacts;
  message: string;
}

/** The rows of one language's set, numbered `<lang>-01` ... */
export function loadReview(lang: string, dir = REVIEW_DIR): ReviewRow[] {
  return readFileSync(join(dir, `${lang}.txt`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line, i) => {
      const [channel, name, gender, ...rest] = line.split("|");
      const message = rest.join("|").trim();
      if (!channel || !message) throw new Error(`${lang}.txt line ${i + 1}: channel or message missing`);
      const facts: ReplyFacts = { channel: channel as ReplyFacts["channel"] };
      if (name) facts.customerName = name;
      if (gender === "female" || gender === "male") facts.customerGender = gender;
      return { id: `${lang}-${String(i + 1).padStart(2, "0")}`, channel, facts, message };
    });
}

export interface Reviewed {
  row: ReviewRow;
  drafts: Draft[];
  problems: string[];
}

/** Draft and audit every row of a language. */
export function reviewLanguage(reader: Reader, lid: LanguageIdentifier, lang: string, dir = REVIEW_DIR): Reviewed[] {
  return loadReview(lang, dir).map((row) => {
    const reading = reader.analyze(row.message, { direction: "customer", channel: row.facts.channel as never });
    const drafts = draftReplies(reading, row.facts, { message: row.message, count: 3 });
    const problems = drafts.flatMap((d) =>
      auditDraft(d, { message: row.message, reading, facts: row.facts, draftLanguage: lid.identify(d.text).code }).map(
        (p) => `v${d.variant}: ${p}`,
      ),
    );
    return { row, drafts, problems };
  });
}

function scores(lang: string, dir: string): Map<string, { score: number; note: string }> {
  const file = join(dir, `scores-${lang}.tsv`);
  const out = new Map<string, { score: number; note: string }>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [id, score, note] = line.split("\t");
    if (!id || id === "id" || !score) continue;
    out.set(id, { score: Number(score), note: note ?? "" });
  }
  return out;
}

function draftsMarkdown(lang: string, reviewed: Reviewed[]): string {
  const parts = [`# First drafts, ${lang} (generated by eval-review.ts; scored in scores-${lang}.tsv)\n`];
  for (const r of reviewed)
    parts.push(`## ${r.row.id} (${r.row.channel})\n\n> ${r.row.message}\n\n\`\`\`\n${r.drafts[0]?.text ?? ""}\n\`\`\`\n`);
  return parts.join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const checkOnly = args.includes("--check");
  const wanted = args.filter((a) => !a.startsWith("--"));
  const set = args.find((a) => a.startsWith("--set="))?.slice("--set=".length) ?? "review";
  const dir = SETS[set];
  if (!dir) throw new Error(`unknown set ${set}: one of ${Object.keys(SETS).join(", ")}`);
  const reader = await openReader();
  const lid = await createLanguageIdentifier();
  let bad = 0;
  for (const lang of REVIEW_LANGUAGES) {
    if (wanted.length > 0 && !wanted.includes(lang)) continue;
    const reviewed = reviewLanguage(reader, lid, lang, dir);
    const problems = reviewed.flatMap((r) => r.problems.map((p) => `${r.row.id} ${p}`));
    bad += problems.length;
    const s = scores(lang, dir);
    const scored = reviewed.filter((r) => s.has(r.row.id));
    const mean = scored.length > 0 ? scored.reduce((a, r) => a + (s.get(r.row.id)?.score ?? 0), 0) / scored.length : NaN;
    console.log(
      `${lang}: ${reviewed.length} messages, ${reviewed.length * 3} drafts, ${problems.length} audit problems | rubric mean ${mean.toFixed(2)} over ${scored.length} first drafts`,
    );
    for (const p of problems) console.log(`  ${p}`);
    const worst = [...scored].sort((a, b) => (s.get(a.row.id)?.score ?? 0) - (s.get(b.row.id)?.score ?? 0)).slice(0, 3);
    for (const w of worst)
      console.log(
        `  worst ${w.row.id} (${s.get(w.row.id)?.score}: ${s.get(w.row.id)?.note}) :: ${w.drafts[0]?.text.replace(/\n+/g, " / ")}`,
      );
    if (!checkOnly) writeFileSync(join(dir, `drafts-${lang}.md`), draftsMarkdown(lang, reviewed));
  }
  process.exitCode = bad > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
