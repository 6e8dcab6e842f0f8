/**
 * Checks the team-written labeled examples (training/data/<lang>.jsonl) against the format in
 * training/data/README.md and the label sets in src/core/labels.ts, then prints how many rows carry
 * each label per language next to the coverage targets, so a writer sees what is still short.
 * Exits 1 when any line is malformed (targets short are reported, not fatal).
 *
 * @example
 * // npx tsx training/check-examples.ts            (every language)
 * // npx tsx training/check-examples.ts te th      (only these)
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CAUSES, DIRECTIONS, EMOTIONS, NEEDS, SENTIMENTS, SIGNALS, STAGES } from "../src/core/labels.js";
import { checkWorkplace, type WorkplaceGold } from "./workplace-gold.js";

/** Rows per label the team aims for (issue 7 and the lexicon task). */
export const TARGETS = { perLabel: 100, neutral: 300, mixed: 150 } as const;
/** Languages whose public data lacks emotion labels, so team examples must cover every emotion. */
const EMOTION_TARGET_LANGS = new Set(["th", "cs", "tl"]);

/** One parsed, checked example. */
export interface Example {
  id: string;
  text: string;
  sentiment: string;
  emotions: string[];
  needs: string[];
  causes: { label: string; polarity: "+" | "-" }[];
  stage: string;
  signals: string[];
  complaint: number;
  direction: string;
  /** Employee rows: gold workplace causes and needs (issue 12 item 8). */
  workplace?: WorkplaceGold;
}

/**
 * Check one parsed JSON value; returns the problems found (empty when the row is valid).
 *
 * @example
 * checkExample({ id: "te-0001", text: "..." }, "te"); // ["sentiment: ..."]
 */
export function checkExample(row: unknown, lang: string): string[] {
  const p: string[] = [];
  if (typeof row !== "object" || row === null || Array.isArray(row)) return ["not a JSON object"];
  const r = row as Record<string, unknown>;
  const allowed = new Set([
    "id",
    "text",
    "sentiment",
    "emotions",
    "needs",
    "causes",
    "stage",
    "signals",
    "complaint",
    "direction",
    "workplace",
  ]);
  for (const k of Object.keys(r)) if (!allowed.has(k)) p.push(`unknown field ${k}`);
  p.push(...checkWorkplace(r.workplace, r.direction));
  if (typeof r.id !== "string" || !new RegExp(`^${lang}-\\d{4,}$`).test(r.id)) p.push(`id must look like ${lang}-0001`);
  if (typeof r.text !== "string" || r.text.trim() === "") p.push("text must be a non-empty string");
  else {
    const words = wordCount(r.text, lang);
    if (words < 3 || words > 80) p.push(`text has ${words} words (expected about 5-60)`);
  }
  const oneOf = (field: string, set: readonly string[]) => {
    if (typeof r[field] !== "string" || !set.includes(r[field] as string)) p.push(`${field} must be one of ${set.join(", ")}`);
  };
  const listOf = (field: string, set: readonly string[]) => {
    const v = r[field];
    if (!Array.isArray(v)) return p.push(`${field} must be an array`);
    for (const x of v) if (typeof x !== "string" || !set.includes(x)) p.push(`${field}: unknown label ${String(x)}`);
    if (new Set(v).size !== v.length) p.push(`${field}: repeated label`);
  };
  oneOf("sentiment", SENTIMENTS);
  listOf("emotions", EMOTIONS);
  listOf("needs", NEEDS);
  listOf("signals", SIGNALS);
  oneOf("stage", STAGES);
  oneOf(
    "direction",
    DIRECTIONS.filter((d) => d !== "agent"),
  );
  if (!Number.isInteger(r.complaint) || (r.complaint as number) < 0 || (r.complaint as number) > 4) p.push("complaint must be 0..4");
  if (!Array.isArray(r.causes)) p.push("causes must be an array");
  else {
    const seen = new Set<string>();
    for (const c of r.causes as unknown[]) {
      const cc = c as Record<string, unknown>;
      if (typeof c !== "object" || c === null || !CAUSES.includes(cc.label as never) || (cc.polarity !== "+" && cc.polarity !== "-")) {
        p.push(`causes: bad entry ${JSON.stringify(c)}`);
        continue;
      }
      const key = `${cc.label as string}${cc.polarity as string}`;
      if (seen.has(key)) p.push(`causes: repeated ${key}`);
      seen.add(key);
    }
  }
  return p;
}

