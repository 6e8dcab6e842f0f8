/**
 * The team-example guard for reading rules: every team-written example in training/data (all rows,
 * not only dev: reading rules are not trained, so every row is fair) read by the whole pipeline
 * with its direction, against its labels. It says whether a rule written for the hard cases hurts
 * ordinary traffic: complaints missed and false, sarcasm false positives, the right cause with the
 * right polarity and cause precision, false hits of the signals rules add, and employees' leaving.
 * docs/models.md quotes it before and after every reading rule.
 *
 * @example
 * npx tsx training/eval-team-guard.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createReader } from "../src/analysis/read.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { SEED_LANGUAGES, type Direction, type SignalLabel } from "../src/core/labels.js";
import type { Reading } from "../src/core/reading.js";

interface Example {
  text: string;
  sentiment: string;
  causes: { label: string; polarity: "+" | "-" }[];
  signals: string[];
  stage: string;
  complaint: number;
  direction: Direction;
}

/** The signals reading rules add from what is said; the guard counts their hits and false hits. */
const GUARDED: SignalLabel[] = ["repeat_contact", "churn_threat", "safety_issue", "sarcasm"];

/** Counts over the team examples. */
export interface Guard {
  rows: number;
  complaintsMissed: number;
  complaintsFalse: number;
  sentimentRight: number;
  withCause: number;
  rightCause: number;
  causesRead: number;
  causesRight: number;
  signals: Record<string, { gold: number; hit: number; falseHit: number }>;
  employees: { rows: number; leaving: number; leavingRead: number; falseLeaving: number };
}

const sign = (p: "positive" | "negative"): "+" | "-" => (p === "positive" ? "+" : "-");
const readsLeaving = (r: Reading): boolean => r.stage.label === "leaving" || r.needs.some((n) => n.label === "cancellation");

/** Add one example and its Reading to the counts. */
export function count(g: Guard, e: Example, r: Reading): void {
  g.rows++;
  if (r.sentiment.label === e.sentiment) g.sentimentRight++;
  if (e.complaint > 0 && !r.complaint.is) g.complaintsMissed++;
  if (e.complaint === 0 && r.complaint.is) g.complaintsFalse++;
  for (const s of GUARDED) {
    const c = (g.signals[s] ??= { gold: 0, hit: 0, falseHit: 0 });
    const gold = e.signals.includes(s);
    const read = r.signals.some((x) => x.label === s);
    if (gold) c.gold++;
    if (gold && read) c.hit++;
    if (!gold && read) c.falseHit++;
  }
  if (e.direction === "agent") return;
  const gold = new Set(e.causes.map((c) => `${c.label}${c.polarity}`));
  if (gold.size > 0) {
    g.withCause++;
    if (r.causes.some((c) => gold.has(`${c.label}${sign(c.polarity)}`))) g.rightCause++;
  }
  for (const c of r.causes) {
    g.causesRead++;
    if (gold.has(`${c.label}${sign(c.polarity)}`)) g.causesRight++;
  }
  if (e.direction !== "employee") return;
  g.employees.rows++;
  const leaving = e.stage === "leaving";
  if (leaving) g.employees.leaving++;
  if (leaving && readsLeaving(r)) g.employees.leavingRead++;
  if (!leaving && readsLeaving(r)) g.employees.falseLeaving++;
}

/** The guard's lines, as docs/models.md quotes them. */
export function report(g: Guard): string[] {
  const f = (x: number): string => x.toFixed(3);
  const notSarcastic = g.rows - (g.signals.sarcasm?.gold ?? 0);
  const sig = GUARDED.map((s) => `${s} ${g.signals[s]!.hit}/${g.signals[s]!.gold} (false ${g.signals[s]!.falseHit})`);
  return [
    `team examples: ${g.rows}; sentiment accuracy ${f(g.sentimentRight / g.rows)}`,
    `complaints missed ${g.complaintsMissed}, false ${g.complaintsFalse}`,
    `sarcasm false positives ${g.signals.sarcasm!.falseHit} of ${notSarcastic} (${((100 * g.signals.sarcasm!.falseHit) / notSarcastic).toFixed(1)}%)`,
    `right cause + polarity ${f(g.rightCause / g.withCause)} of ${g.withCause}; cause precision ${f(g.causesRight / g.causesRead)} of ${g.causesRead} read`,
    `signals hit/gold (false): ${sig.join("; ")}`,
    `employees ${g.employees.rows}: leaving read ${g.employees.leavingRead} of ${g.employees.leaving}, false leaving ${g.employees.falseLeaving}`,
  ];
}

/** Counts at zero. */
export function emptyGuard(): Guard {
  return {
    rows: 0,
    complaintsMissed: 0,
    complaintsFalse: 0,
    sentimentRight: 0,
    withCause: 0,
    rightCause: 0,
    causesRead: 0,
    causesRight: 0,
    signals: {},
    employees: { rows: 0, leaving: 0, leavingRead: 0, falseLeaving: 0 },
  };
}

async function main(): Promise<void> {
  const reader = await createReader();
  const g = emptyGuard();
  for (const lang of SEED_LANGUAGES) {
    const text = readFileSync(join(repoRoot(), "training", "data", `${lang}.jsonl`), "utf8");
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      const e = JSON.parse(line) as Example;
      count(g, e, reader.analyze(e.text, { direction: e.direction }));
    }
  }
  console.log(report(g).join("\n"));
}

if (process.argv[1]?.endsWith("eval-team-guard.ts")) await main();
