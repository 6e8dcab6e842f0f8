/**
 * The hard-case report: each shape per language, read by the whole pipeline (cues and models fused,
 * as the product reads), on the fixed held-out portion of training/hardcases (training/hardcases.ts).
 * Part of `npm run eval`; on its own in a few seconds:
 *
 * @example
 * npm run eval -- --hard-cases            # held-out portion, writes models/HARDCASES.md
 * npm run eval -- --hard-cases --all-rows # every row (only fair for a build that never trained on them)
 * npm run eval:hard                       # the same as --hard-cases
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createReader, type Reader } from "../src/analysis/read.js";
import { defaultModelDir } from "../src/analysis/model/load-models.js";
import { DEFAULT_CASE_RULES, reasonsToOpen } from "../src/cases/case-rules.js";
import { SEED_LANGUAGES, type SignalLabel } from "../src/core/labels.js";
import type { Reading } from "../src/core/reading.js";
import { loadHardCases, type LoadedCase, type Shape } from "./hardcases.js";

/** A hard case and what the pipeline read. */
export interface ReadCase {
  c: LoadedCase;
  r: Reading;
}

/** A count over a group: `hits` of `n`. */
interface Ratio {
  hits: number;
  n: number;
}

/** One line of the report: how to count it over a language's cases, how to show it, and its bar. */
interface Metric {
  name: string;
  count: (cases: ReadCase[]) => Ratio;
  /** "share" shows hits/n as a fraction; "count" shows hits of n. */
  show: "share" | "count";
  target: string;
}

const has = (r: Reading, s: SignalLabel): boolean => r.signals.some((x) => x.label === s);
const of = (cases: ReadCase[], shape: Shape): ReadCase[] => cases.filter((x) => x.c.shape === shape);
const ratio = (cases: ReadCase[], hit: (x: ReadCase) => boolean): Ratio => ({ hits: cases.filter(hit).length, n: cases.length });
/** What opens a case in the product: the real rule of src/cases, with the default rules. */
const opensCase = (x: ReadCase): boolean => reasonsToOpen(DEFAULT_CASE_RULES, x.r, { direction: x.c.direction }).length > 0;
const readsLeaving = (r: Reading): boolean =>
  r.stage.label === "leaving" || r.needs.some((n) => n.label === "cancellation") || has(r, "churn_threat");
const polarity = (p: "+" | "-"): "positive" | "negative" => (p === "+" ? "positive" : "negative");
/** Rows a customer or employee wrote (agent replies carry no customer labels to score). */
const written = (cases: ReadCase[]): ReadCase[] => cases.filter((x) => x.c.direction !== "agent");

/** Rows with a gold cause whose Reading has at least one of them with the gold polarity. */
function rightCauseRows(cases: ReadCase[]): Ratio {
  const withCause = written(cases).filter((x) => x.c.causes.length > 0);
  return ratio(withCause, ({ c, r }) =>
    c.causes.some((g) => r.causes.some((x) => x.label === g.label && x.polarity === polarity(g.polarity))),
  );
}

/** Gold (cause, polarity) pairs and whether the Reading has the cause with that polarity. */
function causePairs(cases: ReadCase[], want: "right" | "flipped"): Ratio {
  let hits = 0;
  let n = 0;
  for (const { c, r } of written(cases)) {
    for (const g of c.causes) {
      n++;
      const same = r.causes.some((x) => x.label === g.label && x.polarity === polarity(g.polarity));
      const flipped = !same && r.causes.some((x) => x.label === g.label);
      if (want === "right" ? same : flipped) hits++;
    }
  }
  return { hits, n };
}

