/**
 * Fills a store with N synthetic messages through the real ingest path and reads them all with
 * the real worker, for the query benchmark. The reading engine is wrapped in a cache keyed by text
 * and context (without thread history), because a million templated messages hold far fewer
 * distinct texts; every stored reading is still a real Reading of its message's text.
 *
 * @example
 * npx tsx bench/query-seed.ts --db .bench-out/q.db --count 1000000
 * npx tsx bench/query-seed.ts --pg --schema bench_q --count 1000000
 */
import { parseArgs } from "node:util";
import { createReader } from "../src/analysis/read.js";
import type { Reading, ReadingContext } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { ensureSource, setEmployeeTrust } from "../src/store/sources.js";
import { openStore } from "../src/store/open-store.js";
import type { ReadingEngine } from "../src/core/reading.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { syntheticMessages } from "./ingest-synthetic.js";

const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/query.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_query" },
    count: { type: "string", default: "1000000" },
    workers: { type: "string", default: "3" },
  },
});
const count = Number(v.count);

async function main(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const store = await openStore(v.pg ? { url: pgUrl, schema: v.schema!, poolSize: 8 } : { sqlitePath: v.db! });
  const t0 = performance.now();
  const existing = Number(
    (
      await store.db
        .selectFrom("messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const gen = syntheticMessages({ seed: 11, start: Date.UTC(2025, 0, 1), spanDays: 365, prefix: "q" });
  for (let i = 0; i < existing; i++) gen.next();
  // The seed is the operator's back-fill: its employee rows come from a trusted source, into past months.
  await setEmployeeTrust(store, store.workspaceId, await ensureSource(store, store.workspaceId, "bench", "bench"), true);
  const ing = await Ingestor.open(store, { source: "bench", origin: "bench", employee: { writer: true, backfill: true }, batchSize: 2000 });
  for (let i = existing; i < count; i++) {
    await ing.add(i, gen.next());
    if (i % 100_000 === 0) process.stderr.write(`ingested ${i} (${Math.round((performance.now() - t0) / 1000)} s)\n`);
  }
  const rep = await ing.finish();
  const t1 = performance.now();
  process.stderr.write(
    `ingest: ${JSON.stringify({ accepted: rep.accepted, rejected: rep.rejected })} in ${Math.round((t1 - t0) / 1000)} s\n`,
  );

  const reader = await createReader();
  const cache = new Map<string, Reading>();
  const engine: ReadingEngine = {
    version: reader.version,
    analyze(text: string, ctx?: ReadingContext) {
      const key = `${ctx?.channel}|${ctx?.direction}|${ctx?.public}|${ctx?.audience ? Math.min(6, Math.floor(Math.log10(ctx.audience + 1))) : 0}|${text}`;
      let r = cache.get(key);
      if (!r) {
        r = reader.analyze(text, { ...ctx, thread: [] });
        if (cache.size < 500_000) cache.set(key, r);
      }
      return r;
    },
  };
  const workers = Array.from(
    { length: Number(v.workers) },
    (_, i) => new ReadingWorker(store, engine, { batchSize: 1000, id: `seed-${i}` }),
  );
  const timer = setInterval(
    () =>
      process.stderr.write(
        `read ${workers.reduce((s, w) => s + w.processed, 0)} (${Math.round((performance.now() - t1) / 1000)} s, ${cache.size} distinct)\n`,
      ),
    20_000,
  );
  await Promise.all(workers.map((w) => w.drain()));
  clearInterval(timer);
  const t2 = performance.now();
  process.stderr.write(
    `read: ${workers.reduce((s, w) => s + w.processed, 0)} in ${Math.round((t2 - t1) / 1000)} s (${cache.size} distinct texts)\n`,
  );
  // Steady state: on PostgreSQL autovacuum keeps the visibility map current (index-only scans for
  // the aggregates); this machine's server runs with autovacuum off, so do what it would.
  await (await import("kysely")).sql.raw(store.dialect === "postgres" ? "vacuum analyze" : "analyze").execute(store.db);
  const n = Number(
    (
      await store.db
        .selectFrom("readings")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  process.stdout.write(
    JSON.stringify({
      database: store.dialect,
      messages: count,
      readings: n,
      ingest_s: Math.round((t1 - t0) / 1000),
      read_s: Math.round((t2 - t1) / 1000),
    }) + "\n",
  );
  await store.close();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
