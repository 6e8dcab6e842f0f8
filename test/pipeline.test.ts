import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeReading } from "../src/analysis/respond/test-reading.js";
import { CaseEngine } from "../src/cases/case-engine.js";
import type { ReadingEngine } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { TriageWorker } from "../src/pipeline/triage-worker.js";
import { ensureSource, setEmployeeTrust } from "../src/store/sources.js";
import { claimQueued, queuedCount } from "../src/store/work-queue.js";
import { DATABASES } from "./helpers/databases.js";
import { failInserts } from "./helpers/inject-failure.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

/** Reads every message as an angry complaint: each thread calls for a case. */
const angry: ReadingEngine = {
  version: { pipeline: "pipeline-test", models: {} },
  analyze: () =>
    makeReading({
      sentiment: { label: "negative", score: -0.8, confidence: 0.9, evidence: [] },
      complaint: { is: true, severity: 3, evidence: [] },
      version: { pipeline: "pipeline-test", models: {} },
    }),
};

describe.each(DATABASES)("the read -> triage pipeline on $name", (database) => {
  let store: Opened;
  let batch = 0;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });
  beforeEach(async () => {
    // Each test counts its own cases.
    await store.db.deleteFrom("cases").execute();
  });

  /** `n` customer messages, each in its own thread. */
  async function ingest(n: number): Promise<void> {
    const ing = await Ingestor.open(store, { source: "pipeline", origin: "import" });
    batch += 1;
    for (let i = 0; i < n; i++)
      await ing.add(i, {
        external_id: `b${batch}-${i}`,
        thread: `b${batch}-t${i}`,
        text: `order ${i} never came`,
        channel: "chat",
        author: `c-${batch}-${i}`,
        sent_at: Date.UTC(2026, 0, 1) + i * 1000,
      });
    await ing.finish();
  }
  const count = async (table: "cases" | "triage_queue" | "case_events") =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("keeps read messages queued for triage when the process stops after reading, and triages each once later", async () => {
    await ingest(12);
    // The reading stage alone: as a process killed between its reading commit and triage.
    expect(await new ReadingWorker(store, angry).drain()).toBe(12);
    expect(await count("triage_queue")).toBe(12);
    expect(await count("cases")).toBe(0);

    expect(await new Pipeline({ store, engine: angry }).drain()).toEqual({ read: 0, triaged: 12 });
    expect(await count("cases")).toBe(12);
    expect(await count("triage_queue")).toBe(0);
    expect(await new Pipeline({ store, engine: angry }).drain()).toEqual({ read: 0, triaged: 0 });
    expect(await count("cases")).toBe(12);
  });

  it("never triages a message twice: a batch retried after its lease was taken over, or after it committed", async () => {
    await ingest(6);
    await new ReadingWorker(store, angry).drain();
    const cases = new CaseEngine({ store, timers: false });
    // Worker A's lease runs out at once; B takes the batch over and triages it.
    const lost = await claimQueued(store, "triage_queue", "A", { limit: 100, leaseMs: -1 });
    expect(lost).toHaveLength(6);
    const b = new TriageWorker(store, cases);
    expect(await b.runOnce()).toBe(6);
    const events = await count("case_events");
    // A finishes late, and B retries as if its commit had not been acknowledged: neither writes.
    expect((await cases.triage(lost, { by: "A" })).messages).toBe(0);
    expect((await cases.triage(lost, { by: b.id })).messages).toBe(0);
    expect(await count("cases")).toBe(6);
    expect(await count("case_events")).toBe(events);
  });

  it("gives a failed triage batch back at once and opens its cases once when the write works again", async () => {
    await ingest(5);
    await new ReadingWorker(store, angry).drain();
    const heal = await failInserts(store, "case_events");
    const triage = new TriageWorker(store, new CaseEngine({ store, timers: false }), { retryMs: 0 });
    try {
      await expect(triage.runOnce()).rejects.toThrow(/injected/);
    } finally {
      await heal();
    }
    expect(await count("cases")).toBe(0);
    expect(await queuedCount(store, "triage_queue")).toBe(5);
    expect(await new TriageWorker(store, new CaseEngine({ store, timers: false })).runOnce()).toBe(5);
    expect(await count("cases")).toBe(5);
  });

  it("gives a reading batch back when its write fails, so another worker reads it without waiting for the lease", async () => {
    await store.db.deleteFrom("reading_queue").execute();
    await ingest(7);
    const heal = await failInserts(store, "readings");
    const first = new ReadingWorker(store, angry, { leaseMs: 60_000 });
    try {
      await expect(first.runOnce()).rejects.toThrow(/injected/);
    } finally {
      await heal();
    }
    // Counting, not timing: the next worker's first claim gets the whole batch.
    expect(await new ReadingWorker(store, angry, { leaseMs: 60_000 }).runOnce()).toBe(7);
    expect(await queuedCount(store, "reading_queue")).toBe(0);
  });

  it("hands employee feedback to no triage", async () => {
    // Employee feedback is stored only from a trusted source by a writer allowed to write it (employee-policy.ts).
    await setEmployeeTrust(store, store.workspaceId, await ensureSource(store, store.workspaceId, "pipeline-employees", "import"), true);
    const ing = await Ingestor.open(store, { source: "pipeline-employees", origin: "import", employee: { writer: true } });
    await ing.add(0, {
      external_id: "emp-1",
      text: "my manager never listens",
      channel: "survey",
      direction: "employee",
      author: "e-1",
      sent_at: Date.now(),
    });
    await ing.finish();
    await new ReadingWorker(store, angry).drain();
    const queued = await store.db
      .selectFrom("triage_queue as q")
      .innerJoin("messages as m", "m.id", "q.message_id")
      .select("m.id")
      .where("m.external_id", "=", "emp-1")
      .execute();
    expect(queued).toHaveLength(0);
    expect(
      await store.db
        .selectFrom("readings as r")
        .innerJoin("messages as m", "m.id", "r.message_id")
        .select("m.id")
        .where("m.external_id", "=", "emp-1")
        .execute(),
    ).toHaveLength(1);
  });
});
