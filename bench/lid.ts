/**
 * Language identification and text-step benchmark: accuracy per language on the team-written
 * sets, identify throughput, and segment time on a 1 MB message.
 *
 * @example
 * npx tsx bench/lid.ts            # main set and held-out set
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLanguageIdentifier } from "../src/analysis/language/index.js";
import { applyNegation } from "../src/analysis/text/negation.js";
import { normalise } from "../src/analysis/text/normalise.js";
import { segment } from "../src/analysis/text/segment.js";
import { emitMetrics } from "./metrics.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../test/fixtures/lid");
const lid = await createLanguageIdentifier();
const metrics: Record<string, number> = {};

for (const dir of [root, path.join(root, "heldout")]) {
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("\n").filter(Boolean))
    .map((l) => JSON.parse(l) as { text: string; lang: string; mixed?: string[] });
  const per = new Map<string, [number, number]>();
  let mixedHit = 0;
  let mixedAll = 0;
  let mixedFalse = 0;
  for (const r of rows) {
    const got = lid.identify(r.text);
    const c = per.get(r.lang) ?? [0, 0];
    c[1]++;
    if (got.code === r.lang) c[0]++;
    per.set(r.lang, c);
    if (r.mixed) {
      mixedAll++;
      if (JSON.stringify(got.mixed) === JSON.stringify(r.mixed)) mixedHit++;
    } else if (got.mixed) mixedFalse++;
  }
  console.log(`\n${path.relative(process.cwd(), dir)}: ${rows.length} messages`);
  for (const [lang, [ok, n]] of [...per].sort()) console.log(`  ${lang}  ${ok}/${n}  ${((100 * ok) / n).toFixed(1)}%`);
  console.log(`  mixed found ${mixedHit}/${mixedAll}, single-language flagged mixed ${mixedFalse}`);
  const set = dir === root ? "main" : "heldout";
  metrics[`${set}_accuracy`] = [...per.values()].reduce((s, [ok]) => s + ok, 0) / rows.length;

  const texts = rows.map((r) => r.text);
  for (const t of texts) lid.identify(t);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  while (performance.now() - t0 < 2000)
    for (const t of texts) {
      lid.identify(t);
      n++;
    }
  const cpu = process.cpuUsage(c0);
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(`  identify: ${Math.round(n / wallS)} msgs/s wall, ${Math.round(n / cpuS)} msgs per CPU second`);
  metrics[`${set}_identify_per_cpu_s`] = n / cpuS;
}

const big = readFileSync(path.join(root, "en.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text)
  .join(" ");
const mb = big.repeat(Math.ceil(1_000_000 / big.length)).slice(0, 1_000_000);
const th = readFileSync(path.join(root, "th.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text)
  .join(" ");
const mbTh = th.repeat(Math.ceil(1_000_000 / th.length)).slice(0, 1_000_000);
for (const [name, text, lang] of [
  ["English", mb, "en"],
  ["Thai", mbTh, "th"],
] as const) {
  let bestNorm = Infinity;
  let bestSeg = Infinity;
  let bestSegCpu = Infinity;
  let bestNeg = Infinity;
  let tokens = 0;
  for (let k = 0; k < 3; k++) {
    let t = performance.now();
    const n = normalise(text);
    bestNorm = Math.min(bestNorm, performance.now() - t);
    t = performance.now();
    const cpu = process.cpuUsage();
    const toks = segment(n, lang);
    bestSeg = Math.min(bestSeg, performance.now() - t);
    // CPU time of this process: less sensitive than wall time to other processes on a shared machine
    const used = process.cpuUsage(cpu);
    bestSegCpu = Math.min(bestSegCpu, (used.user + used.system) / 1000);
    t = performance.now();
    applyNegation(toks, lang);
    bestNeg = Math.min(bestNeg, performance.now() - t);
    tokens = toks.length;
  }
  console.log(
    `\n1 MB ${name}: normalise ${bestNorm.toFixed(1)} ms, segment ${bestSeg.toFixed(1)} ms wall / ${bestSegCpu.toFixed(1)} ms CPU (${tokens} tokens), negation ${bestNeg.toFixed(1)} ms`,
  );
  Object.assign(metrics, {
    [`${lang}_1mb_normalise_ms`]: bestNorm,
    [`${lang}_1mb_segment_cpu_ms`]: bestSegCpu,
    [`${lang}_1mb_negation_ms`]: bestNeg,
  });
}
emitMetrics(metrics);
