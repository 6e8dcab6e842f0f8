/**
 * The whole Reading (cues and models fused), scored on the team-written dev rows (20% by a fixed
 * hash of the id, never trained on): sentiment macro-F1 per seed language, and micro
 * precision/recall/F1 per field over all languages. `npm run eval:reading`.
 */
import { readFileSync } from "node:fs";
import { createReader } from "../src/analysis/read.js";
import { isDevId } from "../src/analysis/model/holdout.js";
import { SEED_LANGUAGES, SENTIMENTS } from "../src/core/labels.js";
import type { Reading } from "../src/core/reading.js";

interface Example {
  id: string;
  text: string;
  sentiment: string;
  emotions: string[];
  needs: string[];
  causes: { label: string }[];
  signals: string[];
  stage: string;
  complaint: number;
}

const goldLabels = (e: Example) =>
  new Set([
    ...e.emotions.map((x) => `emotion:${x}`),
    ...e.needs.map((x) => `need:${x}`),
    ...e.causes.map((c) => `cause:${c.label}`),
    ...e.signals.map((x) => `signal:${x}`),
    `stage:${e.stage}`,
    ...(e.complaint > 0 ? ["complaint:yes"] : []),
  ]);
const readLabels = (r: Reading) =>
  new Set([
    ...r.emotions.map((x) => `emotion:${x.label}`),
    ...r.needs.map((x) => `need:${x.label}`),
    ...r.causes.map((c) => `cause:${c.label}`),
    ...r.signals.map((x) => `signal:${x.label}`),
    `stage:${r.stage.label}`,
    ...(r.complaint.is ? ["complaint:yes"] : []),
  ]);

function macroF1(pairs: [string, string][]): number {
  const present = SENTIMENTS.filter((l) => pairs.some(([g]) => g === l));
  const f1s = present.map((l) => {
    const tp = pairs.filter(([g, p]) => g === l && p === l).length;
    const fp = pairs.filter(([g, p]) => g !== l && p === l).length;
    const fn = pairs.filter(([g, p]) => g === l && p !== l).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

const reader = await createReader();
const counts = new Map<string, { tp: number; fp: number; fn: number }>();
console.log("| lang | dev rows | sentiment macro-F1 |\n| --- | ---: | ---: |");
for (const lang of SEED_LANGUAGES) {
  const rows = readFileSync(new URL(`./data/${lang}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Example)
    .filter((e) => isDevId(e.id));
  const pairs: [string, string][] = [];
  for (const e of rows) {
    const r = reader.analyze(e.text);
    pairs.push([e.sentiment, r.sentiment.label]);
    const gold = goldLabels(e);
    const got = readLabels(r);
    for (const k of new Set([...gold, ...got])) {
      const field = k.slice(0, k.indexOf(":"));
      const c = counts.get(field) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(field, c);
      if (gold.has(k) && got.has(k)) c.tp++;
      else if (got.has(k)) c.fp++;
      else c.fn++;
    }
  }
  console.log(`| ${lang} | ${rows.length} | ${macroF1(pairs).toFixed(3)} |`);
}
console.log("\n| field | precision | recall | F1 |\n| --- | ---: | ---: | ---: |");
for (const [field, c] of counts) {
  console.log(
    `| ${field} | ${(c.tp / (c.tp + c.fp)).toFixed(2)} | ${(c.tp / (c.tp + c.fn)).toFixed(2)} | ${((2 * c.tp) / (2 * c.tp + c.fp + c.fn)).toFixed(2)} |`,
  );
}
