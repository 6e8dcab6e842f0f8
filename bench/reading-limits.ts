/**
 * Reading at the input limit (issue 11, item 9; not a test): full Readings of texts of 65,536
 * UTF-16 code units, the longest accepted, on one core: 32,768 "👍", 32,768 mixed emoji (skin
 * tones, ZWJ families, flags), and 64 KB of mixed-script text (Telugu, Thai, Czech with
 * diacritics, Taglish, English and emoji). Target: each under 50 ms. As its peer, the same text
 * read as 8 pieces of 8,192 code units: the ratio is about 1 when reading is linear in the text.
 * Wall time and this process's CPU time, median and best of the runs.
 *
 * @example
 * npx tsx bench/reading-limits.ts            # 20 runs each
 * npx tsx bench/reading-limits.ts --runs 50
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createReader, MAX_TEXT_LENGTH, type Reader } from "../src/analysis/read.js";
import { emitMetrics } from "./metrics.js";

const MIXED = [
  "నా ఆర్డర్ ఇంకా రాలేదు, చాలా కోపంగా ఉంది 😡 ",
  "สั่งของไปสามวันแล้วยังไม่ได้เลยค่ะ ช้ามาก ",
  "Objednávka nepřišla, jsem fakt naštvaný a čekám už týden! ",
  "Grabe, 2 weeks na wala pa rin yung order ko!! 👍🏽 ",
  "not happy at all, the refund never arrived :( ",
  "👨‍👩‍👧 🇹🇭 ❤️ ",
];

/** `unit` repeated to exactly `size` code units, never ending in half a surrogate pair. */
function repeatTo(unit: string, size: number): string {
  return unit
    .repeat(Math.ceil(size / unit.length))
    .slice(0, size)
    .replace(/[\ud800-\udbff]$/, " ");
}

/** Name in the table, key in the metrics line, text. */
const TEXTS: [string, string, string][] = [
  ["32,768 x 👍", "thumbs", "👍".repeat(MAX_TEXT_LENGTH / 2)],
  ["32,768 mixed emoji", "emoji", repeatTo("😡👍🏽👨‍👩‍👧🇹🇭❤️🙏🏻", MAX_TEXT_LENGTH)],
  ["64 KB mixed scripts", "scripts", repeatTo(MIXED.join(""), MAX_TEXT_LENGTH)],
];

interface Timing {
  wall: number[];
  cpu: number[];
}

function time(runs: number, fn: () => void): Timing {
  fn(); // warm up
  const t: Timing = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    fn();
    t.wall.push(performance.now() - w0);
    const c = process.cpuUsage(c0);
    t.cpu.push((c.user + c.system) / 1000);
  }
  return t;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const best = (xs: number[]): number => Math.min(...xs);
const ms = (x: number): string => x.toFixed(1).padStart(7);

/** Print the table; return each text's CPU p50 and ratio, keyed by a short name of the text. */
function report(reader: Reader, runs: number): Record<string, number> {
  const metrics: Record<string, number> = {};
  console.log(
    `${"text".padEnd(22)} ${"wall p50".padStart(9)} ${"best".padStart(7)} ${"cpu p50".padStart(8)} ${"best".padStart(7)}  ${"8 x 1/8 p50".padStart(11)}  ratio`,
  );
  for (const [name, key, text] of TEXTS) {
    const whole = time(runs, () => reader.analyze(text));
    const eighth = MAX_TEXT_LENGTH / 8;
    const pieces = Array.from({ length: 8 }, (_, i) =>
      text.slice(i * eighth, (i + 1) * eighth).replace(/^[\udc00-\udfff]|[\ud800-\udbff]$/g, " "),
    );
    const peer = time(runs, () => pieces.forEach((p) => reader.analyze(p)));
    const ratio = median(whole.cpu) / median(peer.cpu);
    console.log(
      `${name.padEnd(22)} ${ms(median(whole.wall))}   ${ms(best(whole.wall))} ${ms(median(whole.cpu))}  ${ms(best(whole.cpu))}  ${ms(median(peer.cpu))}      ${ratio.toFixed(2)}`,
    );
    Object.assign(metrics, {
      [`${key}_wall_p50_ms`]: median(whole.wall),
      [`${key}_cpu_p50_ms`]: median(whole.cpu),
      [`${key}_linearity`]: ratio,
    });
  }
  return metrics;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
  const runs = Math.max(3, Number(values.runs) || 20);
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? "cpu"} x${cpus().length}, load ${loadavg()[0]!.toFixed(1)}; ${runs} runs; ms per Reading`,
  );
  const reader = await createReader();
  emitMetrics(report(reader, runs));
}

await main();
