import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CASE_RULES, reasonsToOpen } from "../src/cases/case-rules.js";
import type { Reading } from "../src/core/reading.js";
import { openStore, type Store } from "../src/store/open-store.js";
import { queuedCount } from "../src/store/work-queue.js";
import { DATABASES } from "./helpers/databases.js";
import { startServerProcess, storeFlags } from "../support/server-process.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

// 12,000 messages: large enough to be killed mid-import, small enough that one test stays under
// vitest's 60 s worker RPC limit (vitest-dev/vitest#8164) on a loaded machine.
const BATCHES = 60;
const PER_BATCH = 200;
// Recent messages (fixed for the run, so a re-send is a duplicate): their cases are not due at
// once, so the restarted server's scheduler does not breach thousands of clocks while it triages.
const SENT_FROM = Date.now() - 30 * 60_000;

function batch(b: number) {
  return {
    source: "crash",
    messages: Array.from({ length: PER_BATCH }, (_, i) => ({
      external_id: `k-${b}-${i}`,
      text: `Order ${b * PER_BATCH + i} arrived late and the box was damaged`,
      channel: "chat",
      author: `customer-${(b * 7 + i) % 500}`,
      sent_at: new Date(SENT_FROM + (b * PER_BATCH + i) * 100).toISOString(),
    })),
  };
}

async function send(port: number, key: string, b: number): Promise<{ status: string; external_id: string }[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/messages/batch`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(batch(b)),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return ((await res.json()) as { results: { status: string; external_id: string }[] }).results;
}

describe.each(DATABASES)("SIGKILL during a large import on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it(
    "keeps every acknowledged message exactly once after a restart and a re-send, and triages each once",
    { timeout: 300_000 },
    async () => {
      const loc = store.location;
      const { args, env } = storeFlags(loc);
      await store.close();

      const first = await startServerProcess([...args, "--rate-limit", "10000"], env);
      const key = first.adminKey!;
      expect(key).toMatch(/^atk_/);
      const acknowledged = new Set<string>();
      let failures = 0;
      let next = 0;
      const killAfter = 25;
      // Three clients in flight; the server dies with requests half done.
      const client = async () => {
        while (next < BATCHES) {
          const b = next++;
          try {
            for (const r of await send(first.port, key, b))
              if (r.status === "accepted" || r.status === "duplicate") acknowledged.add(r.external_id);
          } catch {
            failures += 1;
          }
          if (b === killAfter) first.child.kill("SIGKILL");
        }
      };
      await Promise.all([client(), client(), client()]);
      await first.exited;
      expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter * PER_BATCH * 0.5);
      expect(acknowledged.size).toBeLessThan(BATCHES * PER_BATCH);
      expect(failures).toBeGreaterThan(0);

      const second = await startServerProcess([...args, "--rate-limit", "10000"], env);
      expect(second.adminKey).toBeUndefined();
      const statuses = new Map<string, string>();
      const reopened = await openStore(loc.sqlitePath ? { sqlitePath: loc.sqlitePath } : { url: loc.url!, schema: loc.schema! });
      try {
        try {
          for (let b = 0; b < BATCHES; b++) for (const r of await send(second.port, key, b)) statuses.set(r.external_id, r.status);
          // The restarted server reads and triages what the first left queued (and what was re-sent).
          await settled(reopened);
        } finally {
          second.child.kill("SIGTERM");
          await second.exited;
        }
        // Everything acknowledged before the crash was already there.
        for (const id of acknowledged) expect(statuses.get(id)).toBe("duplicate");
        expect([...statuses.values()].filter((s) => s === "conflict")).toHaveLength(0);

        const rows = await reopened.db.selectFrom("messages").select(["external_id"]).execute();
        expect(rows).toHaveLength(BATCHES * PER_BATCH);
        expect(new Set(rows.map((r) => r.external_id)).size).toBe(BATCHES * PER_BATCH);

        // Cases: every read message that calls for one has exactly one (none lost with the process, none doubled).
        const { lost, doubled, expected } = await caseCounts(reopened);
        expect(expected).toBeGreaterThan(BATCHES * PER_BATCH * 0.5);
        expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
      } finally {
        await reopened.close();
      }
    },
  );
});

/** Waits (on state, not time) until both pipeline queues are empty. */
async function settled(store: Store): Promise<void> {
  const deadline = Date.now() + 180_000;
  while ((await queuedCount(store, "reading_queue")) + (await queuedCount(store, "triage_queue")) > 0) {
    if (Date.now() > deadline) throw new Error("the pipeline did not drain");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Read customer messages whose Reading calls for a case without one (lost), and extra cases per message (doubled). */
async function caseCounts(store: Store): Promise<{ lost: number; doubled: number; expected: number }> {
  const read = await store.db
    .selectFrom("messages as m")
    .innerJoin("readings as r", "r.message_id", "m.id")
    .select(["m.id", "m.channel", "r.reading"])
    .execute();
  expect(read).toHaveLength(BATCHES * PER_BATCH);
  const origins = await store.db.selectFrom("cases").select("origin_message_id").execute();
  const perMessage = new Map<number, number>();
  for (const c of origins) perMessage.set(c.origin_message_id!, (perMessage.get(c.origin_message_id!) ?? 0) + 1);
  let lost = 0;
  let expected = 0;
  for (const m of read) {
    const reasons = reasonsToOpen(DEFAULT_CASE_RULES, JSON.parse(m.reading) as Reading, {
      channel: m.channel as never,
      public: false,
      direction: "customer",
    });
    if (reasons.length === 0) continue;
    expected += 1;
    if (!perMessage.has(m.id)) lost += 1;
  }
  const doubled = [...perMessage.values()].reduce((sum, n) => sum + n - 1, 0);
  return { lost, doubled, expected };
}
