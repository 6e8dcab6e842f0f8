/**
 * Benchmark of the empathy check (not a test). Workload: every good and poor reply of the team's
 * triples (training/respond/<lang>.jsonl), in all languages, round-robin. Reports, on one core:
 * - checks per second with both Readings precomputed (the check alone, as the API runs it when
 *   the customer's Reading is stored and the reply's was just made);
 * - checks per second including analysing the reply (customer Reading stored).
 *
 * @example
 * npx tsx bench/check.ts            # about 10 s
 * npx tsx bench/check.ts --seconds 3
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reading } from "../src/core/reading.js";
import { openReader } from "../training/respond/open-reader.js";
import { checkReply } from "../src/analysis/respond/check-reply.js";
import { emitMetrics } from "./metrics.js";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "..", "training", "respond");

interface Case {
  message: string;
  customer: Reading;
  reply: string;
  replyReading: Reading;
}

function secondsArg(): number {
  const i = process.argv.indexOf("--seconds");
  const v = i >= 0 ? Number(process.argv[i + 1]) : 5;
  return Number.isFinite(v) && v > 0 ? v : 5;
}

/** Run `step` round-robin for `seconds`; print and return checks per CPU-second. */
function run(label: string, seconds: number, cases: Case[], step: (c: Case) => number): number {
  // Warm up so the JIT and the lazily compiled cue lists are settled before timing.
  for (let i = 0; i < 2_000; i++) step(cases[i % cases.length] as Case);
  let n = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - t0 < budget) {
    for (let k = 0; k < 100; k++) sink += step(cases[n++ % cases.length] as Case);
  }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  // CPU time, not wall time, is the per-core measure: on a shared machine the wall clock also
  // counts the time other processes held the core.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perCore = Math.round(n / cpuSeconds).toLocaleString("en");
  const wall = Math.round(n / elapsed).toLocaleString("en");
  console.log(
    `${label}: ${perCore} checks per CPU-second (per core); ${wall} per wall-clock second (${n} checks, ${cpuSeconds.toFixed(1)} s CPU in ${elapsed.toFixed(1)} s)${sink < 0 ? "" : ""}`,
  );
  return n / cpuSeconds;
}

async function main(): Promise<void> {
  const seconds = secondsArg();
  const reader = await openReader();
  const cases: Case[] = [];
  for (const f of readdirSync(dir).filter((x) => /^[a-z]{2}\.jsonl$/.test(x))) {
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const t = JSON.parse(line) as { message: string; good: string; poor: string };
      const customer = reader.analyze(t.message);
      for (const reply of [t.good, t.poor]) cases.push({ message: t.message, customer, reply, replyReading: reader.analyze(reply) });
    }
  }
  const meanLength = Math.round(cases.reduce((a, c) => a + c.reply.length, 0) / cases.length);
  console.log(
    `${cases.length} replies in ${new Set(cases.map((c) => c.customer.language.code)).size} languages, mean ${meanLength} characters`,
  );
  const alone = run("check, Readings precomputed", seconds, cases, (c) => checkReply(c.reply, c.replyReading, c.customer, c.message).score);
  const withReading = run(
    "check + analyse the reply",
    seconds,
    cases,
    (c) => checkReply(c.reply, reader.analyze(c.reply), c.customer, c.message).score,
  );
  emitMetrics({ replies: cases.length, checks_per_cpu_s: alone, checks_with_reading_per_cpu_s: withReading });
}

void main();
