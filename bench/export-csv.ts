/**
 * Export benchmark: `attune export` (in process) of a seeded store (bench/insights-seed.ts) to a
 * file, sampling the process's RSS every 200 ms to show memory stays flat however many rows; then
 * the file is parsed back with csv-parse (the parser `attune import` uses), streaming, counting the
 * rows, checking each has every column and that no text cell starts a formula.
 *
 * @example
 * nice -n 10 npx tsx bench/export-csv.ts --db .bench-out/insights.db
 * nice -n 10 npx tsx bench/export-csv.ts --pg --schema bench_insights
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import { run as exportCommand } from "../src/cli/export.js";
import { readConfig } from "../src/core/config.js";
import { EXPORT_COLUMNS } from "../src/insights/export-messages.js";

const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/insights.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_insights" },
    out: { type: "string", default: ".bench-out/export.csv" },
  },
});

const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

/**
 * RssAnon from /proc/self/status: the process's own memory. Total RSS also counts the pages of
 * SQLite's memory-mapped database file that the scan has touched, which the kernel drops at will.
 */
function rssAnon(): number {
  const m = /RssAnon:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) * 1024 : process.memoryUsage.rss();
}

async function exportWithRss(): Promise<{ seconds: number; samples: { t: number; rss: number; anon: number; bytes: number }[] }> {
  const samples: { t: number; rss: number; anon: number; bytes: number }[] = [];
  const t0 = performance.now();
  const size = () => {
    try {
      return statSync(v.out!).size;
    } catch {
      return 0;
    }
  };
  const timer = setInterval(
    () => samples.push({ t: (performance.now() - t0) / 1000, rss: process.memoryUsage.rss(), anon: rssAnon(), bytes: size() }),
    200,
  );
  const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const config = readConfig(v.pg ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: v.schema! } : {});
  const code = await exportCommand([...(v.pg ? [] : ["--db", v.db!]), "--out", v.out!], config);
  clearInterval(timer);
  if (code !== 0) throw new Error(`export exited ${code}`);
  return { seconds: (performance.now() - t0) / 1000, samples };
}

async function parseBack(): Promise<{ rows: number; badWidth: number; formulaCells: number; neutralised: number }> {
  let rows = 0;
  let badWidth = 0;
  let formulaCells = 0;
  let neutralised = 0;
  const textAt = EXPORT_COLUMNS.indexOf("text");
  const parser = createReadStream(v.out!).pipe(parse({ relax_column_count: true }));
  let header = true;
  for await (const rec of parser as AsyncIterable<string[]>) {
    if (header) {
      header = false;
      continue;
    }
    rows++;
    if (rec.length !== EXPORT_COLUMNS.length) badWidth++;
    for (const cell of rec) if (/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-?\d+(\.\d+)?(e-?\d+)?$/.test(cell))) formulaCells++;
    if (rec[textAt]!.startsWith("'=")) neutralised++;
  }
  return { rows, badWidth, formulaCells, neutralised };
}

async function main(): Promise<void> {
  const { seconds, samples } = await exportWithRss();
  const bytes = statSync(v.out!).size;
  // RSS once the first pages are flowing (10% of the file) to the end: flat means constant memory.
  const steady = samples.filter((s) => s.bytes >= bytes * 0.1);
  const at = (q: number) => steady[Math.min(steady.length - 1, Math.floor(q * steady.length))]!;
  const t1 = performance.now();
  const back = await parseBack();
  process.stdout.write(
    JSON.stringify({
      database: v.pg ? "postgres" : "sqlite",
      rows: back.rows,
      mib: mib(bytes),
      export_s: Math.round(seconds * 10) / 10,
      rows_per_s: Math.round(back.rows / seconds),
      rss_mib: {
        at_10pct: mib(at(0).rss),
        at_40pct: mib(at(0.33).rss),
        at_70pct: mib(at(0.66).rss),
        at_end: mib(at(0.999).rss),
        max_after_10pct: mib(Math.max(...steady.map((s) => s.rss))),
      },
      rss_anon_mib: {
        at_10pct: mib(at(0).anon),
        at_40pct: mib(at(0.33).anon),
        at_70pct: mib(at(0.66).anon),
        at_end: mib(at(0.999).anon),
        max_after_10pct: mib(Math.max(...steady.map((s) => s.anon))),
      },
      parse_back_s: Math.round((performance.now() - t1) / 100) / 10,
      wrong_width_rows: back.badWidth,
      formula_cells: back.formulaCells,
      neutralised_formula_texts: back.neutralised,
    }) + "\n",
  );
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
