/**
 * Every Reading of a fixed sample as JSON lines, to show that a speed change left the Readings
 * alone: dump before and after, then `cmp` the two files (byte-identical or the change is wrong).
 * The sample: the bench's whole message pool (bench/messages.ts) read one at a time (analyze) and
 * again in batches of 200 (analyzeMany), and every hard case (training/hardcases, all rows) with
 * its direction as context. Not a test.
 *
 * @example
 * npx tsx bench/dump-readings.ts /tmp/before.jsonl   # on the old build
 * npx tsx bench/dump-readings.ts /tmp/after.jsonl    # on the new one
 * cmp /tmp/before.jsonl /tmp/after.jsonl
 */
import { writeFileSync } from "node:fs";
import { createReader } from "../src/analysis/read.js";
import { loadHardCases } from "../training/hardcases.js";
import { messages } from "./messages.js";

/** A batch's answer in its dump form: the Reading, or the error's message for a message refused. */
const line = (tag: string, r: unknown): string => `${tag}\t${r instanceof Error ? `error: ${r.message}` : JSON.stringify(r)}`;

async function main(): Promise<void> {
  const out = process.argv[2];
  if (out === undefined) throw new Error("usage: dump-readings.ts <out.jsonl>");
  const reader = await createReader();
  const pool = messages();
  const lines: string[] = [];
  pool.forEach((m, i) => lines.push(line(`one ${i}`, reader.analyze(m.text))));
  for (let s = 0; s < pool.length; s += 200) {
    const got = reader.analyzeMany(pool.slice(s, s + 200).map((m) => ({ text: m.text })));
    got.forEach((r, j) => lines.push(line(`batch ${s + j}`, r)));
  }
  loadHardCases().forEach((c, i) => lines.push(line(`hard ${i}`, reader.analyze(c.text, { direction: c.direction }))));
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`${lines.length} Readings (${pool.length} messages twice, ${lines.length - 2 * pool.length} hard cases) -> ${out}`);
}

await main();
