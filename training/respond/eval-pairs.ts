/**
 * The empathy check on warm / cold / blaming replies to the same message (training/respond/pairs/<lang>.jsonl).
 * The bar (issue 13): every cold or blaming reply scores at most 50 and at least 30 below its warm
 * reply, and a blaming reply never meets the respect criterion. Prints each language's counts and
 * the rows that miss the bar; exits 1 when any does.
 *
 * @example
 * npx tsx training/respond/eval-pairs.ts            # all five languages
 * npx tsx training/respond/eval-pairs.ts te --verbose
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reader } from "../../src/analysis/read.js";
import { checkReply } from "../../src/analysis/respond/check-reply.js";
import type { Check } from "../../src/analysis/respond/types.js";
import { openReader } from "./open-reader.js";

export interface Pair {
  message: string;
  warm: string;
  cold: string;
  blaming: string;
}

export interface PairScore {
  warm: Check;
  cold: Check;
  blaming: Check;
  /** What misses the bar, in words; empty when the row passes. */
  failures: string[];
}

export const PAIRS_DIR = join(dirname(fileURLToPath(import.meta.url)), "pairs");
const MAX_POOR = 50;
const MIN_GAP = 30;

/** The pairs of one language, every line checked. */
export function loadPairs(lang: string): Pair[] {
  return readFileSync(join(PAIRS_DIR, `${lang}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l, i) => {
      const v = JSON.parse(l) as Partial<Pair>;
      for (const f of ["message", "warm", "cold", "blaming"] as const)
        if (typeof v[f] !== "string" || v[f] === "") throw new Error(`${lang}.jsonl line ${i + 1}: ${f} missing`);
      return v as Pair;
    });
}

/** Score one row's three replies and say what misses the bar. */
export function scorePair(reader: Reader, p: Pair): PairScore {
  const customer = reader.analyze(p.message, { direction: "customer" });
  const check = (reply: string) => checkReply(reply, reader.analyze(reply, { direction: "agent" }), customer, p.message);
  const warm = check(p.warm);
  const cold = check(p.cold);
  const blaming = check(p.blaming);
  const failures: string[] = [];
  for (const [kind, c] of [
    ["cold", cold],
    ["blaming", blaming],
  ] as const) {
    if (c.score > MAX_POOR) failures.push(`${kind} ${c.score} > ${MAX_POOR}`);
    if (warm.score - c.score < MIN_GAP) failures.push(`${kind} ${c.score} only ${warm.score - c.score} below warm ${warm.score}`);
  }
  if (blaming.criteria.find((c) => c.name === "respectful")?.verdict === "met") failures.push("blaming reply meets respect");
  return { warm, cold, blaming, failures };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const wanted = args.filter((a) => !a.startsWith("--"));
  const langs = readdirSync(PAIRS_DIR)
    .map((f) => f.replace(/\.jsonl$/, ""))
    .filter((l) => wanted.length === 0 || wanted.includes(l));
  const reader = await openReader();
  let failed = 0;
  for (const lang of langs) {
    const rows = loadPairs(lang).map((p) => ({ p, s: scorePair(reader, p) }));
    const bad = rows.filter((r) => r.s.failures.length > 0);
    failed += bad.length;
    const mean = (f: (s: PairScore) => number) => (rows.reduce((a, r) => a + f(r.s), 0) / rows.length).toFixed(1);
    console.log(
      `${lang}: ${rows.length - bad.length}/${rows.length} rows pass | mean warm ${mean((s) => s.warm.score)}, cold ${mean((s) => s.cold.score)}, blaming ${mean((s) => s.blaming.score)} | max cold ${Math.max(...rows.map((r) => r.s.cold.score))}, max blaming ${Math.max(...rows.map((r) => r.s.blaming.score))}`,
    );
    for (const r of verbose ? rows : bad) {
      console.log(`  ${r.s.failures.join("; ") || "ok"} :: ${r.p.message.slice(0, 60)}`);
      if (verbose)
        for (const k of ["warm", "cold", "blaming"] as const)
          console.log(`    ${k} ${r.s[k].score}: ${r.s[k].criteria.map((c) => `${c.name}=${c.verdict}`).join(" ")}`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
