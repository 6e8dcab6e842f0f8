/**
 * Query benchmark over a seeded store (bench/query-seed.ts): starts `attune serve --no-worker`,
 * sends a mix of filtered message queries and single-message reads at a fixed rate (open loop,
 * default 200 req/s) and reports latency percentiles; then times every aggregate over the whole
 * year and over 30 days.
 *
 * @example
 * npx tsx bench/query-http.ts --db .bench-out/query.db --rate 200 --seconds 30 --processes 2
 * npx tsx bench/query-http.ts --pg --schema bench_query
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createApiKey } from "../src/store/api-keys.js";
import { openStore } from "../src/store/open-store.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/query.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_query" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "30" },
    "cpu-prof": { type: "string" },
    processes: { type: "string", default: "1" },
  },
});
const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
}
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const store = await openStore(v.pg ? { url: pgUrl, schema: v.schema! } : { sqlitePath: v.db! });
  const { key } = await createApiKey(store.db, { workspaceId: store.workspaceId, name: "bench", role: "admin" });
  const ids = await store.db.selectFrom("messages").select(["id"]).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
  const total = Number(
    (
      await store.db
        .selectFrom("messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await store.close();

  const env = v.pg ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: v.schema! } : { DATABASE_URL: "" };
  // --cpu-prof DIR: a V8 CPU profile of the server, written when it exits.
  const prof = v["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", v["cpu-prof"]] : [];
  const server = spawn(
    process.execPath,
    [
      ...prof,
      "--import",
      "tsx",
      "src/cli/main.ts",
      "serve",
      "--port",
      "0",
      "--no-worker",
      "--rate-limit",
      "100000",
      "--processes",
      v.processes!,
      ...(v.pg ? [] : ["--db", v.db!]),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // A failed run must not leave the server behind on a shared machine.
  process.on("exit", () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (d) => {
      out += String(d);
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.once("exit", (c) => reject(new Error(`server exited ${c}`)));
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${key}` };
  const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  let seq = 0;
  const rnd = (n: number) => Math.floor(Math.random() * n);
  const QUERIES: (() => string)[] = [
    () => "/messages?limit=50",
    () => "/messages?language=th&limit=50",
    () => "/messages?sentiment=negative&channel=email,chat&limit=50",
    () => "/messages?emotion=anger&limit=50",
    () => "/messages?cause=delivery_or_wait&cause_polarity=negative&limit=50",
    () => {
      const d = rnd(330);
      return `/messages?from=${day(d)}&to=${day(d + 30)}&sentiment=negative&limit=50`;
    },
    () => "/messages?urgency_min=0.5&limit=50",
    () => "/messages?text=refund&limit=50",
    // A rare phrase (198 of 1M, Czech) and an absent word: found through the text index (issue 3).
    () => `/messages?text=${encodeURIComponent("mixér se rozbil po 21")}&limit=50`,
    () => "/messages?text=zzqx&limit=50",
    () => "/messages?severity_min=2&language=cs&limit=50",
    () => "/messages?channel=social&emotion=frustration,anger&language=tl&limit=50",
    () => `/messages/${1 + rnd(ids.id)}`,
    () => `/messages/${1 + rnd(ids.id)}`,
  ];
  // Warm up connections and caches briefly, as a running server would be.
  for (let i = 0; i < 50; i++) await fetch(base + QUERIES[i % QUERIES.length]!(), { headers }).then((r) => r.arrayBuffer());

  const rate = Number(v.rate);
  const seconds = Number(v.seconds);
  const lat: number[] = [];
  const perKind = new Map<number, number[]>();
  let errors = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const kind = seq++ % QUERIES.length;
    const url = base + QUERIES[kind]!();
    const started = performance.now();
    pending.push(
      fetch(url, { headers })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200 && res.status !== 404) errors += 1;
          const ms = performance.now() - started;
          lat.push(ms);
          (perKind.get(kind) ?? perKind.set(kind, []).get(kind)!).push(ms);
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - t0) / 1000;

  const aggregates: Record<string, { year_ms: number[]; days30_ms: number[] }> = {};
  for (const path of ["emotions-by-day", "causes-by-polarity", "languages", "channels", "sentiment-by-day"]) {
    aggregates[path] = { year_ms: [], days30_ms: [] };
    for (let i = 0; i < 5; i++) {
      for (const [k, q] of [
        ["year_ms", ""],
        ["days30_ms", `?from=${day(200)}&to=${day(230)}`],
      ] as const) {
        const s = performance.now();
        const res = await fetch(`${base}/aggregates/${path}${q}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) errors += 1;
        aggregates[path]![k].push(round(performance.now() - s));
      }
    }
  }
  const summary = {
    database: v.pg ? "postgres" : "sqlite",
    messages: total,
    server_processes: Number(v.processes),
    target_req_per_s: rate,
    achieved_req_per_s: Math.round(lat.length / elapsed),
    requests: lat.length,
    errors,
    message_queries_ms: {
      p50: round(quantile(lat, 0.5)),
      p95: round(quantile(lat, 0.95)),
      p99: round(quantile(lat, 0.99)),
      max: round(quantile(lat, 1)),
    },
    p99_by_query: Object.fromEntries(
      [...perKind].map(([k, xs]) => [
        QUERIES[k]!()
          .replace(/\d{4}-\d\d-\d\d/g, "D")
          .replace(/\/messages\/\d+/, "/messages/:id"),
        round(quantile(xs, 0.99)),
      ]),
    ),
    aggregates_ms: Object.fromEntries(
      Object.entries(aggregates).map(([k, a]) => [
        k,
        {
          year_median: round(quantile(a.year_ms, 0.5)),
          year_max: Math.max(...a.year_ms),
          days30_median: round(quantile(a.days30_ms, 0.5)),
          days30_max: Math.max(...a.days30_ms),
        },
      ]),
    ),
  };
  process.stdout.write(JSON.stringify(summary, null, 1) + "\n");
  server.kill("SIGTERM");
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
