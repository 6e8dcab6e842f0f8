/**
 * Evaluate reply drafts on the fixed mixed set (training/respond/mixed-200.jsonl): for every
 * message, three drafts; each must be in the customer's language and in the script the customer
 * typed (confirmed by the language identifier on the draft itself), score at least 80 on the
 * empathy check, and hold no unfilled slot. Prints the shares per language (romanised Telugu on
 * its own line, "te-Latn") and the failures (with --verbose).
 *
 * @example
 * npx tsx training/respond/eval-drafts.ts --verbose
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseContext } from "../../src/core/parse-context.js";
import { openReader } from "./open-reader.js";
import { countScripts, createLanguageIdentifier, scriptOfLanguage } from "../../src/analysis/language/index.js";
import { checkReply } from "../../src/analysis/respond/check-reply.js";
import { draftReplies } from "../../src/analysis/respond/draft-replies.js";
import { LEFTOVER_SLOT } from "../../src/analysis/respond/fill-slots.js";
import { parseCheckOptions, parseFacts } from "../../src/analysis/respond/parse-facts.js";

const here = dirname(fileURLToPath(import.meta.url));
const MIN_SCORE = 80;

/**
 * The script the customer typed in: the one most of the message's letters are in (a count of
 * letters, not the language identifier), so a romanised Telugu message must get a romanised draft.
 */
function customerScript(message: string): string {
  return countScripts(message).dominant;
}

/** Tally key: the language, and the script where it is not the language's usual one ("te-Latn"). */
function groupOf(lang: string, script: string): string {
  return script === scriptOfLanguage(lang) ? lang : `${lang}-${script}`;
}

interface Tally {
  drafts: number;
  language: number;
  score: number;
  slots: number;
  min: number;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  const rows = readFileSync(join(here, "mixed-200.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown> & { id: string; lang: string; message: string });
  const reader = await openReader();
  const lid = await createLanguageIdentifier();
  const byLang = new Map<string, Tally>();
  const all: Tally = { drafts: 0, language: 0, score: 0, slots: 0, min: 100 };
  for (const row of rows) {
    const context = parseContext(row);
    const reading = reader.analyze(row.message, { ...context, direction: "customer" });
    const drafts = draftReplies(reading, parseFacts(row), { count: 3, message: row.message });
    const script = customerScript(row.message);
    const group = groupOf(row.lang, script);
    const t = byLang.get(group) ?? { drafts: 0, language: 0, score: 0, slots: 0, min: 100 };
    for (const d of drafts) {
      const id = lid.identify(d.text);
      const langOk = id.code === row.lang && id.script === script;
      const check = checkReply(d.text, reader.analyze(d.text, { direction: "agent" }), reading, row.message, parseCheckOptions(row));
      const slotOk = !LEFTOVER_SLOT.test(d.text);
      for (const x of [t, all]) {
        x.drafts++;
        x.language += langOk ? 1 : 0;
        x.score += check.score >= MIN_SCORE ? 1 : 0;
        x.slots += slotOk ? 1 : 0;
        x.min = Math.min(x.min, check.score);
      }
      if (verbose && (!langOk || check.score < MIN_SCORE || !slotOk)) {
        const missed = check.criteria.filter((c) => c.verdict === "missed" || c.verdict === "partly").map((c) => `${c.name}:${c.verdict}`);
        console.log(
          `  ${row.id} draft ${d.variant}: lang ${id.code}/${id.script}${langOk ? "" : " WRONG"} score ${check.score} ${missed.join(" ")}`,
        );
      }
    }
    byLang.set(group, t);
  }
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
  for (const [lang, t] of byLang) {
    console.log(
      `${lang}: ${t.drafts} drafts, language+script ${pct(t.language, t.drafts)}, score>=${MIN_SCORE} ${pct(t.score, t.drafts)}, no slot ${pct(t.slots, t.drafts)}, min score ${t.min}`,
    );
  }
  console.log(
    `all: ${rows.length} messages, ${all.drafts} drafts, language+script ${pct(all.language, all.drafts)}, score>=${MIN_SCORE} ${pct(all.score, all.drafts)}, no slot ${pct(all.slots, all.drafts)}, min score ${all.min}`,
  );
  process.exitCode = all.language === all.drafts && all.score === all.drafts && all.slots === all.drafts ? 0 : 1;
}

void main();
