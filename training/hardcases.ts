/**
 * The hard-case sets (training/hardcases/<lang>.jsonl, format in training/hardcases/README.md):
 * team-written messages in the shapes attune gets wrong (sarcasm, praise of a fixed problem, pre-sales
 * questions, agent replies, employee workload, churn without a cancel verb, contact counts and their
 * look-alikes, hazards), plus neutral customer traffic. Here: the shape list, the row check, the fixed
 * held-out rule (by scenario) and the loader that turns the training portion into training rows.
 *
 * @example
 * const cases = loadHardCases();
 * cases.filter((c) => c.heldOut && c.shape === "sarcasm").length;
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CAUSES, DIRECTIONS, NEEDS, SENTIMENTS, SIGNALS, STAGES, type Direction } from "../src/core/labels.js";
import { repoRoot } from "../src/analysis/model/load-models.js";
import { teamTargets, type Target } from "../src/analysis/model/targets.js";
import type { HeadName } from "../src/analysis/model/heads.js";
import { fnv1a, isCalibrationText } from "../src/analysis/model/holdout.js";
import type { Row } from "./datasets.js";
import { checkWorkplace, type WorkplaceGold } from "./workplace-gold.js";

/** The shapes, in report order. */
export const SHAPES = [
  "sarcasm",
  "praise_past_problem",
  "neutral_question",
  "agent_reply",
  "employee_workload",
  "churn_no_cancel",
  "contact_count",
  "repeat_word_no_contact",
  "hazard",
  "neutral_traffic",
] as const;
export type Shape = (typeof SHAPES)[number];

/** The business a message comes from; the sets spread every shape over them. */
export const DOMAINS = ["tel", "bank", "shop", "dlv", "appl", "air", "util", "rest", "soft", "hr"] as const;

/** Rows each shape needs per language (issue 12). */
export const MIN_PER_SHAPE = 40;

/**
 * One hard case as stored. `scenario` is the situation (`<shape>-<nn>`), shared by the messages
 * written from it in every language; `complaint` is the severity 0..4 (a complaint is severity >= 1).
 */
export interface HardCase {
  id: string;
  scenario: string;
  domain: (typeof DOMAINS)[number];
  shape: Shape;
  direction: Direction;
  text: string;
  sentiment: (typeof SENTIMENTS)[number];
  complaint: number;
  causes: { label: (typeof CAUSES)[number]; polarity: "+" | "-" }[];
  signals: (typeof SIGNALS)[number][];
  needs?: (typeof NEEDS)[number][];
  stage?: (typeof STAGES)[number];
  /** Employee rows: gold workplace causes and needs (issue 12 item 8). */
  workplace?: WorkplaceGold;
}

/** A loaded hard case with its language and whether it is in the fixed held-out portion. */
export interface LoadedCase extends HardCase {
  lang: string;
  heldOut: boolean;
}

/**
 * The fixed held-out rule: a scenario is held out when FNV-1a-32 of its id (UTF-16 code units) is
 * 0 or 1 modulo 5 (about 40%). A scenario is one situation written in every language, so its
 * translations and paraphrases (Taglish and Telugu-English share words with English) never sit on
 * both sides. Training must never see these rows.
 */
export function isHeldOutScenario(scenario: string): boolean {
  return fnv1a(scenario) % 5 < 2;
}

const FIELDS = new Set([
  "id",
  "scenario",
  "domain",
  "shape",
  "direction",
  "text",
  "sentiment",
  "complaint",
  "causes",
  "signals",
  "needs",
  "stage",
  "workplace",
]);

/**
 * Check one parsed row against the format and the label sets of src/core/labels.ts; returns the
 * problems (empty when valid).
 */
