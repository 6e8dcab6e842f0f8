/**
 * Times the overview (with its survey scores and the previous window, as GET /insights/overview
 * answers it) and the NPS driver model over a seeded store (bench/insights-seed.ts): the whole
 * year and a 30-day window, median of 5 runs after one warm-up, in wall time and in this process's
 * CPU time (which other jobs on a shared machine do not stretch; for SQLite it includes the queries).
 *
 * @example
 * nice -n 10 npx tsx bench/insights-query.ts --db .bench-out/insights.db
 * nice -n 10 npx tsx bench/insights-query.ts --pg --schema bench_insights
 */
import { parseArgs } from "node:util";
import { createApiKey } from "../src/store/api-keys.js";
import { openStore } from "../src/store/open-store.js";
import { createApp } from "../src/server/app.js";
import { RateLimiter } from "../src/server/rate-limit.js";
import { SignInThrottle } from "../src/server/sign-in-throttle.js";
import { systemClock } from "../src/cases/clock.js";
import { LIMITS } from "../src/ingest/limits.js";

const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/insights.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_insights" },
  },
});

async function main(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const store = await openStore(v.pg ? { url: pgUrl, schema: v.schema! } : { sqlitePath: v.db! });
  const { key } = await createApiKey(store.db, { workspaceId: store.workspaceId, name: "bench", role: "analyst" });
  const app = createApp({
    store,
    engine: () => Promise.reject(new Error("no engine in this bench")),
    limiter: new RateLimiter({ perSecond: 1e6, burst: 1e6 }),
    signIn: new SignInThrottle(systemClock),
    limits: LIMITS,
    secureCookies: false,
  });
  const time = async (path: string) => {
    const one = async () => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const res = await app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
      const body = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      const c = process.cpuUsage(c0);
      return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, body };
    };
    await one();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await one());
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    const cpu = runs.map((r) => r.cpu).sort((a, b) => a - b);
    return { path, median_ms: Math.round(ms[2]!), max_ms: Math.round(ms[4]!), cpu_ms: Math.round(cpu[2]!), body: runs[0]!.body };
  };
  const year = "from=2025-01-01&to=2026-01-01";
  const month = "from=2025-06-01&to=2025-07-01";
  const results = [];
  for (const path of [
    `/insights/overview?${year}`,
    `/insights/overview?${month}`,
    `/insights/drivers?metric=nps&${year}`,
    `/insights/drivers?metric=nps&${month}`,
    `/insights/drivers?metric=csat&${year}`,
    `/insights/scores?by=week&${year}`,
  ])
    results.push(await time(path));
  for (const r of results) {
    const b = r.body as { n?: number; drivers?: unknown[]; total?: number; scores?: unknown };
    process.stdout.write(
      JSON.stringify({
        database: store.dialect,
        path: r.path,
        median_ms: r.median_ms,
        max_ms: r.max_ms,
        // This process's CPU (SQLite works in it; PostgreSQL's own work is not counted): a shared machine's load stretches wall time, not this.
        cpu_ms: r.cpu_ms,
        ...(b.drivers ? { n: b.n, drivers: b.drivers.slice(0, 2) } : {}),
        ...(b.total !== undefined && typeof b.total === "number" ? { messages: b.total, scores: b.scores } : {}),
      }) + "\n",
    );
  }
  await store.close();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
