/**
 * Case triage throughput: N messages (default 20,000) in threads of one to four messages, customer
 * and agent turns, five languages (team-written texts from training/data; agent turns are attune's
 * own drafts), a fifth of them public social posts with an audience. Messages are ingested and their
 * Readings stored first (reading has its own benchmark); then triage runs over them in the reading
 * worker's batch size (200), as it does behind the worker. Reports messages per second and batch
 * latency; the target is at least 2,000 messages per second. Not a test.
 *
 * @example
 * npx tsx bench/triage.ts                  # SQLite in a temp folder
 * npx tsx bench/triage.ts --pg             # PostgreSQL (DATABASE_URL or the local test database)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createReader } from "../src/analysis/read.js";
import { draftReplies } from "../src/analysis/respond/draft-replies.js";
import { CaseEngine } from "../src/cases/case-engine.js";
import { ManualClock } from "../src/cases/clock.js";
import type { Reading } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { dropPostgresSchema, openStore } from "../src/store/open-store.js";
import { readingRows } from "../src/store/reading-row.js";
import { withWriteTransaction } from "../src/store/write-transaction.js";

const { values } = parseArgs({
  options: { pg: { type: "boolean", default: false }, n: { type: "string", default: "20000" }, batch: { type: "string", default: "200" } },
});
const N = Number(values.n);
const BATCH = Number(values.batch);
const START = Date.parse("2026-11-30T08:00:00Z");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function customerTexts(): string[] {
  const dir = join(import.meta.dirname, "..", "training", "data");
  const out: string[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".jsonl"))
    .sort()) {
    let k = 0;
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text?: string; direction?: string };
      if (typeof r.text === "string" && r.direction !== "employee" && k++ % 7 === 0) out.push(r.text);
      if (k > 7 * 80) break;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), "attune-triage-bench-"));
  const schema = `bench_triage_${process.pid}`;
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const store = values.pg ? await openStore({ url, schema }) : await openStore({ sqlitePath: join(dir, "attune.db") });
  try {
    const reader = await createReader();
    const texts = customerTexts();
    // Readings per (text, context): private channel, and public social post with 5k followers.
    const privateReading = texts.map((t) => reader.analyze(t, { channel: "email", direction: "customer" }));
    const publicReading = texts.map((t) => reader.analyze(t, { channel: "social", public: true, audience: 5000, direction: "customer" }));
    const agentTexts = privateReading
      .slice(0, 150)
      .map((r, i) => draftReplies(r, { customerName: "Alex", agentName: "Sam" }, { message: texts[i]!, count: 1 })[0]!.text);
    const agentReadings = agentTexts.map((t) => reader.analyze(t, { channel: "email", direction: "agent" }));
    process.stderr.write(`${texts.length} customer texts, ${agentTexts.length} agent texts read\n`);

    // Messages: threads of 1..4 turns, alternating customer and agent.
    const r = rng(42);
    const plan: {
      external_id: string;
      text: string;
      channel: string;
      direction: "customer" | "agent";
      author: unknown;
      thread: string;
      sent_at: number;
      public: boolean;
    }[] = [];
    const readingOf = new Map<string, Reading>();
    let t = START;
    for (let th = 0; plan.length < N; th++) {
      const turns = 1 + Math.floor(r() * 4);
      const pub = r() < 0.2;
      const channel = pub ? "social" : r() < 0.5 ? "email" : "chat";
      for (let k = 0; k < turns && plan.length < N; k++) {
        t += 150; // 20,000 messages over ~50 minutes
        const agent = k % 2 === 1;
        const id = `m-${plan.length}`;
        const ti = Math.floor(r() * (agent ? agentTexts.length : texts.length));
        plan.push({
          external_id: id,
          text: agent ? agentTexts[ti]! : texts[ti]!,
          channel,
          direction: agent ? "agent" : "customer",
          author: agent ? { id: `agent-${th % 30}`, team: `team-${th % 6}` } : { id: `cust-${th % 9000}`, audience: pub ? 5000 : 0 },
          thread: `th-${th}`,
          sent_at: t,
          public: pub,
        });
        readingOf.set(id, agent ? agentReadings[ti]! : pub ? publicReading[ti]! : privateReading[ti]!);
      }
    }
    const ing = await Ingestor.open(store, { source: "bench", origin: "import" });
    for (let i = 0; i < plan.length; i++) await ing.add(i + 1, plan[i]);
    await ing.finish();
    const db = store.db;
    const msgs = await db
      .selectFrom("messages")
      .select(["id", "external_id", "workspace_id", "sent_at", "channel", "direction", "team_id"])
      .orderBy("id")
      .execute();
    await withWriteTransaction(store, async (trx) => {
      for (let i = 0; i < msgs.length; i += 200) {
        const rows = msgs.slice(i, i + 200).map((m) => readingRows(m, readingOf.get(m.external_id)!, START));
        await trx
          .insertInto("readings")
          .values(rows.map((x) => x.reading))
          .execute();
        const labels = rows.flatMap((x) => x.labels);
        for (let j = 0; j < labels.length; j += 300)
          await trx
            .insertInto("reading_labels")
            .values(labels.slice(j, j + 300))
            .execute();
      }
      await trx.deleteFrom("reading_queue").execute();
    });
    process.stderr.write(`${msgs.length} messages with readings stored\n`);

    const clock = new ManualClock(t + 60_000);
    const engine = new CaseEngine({ store, clock, timers: false });
    const ids = msgs.map((m) => m.id);
    const lat: number[] = [];
    const total = { opened: 0, updated: 0, reopened: 0, repliesChecked: 0, questionsScheduled: 0, alerts: 0, recoveryChecked: 0 };
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < ids.length; i += BATCH) {
      const b0 = performance.now();
      const s = await engine.triage(ids.slice(i, i + BATCH));
      lat.push(performance.now() - b0);
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
    }
    const secs = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    lat.sort((a, b) => a - b);
    const active = await db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("active", "=", 1)
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        bench: "triage",
        database: store.dialect,
        messages: ids.length,
        batch: BATCH,
        seconds: +secs.toFixed(2),
        messages_per_s: Math.round(ids.length / secs),
        cpu_seconds: +cpuSecs.toFixed(2),
        messages_per_cpu_s: Math.round(ids.length / cpuSecs),
        batch_p50_ms: +lat[Math.floor(lat.length / 2)]!.toFixed(1),
        batch_p99_ms: +lat[Math.floor(lat.length * 0.99)]!.toFixed(1),
        cases_in_work: Number(active.n),
        ...total,
        target_met: ids.length / secs >= 2000,
      }),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (values.pg) await dropPostgresSchema(url, schema);
  }
}

await main();
