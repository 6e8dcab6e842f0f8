/**
 * `npm run bench`: full Readings per second on one core over >= 20,000 short messages in all seed
 * languages (team-written texts from training/data and test fixtures, cycled), one at a time
 * (analyze) and in batches of 200 (analyzeMany, as the reading workers do), p50/p99 per message,
 * load times and RSS; then node-nlp's SentimentAnalyzer on the same messages, as a ratio. Also the
 * learned models alone (predict), to show their share of the cost. Not a test.
 *
 * @example
 * npm run bench                  # 20,000 messages
 * npm run bench -- --n 50000
 * npm run bench -- --n 10000 --no-peer --no-write   # as bench/paired-inproc.ts runs it: no node-nlp, no models/BENCH.md
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { createReader } from "../src/analysis/read.js";
import { loadModels, repoRoot } from "../src/analysis/model/load-models.js";
import { modelTokenizer } from "../src/analysis/model/model-tokens.js";
import { predict } from "../src/analysis/model/predict.js";
import { type Msg, messages } from "./messages.js";
import { emitMetrics } from "./metrics.js";

const pct = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function main(): Promise<void> {
  const nIdx = process.argv.indexOf("--n");
  const n = nIdx > 0 ? Number(process.argv[nIdx + 1]) : 20_000;
  const withPeer = !process.argv.includes("--no-peer");
  const pool = messages();
  const langs = [...new Set(pool.map((m) => m.lang))].sort();
  const msgs: Msg[] = Array.from({ length: n }, (_, i) => pool[(i * 7919) % pool.length]!);
  const avgLen = msgs.reduce((s, m) => s + m.text.length, 0) / msgs.length;

  const tm0 = performance.now();
  const models = loadModels();
  const modelLoadMs = performance.now() - tm0;
  const t0 = performance.now();
  const reader = await createReader();
  const readerLoadMs = performance.now() - t0;

  for (let i = 0; i < 500; i++) reader.analyze(msgs[i]!.text); // warm-up (JIT)
  const lat = new Float64Array(n);
  const cpu0 = process.cpuUsage();
  const tStart = performance.now();
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    reader.analyze(msgs[i]!.text);
    lat[i] = performance.now() - a;
  }
  const total = performance.now() - tStart;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process: on a shared machine, wall time also counts other processes' turns.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  lat.sort();

  // The same messages in batches, as the reading workers read them (analyzeMany: step by step).
  const batchSize = 200;
  const bc0 = process.cpuUsage();
  const bt0 = performance.now();
  for (let s = 0; s < n; s += batchSize) reader.analyzeMany(msgs.slice(s, s + batchSize).map((m) => ({ text: m.text })));
  const batchWall = performance.now() - bt0;
  const bc = process.cpuUsage(bc0);
  const batchCpuMs = (bc.user + bc.system) / 1000;
  const rss = process.memoryUsage().rss / 1e6;

  // The learned models alone, on pre-tokenised input.
  const tok = await modelTokenizer();
  const tokd = msgs.slice(0, 5000).map((m) => ({ tokens: tok.tokenize(m.text, m.lang), text: m.text, lang: m.lang }));
  for (const x of tokd.slice(0, 500)) predict(models, x);
  const cp = process.cpuUsage();
  for (const x of tokd) predict(models, x);
  const cpp = process.cpuUsage(cp);
  const predictUs = (cpp.user + cpp.system) / tokd.length;

  const attunePerSec = n / (total / 1000);
  const attunePerCpuSec = n / (cpuMs / 1000);
  emitMetrics({
    messages: n,
    pool: pool.length,
    readings_per_s: attunePerSec,
    readings_per_cpu_s: attunePerCpuSec,
    batch_readings_per_s: n / (batchWall / 1000),
    batch_readings_per_cpu_s: n / (batchCpuMs / 1000),
    p50_us: pct(lat, 0.5) * 1000,
    p99_us: pct(lat, 0.99) * 1000,
    predict_us: predictUs,
    reader_load_ms: readerLoadMs,
    rss_mb: rss,
  });
  if (!withPeer) return;

  // node-nlp on the same messages.
  const require = createRequire(import.meta.url);
  const { SentimentAnalyzer } = require("node-nlp") as {
    SentimentAnalyzer: new () => { getSentiment(t: string, l: string): Promise<unknown> };
  };
  const nlp = new SentimentAnalyzer();
  const nlpLang = (l: string): string => (["en", "th", "cs", "tl"].includes(l) ? l : "en");
  for (let i = 0; i < 200; i++) await nlp.getSentiment(msgs[i]!.text, nlpLang(msgs[i]!.lang));
  const cn = process.cpuUsage();
  const tn = performance.now();
  for (let i = 0; i < n; i++) await nlp.getSentiment(msgs[i]!.text, nlpLang(msgs[i]!.lang));
  const nlpTotal = performance.now() - tn;
  const cnu = process.cpuUsage(cn);
  const nlpCpuMs = (cnu.user + cnu.system) / 1000;

  const nlpPerSec = n / (nlpTotal / 1000);
  const nlpPerCpuSec = n / (nlpCpuMs / 1000);
  const lines = [
    `# attune bench (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, one core)`,
    "",
    `${n} messages cycled from ${pool.length} team-written/fixture texts in ${langs.join(", ")}; mean ${avgLen.toFixed(0)} chars.`,
    "",
    "| measure | value |",
    "| --- | ---: |",
    `| full Readings per second, wall clock (createReader().analyze) | **${attunePerSec.toFixed(0)}** |`,
    `| full Readings per CPU-second of this process | **${attunePerCpuSec.toFixed(0)}** |`,
    `| the same in batches of ${batchSize} (analyzeMany, as the workers read), wall clock; per CPU-second | **${(n / (batchWall / 1000)).toFixed(0)}**; **${(n / (batchCpuMs / 1000)).toFixed(0)}** |`,
    `| p50 per message | ${(pct(lat, 0.5) * 1000).toFixed(0)} µs |`,
    `| p99 per message | ${(pct(lat, 0.99) * 1000).toFixed(0)} µs |`,
    `| max per message | ${(lat[lat.length - 1]! * 1000).toFixed(0)} µs |`,
    `| learned models alone (predict, pre-tokenised), CPU time | ${predictUs.toFixed(1)} µs per message (weight sums: ${models.store.engine}) |`,
    `| model load (loadModels), wall; CPU | ${modelLoadMs.toFixed(0)} ms; ${models.loadCpuMs.toFixed(0)} ms |`,
    `| reader load (createReader: lexicons, models, language id) | ${readerLoadMs.toFixed(0)} ms |`,
    `| RSS after the run | ${rss.toFixed(0)} MB |`,
    `| node-nlp SentimentAnalyzer, same messages (sentiment only), wall clock | ${nlpPerSec.toFixed(0)} per second |`,
    `| node-nlp, per CPU-second | ${nlpPerCpuSec.toFixed(0)} per second |`,
    `| attune full Readings / node-nlp sentiment (wall; CPU) | **${(attunePerSec / nlpPerSec).toFixed(2)}x; ${(attunePerCpuSec / nlpPerCpuSec).toFixed(2)}x** |`,
    "",
    `Load average during the run: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")} on ${cpus().length} cores (other work on the machine inflates wall-clock numbers, not CPU time).`,
    "",
  ];
  const text = lines.join("\n");
  console.log(text);
  if (!process.argv.includes("--no-write")) writeFileSync(join(repoRoot(), "models", "BENCH.md"), text);
}

await main();
