/**
 * Text-filter benchmark over the seeded query store (bench/query-seed.ts): times `listMessages`
 * (the query behind GET /messages?text=) in process for a common word, rare phrases (English,
 * Czech with diacritics, Thai without spaces; 150-200 matches each in the 1M seed), an absent word
 * and a 2-character query (the bounded-scan fallback). Each query runs 7 times after one warm-up;
 * prints median and max milliseconds and the number of rows on the first page.
 *
 * @example
 * flock -x /tmp/attune-quiet.lock npx tsx bench/text-query.ts --db .bench-out/query.db
 * flock -x /tmp/attune-quiet.lock npx tsx bench/text-query.ts --pg --schema bench_query
 */
import { parseArgs } from "node:util";
import { listMessages } from "../src/store/message-query.js";
import { openStore } from "../src/store/open-store.js";

const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/query.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_query" },
    runs: { type: "string", default: "7" },
  },
});
const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const QUERIES: Record<string, string> = {
  common: "refund",
  rare_en: "laptop bag tracking has not moved for 21",
  rare_cs: "mixér se rozbil po 21",
  rare_th: "เครื่องปั่นไป 21 วัน",
  absent: "zzqx",
  absent_with_wildcards: "100%_off",
  short: "zq",
};

async function main(): Promise<void> {
  const store = await openStore(v.pg ? { url: pgUrl, schema: v.schema! } : { sqlitePath: v.db! });
  const out: Record<string, { rows: number; median_ms: number; max_ms: number }> = {};
  for (const [name, text] of Object.entries(QUERIES)) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i <= Number(v.runs); i++) {
      const t = performance.now();
      const r = await listMessages(store, { workspaceId: store.workspaceId, limit: 50, text });
      if (i > 0) times.push(performance.now() - t);
      rows = r.items.length;
    }
    times.sort((a, b) => a - b);
    out[name] = {
      rows,
      median_ms: Math.round(times[times.length >> 1]! * 10) / 10,
      max_ms: Math.round(times[times.length - 1]! * 10) / 10,
    };
  }
  process.stdout.write(JSON.stringify({ database: store.dialect, results: out }, null, 1) + "\n");
  await store.close();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