/** Languages written without spaces between words: their words are counted by ICU's segmenter. */
const UNSPACED_LANGS = new Set(["th"]);

/**
 * Words in `text`: whitespace-separated chunks, or for Thai (no spaces between words, a space
 * only between phrases) the word-like segments of Intl.Segmenter, so a short unspaced message counts
 * its real words.
 *
 * @example
 * wordCount("ยังไม่ได้ของเลย นานมาก", "th"); // 7
 */
export function wordCount(text: string, lang: string): number {
  if (!UNSPACED_LANGS.has(lang)) return text.trim().split(/\s+/u).length;
  const seg = new Intl.Segmenter(lang, { granularity: "word" });
  return [...seg.segment(text)].filter((s) => s.isWordLike).length;
}

/** A mixed message: praise and complaint together (a cause of each polarity, or positive tone with a complaint). */
export function isMixed(e: Example): boolean {
  const pols = new Set(e.causes.map((c) => c.polarity));
  return pols.size === 2 || (e.sentiment === "positive" && e.complaint >= 1);
}

function main(): void {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "data");
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.jsonl$/, "")))
    .sort();
  let bad = 0;
  for (const f of files) {
    const lang = f.replace(/\.jsonl$/, "");
    const lines = readFileSync(join(dir, f), "utf8").split("\n");
    const ids = new Set<string>();
    const texts = new Set<string>();
    const rows: Example[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        bad++;
        console.log(`${f}:${i + 1}: not valid JSON`);
        return;
      }
      const problems = checkExample(parsed, lang);
      const e = parsed as Example;
      if (typeof e.id === "string") {
        if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
        ids.add(e.id);
      }
      if (typeof e.text === "string") {
        if (texts.has(e.text)) problems.push("duplicate text");
        texts.add(e.text);
      }
      if (problems.length > 0) {
        bad += problems.length;
        for (const pr of problems) console.log(`${f}:${i + 1}: ${pr}`);
        return;
      }
      rows.push(e);
    });
    report(lang, rows);
  }
  if (bad > 0) {
    console.log(`${bad} problem(s) found`);
    process.exitCode = 1;
  }
}

function report(lang: string, rows: Example[]): void {
  const count = (pred: (e: Example) => boolean) => rows.filter(pred).length;
  const short: string[] = [];
  const line = (group: string, label: string, n: number, target: number | null) => {
    const mark = target === null ? "" : n >= target ? "  ok" : `  SHORT (target ${target})`;
    if (target !== null && n < target) short.push(`${group}:${label}`);
    console.log(`  ${group.padEnd(10)} ${label.padEnd(24)} ${String(n).padStart(5)}${mark}`);
  };
  console.log(`\n${lang}: ${rows.length} valid examples`);
  for (const s of SENTIMENTS)
    line(
      "sentiment",
      s,
      count((e) => e.sentiment === s),
      s === "neutral" ? TARGETS.neutral : null,
    );
  line("mixed", "praise+complaint", count(isMixed), TARGETS.mixed);
  const emoTarget = EMOTION_TARGET_LANGS.has(lang) ? TARGETS.perLabel : null;
  for (const l of EMOTIONS)
    line(
      "emotion",
      l,
      count((e) => e.emotions.includes(l)),
      emoTarget,
    );
  for (const l of NEEDS)
    line(
      "need",
      l,
      count((e) => e.needs.includes(l)),
      TARGETS.perLabel,
    );
  for (const l of CAUSES) {
    const pos = count((e) => e.causes.some((c) => c.label === l && c.polarity === "+"));
    const any = count((e) => e.causes.some((c) => c.label === l));
    line("cause", `${l} (+${pos})`, any, TARGETS.perLabel);
  }
  for (const l of STAGES)
    line(
      "stage",
      l,
      count((e) => e.stage === l),
      TARGETS.perLabel,
    );
  for (const l of SIGNALS)
    line(
      "signal",
      l,
      count((e) => e.signals.includes(l)),
      TARGETS.perLabel,
    );
  for (let s = 0; s <= 4; s++)
    line(
      "complaint",
      String(s),
      count((e) => e.complaint === s),
      null,
    );
  for (const d of DIRECTIONS)
    if (d !== "agent")
      line(
        "direction",
        d,
        count((e) => e.direction === d),
        null,
      );
  console.log(short.length === 0 ? `  ${lang}: every target met` : `  ${lang}: short on ${short.join(", ")}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
