/**
 * The case queue at size: 100,000 cases in work (plus 20,000 resolved ones), then the queue asked
 * over HTTP (in-process hono app, real store) with the filters agents use: none, one priority, a
 * team, unassigned, a channel, page 2 by cursor. Reports p50/p95/p99/max per filter; the target is
 * every answer under 100 ms. Not a test.
 *
 * @example
 * npx tsx bench/queue.ts                                   # SQLite in a temp folder
 * DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx bench/queue.ts --pg
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { NO_DUE } from "../src/store/cases.js";
import { CaseEngine } from "../src/cases/case-engine.js";
import { LIMITS } from "../src/ingest/limits.js";
import { createApiKey } from "../src/store/api-keys.js";
import { dropPostgresSchema, openStore, type Store } from "../src/store/open-store.js";
import { createApp } from "../src/server/app.js";
import { RateLimiter } from "../src/server/rate-limit.js";
import { SignInThrottle } from "../src/server/sign-in-throttle.js";
import { systemClock } from "../src/cases/clock.js";

const { values } = parseArgs({
  options: {
    keep: { type: "boolean", default: false },
    pg: { type: "boolean", default: false },
    n: { type: "string", default: "100000" },
    queries: { type: "string", default: "200" },
  },
});
const N = Number(values.n);
const Q = Number(values.queries);
const CHANNELS = ["email", "chat", "social", "review", "forum", "call"];
const MIN = 60_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function seed(store: Store): Promise<{ teams: number[]; users: number[] }> {
  const db = store.db;
  const ws = store.workspaceId;
  const now = Date.now();
  const teams: number[] = [];
  for (let i = 0; i < 12; i++)
    teams.push(
      (
        await db
          .insertInto("teams")
          .values({ workspace_id: ws, name: `team-${i}` })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
  const users: number[] = [];
  for (let i = 0; i < 40; i++)
    users.push(
      (
        await db
          .insertInto("users")
          .values({
            workspace_id: ws,
            email: `agent${i}@example.com`,
            display_name: null,
            role: "agent",
            password_hash: null,
            created_at: now,
            disabled_at: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
  const r = rng(7);
  const total = N + Math.round(N / 5);
  const started = performance.now();
  for (let i = 0; i < total; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(total, i + 1000); j++) {
      const active = j < N;
      const priority = 1 + Math.floor(r() ** 1.5 * 4);
      const status = active ? (["new", "open", "open", "waiting"] as const)[Math.floor(r() * 4)]! : ("resolved" as const);
      const due = now + Math.round((r() * 72 - 12) * 60) * MIN;
      const opened = now - Math.round(r() * 72 * 60) * MIN;
      rows.push({
        workspace_id: ws,
        thread_id: null,
        person_id: null,
        origin_message_id: null,
        last_customer_message_id: null,
        channel: CHANNELS[Math.floor(r() * CHANNELS.length)]!,
        is_public: r() < 0.2 ? 1 : 0,
        team_id: r() < 0.9 ? teams[Math.floor(r() * teams.length)]! : null,
        assignee_user_id: r() < 0.7 ? users[Math.floor(r() * users.length)]! : null,
        status,
        active: active ? 1 : 0,
        priority,
        priority_score: Math.round((1 - priority / 5) * 100) / 100,
        priority_explanation: `P${priority}: complaint, waiting 3h`,
        reasons: JSON.stringify(["complaint (severity 2)"]),
        cause: "delivery_or_wait",
        emotion: "frustration",
        language: "en",
        customer_value: null,
        contacts: 1 + Math.floor(r() * 3),
        waiting_since: opened,
        open_sentiment: -0.6,
        opened_at: opened,
        updated_at: opened,
        first_response_at: null,
        resolved_at: active ? null : now,
        closed_at: null,
        sort_due: active && status !== "waiting" ? due : NO_DUE,
        next_check_at: null,
        breached: due < now ? 1 : 0,
        follow_up_at: null,
        follow_up_fired_at: null,
        follow_up_done_at: null,
        recovered: null,
        recovery_message_id: null,
        recovery_checked_at: null,
        reopens: 0,
      });
    }
    for (let k = 0; k < rows.length; k += store.dialect === "sqlite" ? 200 : 1000)
      await db
        .insertInto("cases")
        .values(rows.slice(k, k + (store.dialect === "sqlite" ? 200 : 1000)))
        .execute();
  }
  process.stderr.write(`seeded ${total} cases (${N} in work) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return { teams, users };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "attune-queue-bench-"));
  const schema = `bench_queue_${process.pid}`;
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const store = values.pg ? await openStore({ url, schema }) : await openStore({ sqlitePath: join(dir, "attune.db") });
  try {
    const { teams } = await seed(store);
    // Steady state: autovacuum keeps the visibility map current, so counts are index-only scans.
    if (store.dialect === "postgres") await sql`vacuum analyze cases`.execute(store.db);
    const key = (await createApiKey(store.db, { workspaceId: store.workspaceId, name: "bench", role: "admin" })).key;
    const app = createApp({
      store,
      engine: async () => {
        throw new Error("not needed");
      },
      limiter: new RateLimiter({ perSecond: 1e9, burst: 1e9 }),
      signIn: new SignInThrottle(systemClock),
      limits: LIMITS,
      secureCookies: false,
      cases: new CaseEngine({ store, timers: false }),
    });
    const get = async (path: string) => {
      const t = performance.now();
      const res = await app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
      const body = (await res.json()) as { items?: unknown[]; next_cursor?: string | null };
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t, body };
    };
    const first = await get("/cases?limit=50");
    const cursor = first.body.next_cursor!;
    const filters: [string, string][] = [
      ["whole queue", "/cases?limit=50"],
      ["counts per priority", "/cases/counts"],
      ["priority=1", "/cases?priority=1&limit=50"],
      ["team", `/cases?team=${teams[3]}&limit=50`],
      ["unassigned", "/cases?assignee=none&limit=50"],
      ["channel=social", "/cases?channel=social&limit=50"],
      ["status=waiting", "/cases?status=waiting&limit=50"],
      ["page 2 (cursor)", `/cases?limit=50&cursor=${cursor}`],
    ];
    const out: Record<string, unknown>[] = [];
    for (const [name, path] of filters) {
      for (let i = 0; i < 5; i++) await get(path);
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < Q; i++) {
        const r = await get(path);
        times.push(r.ms);
        n = r.body.items?.length ?? 1;
      }
      out.push({
        filter: name,
        items: n,
        p50_ms: +pct(times, 50).toFixed(2),
        p95_ms: +pct(times, 95).toFixed(2),
        p99_ms: +pct(times, 99).toFixed(2),
        max_ms: +Math.max(...times).toFixed(2),
      });
    }
    console.table(out);
    const worst = Math.max(...out.map((o) => o.p99_ms as number));
    console.log(
      JSON.stringify({
        bench: "queue",
        database: store.dialect,
        cases_in_work: N,
        queries_per_filter: Q,
        worst_p99_ms: worst,
        under_100ms: worst < 100,
      }),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (values.pg && !values.keep) await dropPostgresSchema(url, schema);
    else if (values.pg) process.stderr.write(`kept schema ${schema}\n`);
  }
}

await main();