/** The report's lines, in order. Targets are issue 12's bars where it sets one. */
export const METRICS: Metric[] = [
  {
    name: "sarcasm: recall of the sarcasm signal",
    show: "share",
    target: "≥ 0.80",
    count: (cs) => ratio(of(cs, "sarcasm"), (x) => has(x.r, "sarcasm")),
  },
  {
    name: "sarcasm: read positive",
    show: "share",
    target: "",
    count: (cs) => ratio(of(cs, "sarcasm"), (x) => x.r.sentiment.label === "positive"),
  },
  {
    name: "praise of a fixed problem: opens a case (src/cases rule)",
    show: "count",
    target: "0",
    count: (cs) => ratio(of(cs, "praise_past_problem"), opensCase),
  },
  {
    name: "praise of a fixed problem: read as a complaint",
    show: "count",
    target: "",
    count: (cs) => ratio(of(cs, "praise_past_problem"), (x) => x.r.complaint.is),
  },
  {
    name: "neutral pre-sales/account questions: read negative",
    show: "share",
    target: "≤ 0.10",
    count: (cs) => ratio(of(cs, "neutral_question"), (x) => x.r.sentiment.label === "negative"),
  },
  {
    name: "neutral questions: read as leaving (stage, cancellation need or churn)",
    show: "share",
    target: "",
    count: (cs) => ratio(of(cs, "neutral_question"), (x) => readsLeaving(x.r)),
  },
  {
    name: "neutral traffic: read negative",
    show: "share",
    target: "≤ 0.10",
    count: (cs) => ratio(of(cs, "neutral_traffic"), (x) => x.r.sentiment.label === "negative"),
  },
  {
    name: "neutral traffic: read neutral (recall)",
    show: "share",
    target: "",
    count: (cs) =>
      ratio(
        of(cs, "neutral_traffic").filter((x) => x.c.sentiment === "neutral"),
        (x) => x.r.sentiment.label === "neutral",
      ),
  },
  {
    name: "repeat_contact false hits (still/again/already, no repeat contact)",
    show: "share",
    target: "≤ 0.05",
    count: (cs) => ratio(of(cs, "repeat_word_no_contact"), (x) => has(x.r, "repeat_contact")),
  },
  {
    name: "contact counts: repeat_contact recall",
    show: "share",
    target: "",
    count: (cs) => ratio(of(cs, "contact_count"), (x) => has(x.r, "repeat_contact")),
  },
  {
    name: "churn without a cancel verb: churn_threat recall",
    show: "share",
    target: "",
    count: (cs) => ratio(of(cs, "churn_no_cancel"), (x) => has(x.r, "churn_threat")),
  },
  {
    name: "hazards: safety_issue recall",
    show: "share",
    target: "",
    count: (cs) => ratio(of(cs, "hazard"), (x) => has(x.r, "safety_issue")),
  },
  {
    name: "agent replies read with a complaint or customer signals",
    show: "count",
    target: "0",
    count: (cs) => ratio(of(cs, "agent_reply"), (x) => x.r.complaint.is || x.r.signals.length > 0),
  },
  {
    name: "employee workload read as leaving",
    show: "count",
    target: "0",
    count: (cs) => ratio(of(cs, "employee_workload"), (x) => readsLeaving(x.r)),
  },
  {
    name: "employee polite staffing requests read positive",
    show: "count",
    target: "0",
    count: (cs) =>
      ratio(
        of(cs, "employee_workload").filter((x) => x.c.sentiment === "neutral"),
        (x) => x.r.sentiment.label === "positive",
      ),
  },
  {
    name: "complaints with a nameable cause read with no cause",
    show: "share",
    target: "≤ 0.10",
    count: (cs) =>
      ratio(
        written(cs).filter((x) => x.c.complaint >= 1 && x.c.causes.length > 0),
        (x) => x.r.causes.length === 0,
      ),
  },
  { name: "messages with a cause: a gold cause read with the right polarity", show: "share", target: "≥ 0.85", count: rightCauseRows },
  { name: "gold causes (every one) read with the right polarity", show: "share", target: "", count: (cs) => causePairs(cs, "right") },
  { name: "gold causes read with the opposite polarity", show: "share", target: "", count: (cs) => causePairs(cs, "flipped") },
  {
    name: "sentiment accuracy, every shape",
    show: "share",
    target: "",
    count: (cs) => ratio(written(cs), (x) => x.r.sentiment.label === x.c.sentiment),
  },
];

function cell(m: Metric, q: Ratio): string {
  if (q.n === 0) return "–";
  return m.show === "count" ? `${q.hits} of ${q.n}` : `${(q.hits / q.n).toFixed(2)} (${q.hits}/${q.n})`;
}

/** Read every case with the pipeline, as the product would (the case's direction as context). */
export function readCases(reader: Reader, cases: LoadedCase[]): ReadCase[] {
  return cases.map((c) => ({ c, r: reader.analyze(c.text, { direction: c.direction }) }));
}

/** The markdown section: one line per metric, one column per language, and all languages. */
export function hardCaseSection(read: ReadCase[], portion: string, build: Reading["version"]): string[] {
  const langs = SEED_LANGUAGES.filter((l) => read.some((x) => x.c.lang === l));
  const md = ["### Hard cases per shape and language", ""];
  md.push(
    `${portion}. Read by the whole pipeline (pipeline ${build.pipeline}, models ${build.models.linear ?? "none"}) with the message's direction; a case opens by \`reasonsToOpen\` with the default case rules. Cells: share (hits/rows) or hits of rows.`,
    "",
  );
  md.push(`| metric | ${langs.join(" | ")} | all | target |`, `| --- | ${langs.map(() => "---:").join(" | ")} | ---: | --- |`);
  for (const m of METRICS) {
    const cells = langs.map((l) => cell(m, m.count(read.filter((x) => x.c.lang === l))));
    md.push(`| ${m.name} | ${cells.join(" | ")} | ${cell(m, m.count(read))} | ${m.target} |`);
  }
  const sizes = langs.map((l) => `${l} ${read.filter((x) => x.c.lang === l).length}`).join(", ");
  md.push("", `Rows read: ${sizes}.`);
  return md;
}

/** Load, read and report; `allRows` scores every row instead of the held-out portion. */
export async function runHardCases(opts: { modelDir?: string; allRows?: boolean } = {}): Promise<string[]> {
  const reader = await createReader(opts.modelDir ? { modelDir: opts.modelDir } : {});
  const cases = loadHardCases().filter((c) => opts.allRows || c.heldOut);
  const portion = opts.allRows
    ? "Every row of training/hardcases"
    : "Held-out portion of training/hardcases (FNV-1a(scenario) % 5 < 2; never trained on)";
  return hardCaseSection(readCases(reader, cases), portion, reader.version);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mIdx = args.indexOf("--models");
  const dir = mIdx >= 0 ? resolve(args[mIdx + 1]!) : defaultModelDir();
  const allRows = args.includes("--all-rows");
  const md = await runHardCases({ modelDir: dir, allRows });
  const text = [`Command: \`npm run eval -- --hard-cases${allRows ? " --all-rows" : ""}\`.`, "", ...md, ""].join("\n");
  console.log(text);
  if (dir === defaultModelDir() && !allRows) writeFileSync(join(dir, "HARDCASES.md"), `# attune models: hard cases\n\n${text}`);
}

if (process.argv[1]?.endsWith("eval-hardcases.ts")) await main();
export { main as hardCasesMain };
