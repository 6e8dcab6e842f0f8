/**
 * Evidence quality per language (issue 12, item 9). A fixed sample of 30 messages per language (15
 * from the hard cases' held-out portion, 15 team-written dev rows; seed "evidence-1") is read, and
 * every evidence span of sentiment, emotions, causes and complaint is checked (evidence-check.ts):
 * the share that is a lone function word or less than a whole word. The first 20 per language are
 * also judged by a native reader (training/evidence-judged.jsonl, rubric in
 * training/evidence-judged.md); the judged-good share is over those labels whose spans were judged.
 *
 *   npx tsx training/eval-evidence.ts                       # this tree's reader
 *   npx tsx training/eval-evidence.ts --src /tmp/base/src   # another tree's reader (a baseline)
 *   npx tsx training/eval-evidence.ts --unjudged out.jsonl  # write the labels still to judge
 *   npx tsx training/eval-evidence.ts --show                # list the faulty spans
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SEED_LANGUAGES } from "../src/core/labels.js";
import type { Reading, Span } from "../src/core/reading.js";
import { isDevId } from "../src/analysis/model/holdout.js";
import { fixedSample, spanFault, type SpanFault } from "./evidence-check.js";
import { loadHardCases } from "./hardcases.js";

interface Message {
  id: string;
  lang: string;
  text: string;
  direction?: string;
}

/**
 * One label's evidence as judged: the key is id, label and the span texts. `wrongLabel`: the
 * message does not show the label at all, so no span could; such labels are counted apart.
 */
interface Unit {
  id: string;
  label: string;
  spans: string[];
  good?: boolean;
  wrongLabel?: boolean;
}

const SEED = "evidence-1";
const PER_SOURCE = 15;
const JUDGED_PER_SOURCE = 10;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function sample(lang: string): Message[] {
  const hard = loadHardCases([lang]).filter((c) => c.heldOut);
  const dev = readFileSync(new URL(`./data/${lang}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Message)
    .filter((e) => isDevId(e.id));
  const pick = (rows: Message[]) => fixedSample(rows, PER_SOURCE, SEED).map((r) => ({ ...r, lang }));
  const h = pick(hard);
  const d = pick(dev);
  // The judged part is the first JUDGED_PER_SOURCE of each source, so it stays put as the sample does.
  return [...h.slice(0, JUDGED_PER_SOURCE), ...d.slice(0, JUDGED_PER_SOURCE), ...h.slice(JUDGED_PER_SOURCE), ...d.slice(JUDGED_PER_SOURCE)];
}

function labelled(r: Reading): [string, Span[]][] {
  const out: [string, Span[]][] = [[`sentiment:${r.sentiment.label}`, r.sentiment.evidence]];
  for (const e of r.emotions) out.push([`emotion:${e.label}`, e.evidence]);
  for (const c of r.causes) out.push([`cause:${c.label}${c.polarity === "positive" ? "+" : "-"}`, c.evidence]);
  if (r.complaint.is) out.push([`complaint:${r.complaint.severity}`, r.complaint.evidence]);
  return out;
}

const key = (u: Unit): string => `${u.id}|${u.label}|${u.spans.join("¦")}`;

function loadJudged(path: string): Map<string, boolean | "wrong-label"> {
  const out = new Map<string, boolean | "wrong-label">();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const u = JSON.parse(line) as Unit;
    if (u.wrongLabel) out.set(key(u), "wrong-label");
    else if (typeof u.good === "boolean") out.set(key(u), u.good);
  }
  return out;
}

const src = resolve(arg("--src") ?? new URL("../src", import.meta.url).pathname);
const { createReader } = (await import(pathToFileURL(`${src}/analysis/read.ts`).href)) as typeof import("../src/analysis/read.js");
const reader = await createReader();
const judgedPath = new URL("./evidence-judged.jsonl", import.meta.url).pathname;
const judged = loadJudged(judgedPath);
const unjudged: Unit[] = [];
const show = process.argv.includes("--show");
console.log("| lang | spans | function word | fragment | no word | bad share | judged labels | good | wrong label | unjudged |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const lang of SEED_LANGUAGES) {
  const faults: Record<Exclude<SpanFault, null>, number> = { function: 0, fragment: 0, "no-word": 0 };
  let spans = 0;
  let judgedN = 0;
  let good = 0;
  let missing = 0;
  let wrong = 0;
  sample(lang).forEach((m, i) => {
    const r = reader.analyze(m.text, { languageHint: lang, ...(m.direction ? { direction: m.direction as "customer" } : {}) });
    for (const [label, ev] of labelled(r)) {
      for (const s of ev) {
        spans++;
        const f = spanFault(m.text, s, lang);
        if (f) faults[f]++;
        if (f && show) console.log(`  ${m.id} ${label} ${f}: "${s.text}"`);
      }
      if (i >= 2 * JUDGED_PER_SOURCE) continue;
      const u: Unit = { id: m.id, label, spans: ev.map((s) => s.text) };
      const g = judged.get(key(u));
      if (g === undefined) {
        missing++;
        unjudged.push({ ...u, text: m.text } as Unit);
      } else if (g === "wrong-label") wrong++;
      else {
        judgedN++;
        if (g) good++;
      }
    }
  });
  const bad = faults.function + faults.fragment + faults["no-word"];
  const pct = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(0)}%`);
  console.log(
    `| ${lang} | ${spans} | ${faults.function} | ${faults.fragment} | ${faults["no-word"]} | ${pct(bad, spans)} | ${judgedN} | ${pct(good, judgedN)} | ${wrong} | ${missing} |`,
  );
}
const out = arg("--unjudged");
if (out) writeFileSync(out, unjudged.map((u) => JSON.stringify(u)).join("\n") + "\n");
