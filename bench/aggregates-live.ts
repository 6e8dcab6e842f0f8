/**
 * Times every year-long aggregate and the overview in process, from the daily rollups and from the
 * readings themselves (`live`), median of 5, and checks that both give the same rows: what the
 * rollups (migrations 003 and 004) save over a seeded store (bench/query-seed.ts).
 *
 * @example
 * npx tsx bench/aggregates-live.ts --pg --schema bench_query
 * npx tsx bench/aggregates-live.ts --db .bench-out/query.db
 */
import { parseArgs } from "node:util";
import { byChannel, byLanguage, causesByPolarity, emotionsByDay, sentimentByDay } from "../src/insights/aggregates.js";
import { overview, overviewLive } from "../src/insights/overview.js";
import { openStore } from "../src/store/open-store.js";

const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/query.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_query" },
  },
});
const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function main(): Promise<void> {
  const store = await openStore(v.pg ? { url: pgUrl, schema: v.schema! } : { sqlitePath: v.db! });
  const f = { workspaceId: store.workspaceId, includeEmployee: false };
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  const runs: [string, (live: boolean) => Promise<unknown>][] = [
    ...[emotionsByDay, causesByPolarity, byLanguage, byChannel, sentimentByDay].map((a): [string, (live: boolean) => Promise<unknown>] => [
      a.name,
      (live) => a(store, { ...f, live }),
    ]),
    ["overview", (live) => (live ? overviewLive(store, f) : overview(store, f))],
  ];
  const out: Record<string, { live_ms: number; rollups_ms: number; same: boolean }> = {};
  for (const [name, run] of runs) {
    const ms = { live: [] as number[], rollups: [] as number[] };
    const first: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (const live of [true, false]) {
        const s = performance.now();
        const rows = await run(live);
        (live ? ms.live : ms.rollups).push(performance.now() - s);
        // Overview causes come in no fixed order: compare sorted JSON lines.
        if (i === 0)
          first.push(
            JSON.stringify(rows, (_k, x) =>
              Array.isArray(x) ? [...x].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : x,
            ),
          );
      }
    }
    out[name] = { live_ms: median(ms.live), rollups_ms: median(ms.rollups), same: first[0] === first[1] };
  }
  process.stdout.write(JSON.stringify({ database: store.dialect, ...out }, null, 1) + "\n");
  await store.close();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