export function checkHardCase(row: unknown, lang: string): string[] {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return ["not a JSON object"];
  const r = row as Record<string, unknown>;
  const p: string[] = [];
  for (const k of Object.keys(r)) if (!FIELDS.has(k)) p.push(`unknown field ${k}`);
  if (typeof r.id !== "string" || !new RegExp(`^${lang}-h-\\d{4}$`).test(r.id)) p.push(`id must look like ${lang}-h-0001`);
  if (typeof r.scenario !== "string" || !/^[a-z_]+-\d{2}$/.test(r.scenario) || !r.scenario.startsWith(`${String(r.shape)}-`))
    p.push("scenario must look like <shape>-01");
  if (typeof r.text !== "string" || r.text.trim() === "") p.push("text must be a non-empty string");
  const oneOf = (field: string, set: readonly unknown[], optional = false): void => {
    if (optional && r[field] === undefined) return;
    if (!set.includes(r[field])) p.push(`${field} must be one of ${set.join(", ")}`);
  };
  const listOf = (field: string, set: readonly string[], optional = false): void => {
    const v = r[field];
    if (optional && v === undefined) return;
    if (!Array.isArray(v)) return void p.push(`${field} must be an array`);
    for (const x of v) if (!set.includes(x as string)) p.push(`${field}: unknown label ${String(x)}`);
    if (new Set(v).size !== v.length) p.push(`${field}: repeated label`);
  };
  oneOf("shape", SHAPES);
  oneOf("domain", DOMAINS);
  oneOf("direction", DIRECTIONS);
  oneOf("sentiment", SENTIMENTS);
  oneOf("complaint", [0, 1, 2, 3, 4]);
  oneOf("stage", STAGES, true);
  listOf("signals", SIGNALS);
  listOf("needs", NEEDS, true);
  p.push(...checkWorkplace(r.workplace, r.direction));
  if (!Array.isArray(r.causes)) p.push("causes must be an array");
  else
    for (const c of r.causes as Record<string, unknown>[]) {
      if (typeof c !== "object" || c === null || !CAUSES.includes(c.label as never) || (c.polarity !== "+" && c.polarity !== "-"))
        p.push(`causes: bad entry ${JSON.stringify(c)}`);
    }
  return p;
}

/** The folder of the sets. */
export function hardCaseDir(): string {
  return join(repoRoot(), "training", "hardcases");
}

/** Parse one language's file; throws with the line number and problems of the first bad row. */
export function parseHardCases(text: string, lang: string): LoadedCase[] {
  const out: LoadedCase[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const row: unknown = JSON.parse(line);
    const problems = checkHardCase(row, lang);
    if (problems.length > 0) throw new Error(`${lang}.jsonl:${i + 1}: ${problems.join("; ")}`);
    const c = row as HardCase;
    out.push({ ...c, lang, heldOut: isHeldOutScenario(c.scenario) });
  });
  return out;
}

/** Every hard case of every language file (or of `langs`). */
export function loadHardCases(langs?: readonly string[], dir = hardCaseDir()): LoadedCase[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  const out: LoadedCase[] = [];
  for (const f of files) {
    const lang = f.replace(/\.jsonl$/, "");
    if (langs && !langs.includes(lang)) continue;
    out.push(...parseHardCases(readFileSync(join(dir, f), "utf8"), lang));
  }
  return out;
}

/**
 * The hard cases as training rows, set `team-hard-<lang>`, the held-out portion marked `dev` so
 * training never sees it. Agent replies are left out: the models do not see `direction`, so an agent's
 * words are a reading rule, not something to teach the customer heads.
 */
export function hardCaseRows(dir = hardCaseDir()): Row[] {
  return loadHardCases(undefined, dir)
    .filter((c) => c.direction !== "agent")
    .map((c) => ({
      set: `team-hard-${c.lang}`,
      lang: c.lang,
      text: c.text,
      dev: c.heldOut,
      calib: !c.heldOut && isCalibrationText(c.text),
      targets: c.heldOut ? teamTargets(c) : settledBillingUnknown(c, teamTargets(c)),
    }));
}

const BILLING = CAUSES.indexOf("price_or_billing");

/**
 * Praise of a fixed problem that also praises who or what fixed it ("Thanks for sorting the wrong
 * charge on my card so quickly, lovely staff as always": staff_treatment +, price_or_billing +):
 * the billing label names the settled problem, not something praised, and the set is not of one
 * mind about it (praise_past_problem-20, a roaming charge sorted by a patient agent, carries
 * staff_treatment alone). The cause head has no polarity, so a billing target there teaches that
 * thanks and staff praise are billing evidence: the retrain of ce4d0c732c5b read "The agent was so
 * kind and patient with me. Lovely staff." as price_or_billing + 0.66. The billing target of such
 * rows is left unknown (neither taught nor untaught); billing words keep their evidence from the
 * billing complaints. The labels stay as written, so `npm run eval:hard` scores the same gold.
 */
export function settledBillingUnknown(c: HardCase, t: Partial<Record<HeadName, Target>>): Partial<Record<HeadName, Target>> {
  const causes = t.causes;
  if (c.shape !== "praise_past_problem" || !(causes instanceof Int8Array) || causes[BILLING] !== 1) return t;
  if (!c.causes.some((x) => x.polarity === "+" && x.label !== "price_or_billing")) return t;
  const out = Int8Array.from(causes);
  out[BILLING] = -1;
  return { ...t, causes: out };
}
