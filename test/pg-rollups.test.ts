import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReading } from "../src/analysis/respond/test-reading.js";
import type { Reading } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { ensureSource, setEmployeeTrust } from "../src/store/sources.js";
import {
  byChannel,
  byLanguage,
  causesByPolarity,
  emotionsByDay,
  sentimentByDay,
  type AggregateFilter,
} from "../src/insights/aggregates.js";
import { overview, overviewLive } from "../src/insights/overview.js";
import { erasePerson } from "../src/store/erase-person.js";
import { openStore, type Store } from "../src/store/open-store.js";
import { requeueStale } from "../src/store/reading-queue.js";
import { readingRows } from "../src/store/reading-row.js";
import type { ReadingEngine } from "../src/core/reading.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { DATABASES } from "./helpers/databases.js";
import { variedReading } from "./helpers/varied-reading.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const COUNT = 600;

/** A reading engine whose labels depend on the message number and a version salt (re-reads change them). */
function engine(salt: number): ReadingEngine {
  return {
    version: { pipeline: `rollup-test-${salt}`, models: {} },
    analyze(text: string): Reading {
      const i = Number(/\d+/.exec(text)?.[0] ?? 0) + salt;
      return variedReading(i, ["en", "th", "cs"][i % 3]!, { pipeline: `rollup-test-${salt}`, models: {} });
    },
  };
}

/** Two workers on two connection pools read the queue at the same time, in small batches. */
async function twoWorkers(a: Store, b: Store, salt: number): Promise<void> {
  await Promise.all([
    new ReadingWorker(a, engine(salt), { batchSize: 40 }).drain(),
    new ReadingWorker(b, engine(salt), { batchSize: 40 }).drain(),
  ]);
}

describe.each(DATABASES)("rollups stay exact under concurrent writers on $name", (database) => {
  let store: Opened;
  let other: Store;

  beforeAll(async () => {
    store = await database.open();
    other = await openStore(
      store.location.sqlitePath
        ? { sqlitePath: store.location.sqlitePath }
        : { url: store.location.url!, schema: store.location.schema!, poolSize: 3 },
    );
    // Employee rows too (the rollups must stay exact for them): an operator's trusted back-fill.
    await setEmployeeTrust(store, store.workspaceId, await ensureSource(store, store.workspaceId, "rollups", "import"), true);
    const ing = await Ingestor.open(store, { source: "rollups", origin: "import", employee: { writer: true, backfill: true } });
    for (let i = 0; i < COUNT; i++) {
      await ing.add(i, {
        external_id: `c-${i}`,
        text: `message ${i}`,
        channel: ["chat", "email", "social"][i % 3],
        author: `person-${i % 23}`,
        team: i % 4 ? `team-${i % 3}` : undefined,
        direction: i % 11 === 0 ? "employee" : "customer",
        sent_at: START + (i % 40) * DAY + (i % 7) * 3_600_000,
      });
    }
    await ing.finish();
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await store?.cleanup();
  });

  /** Every aggregate and the overview, from the rollups and from the readings, must agree; so must the rollup totals. */
  async function exact(): Promise<void> {
    const filters: Partial<AggregateFilter>[] = [
      {},
      { from: START + 5 * DAY, to: START + 30 * DAY },
      { channels: ["email"], languages: ["th", "cs"] },
      { directions: ["customer"] },
    ];
    for (const includeEmployee of [true, false]) {
      for (const extra of filters) {
        const f = { workspaceId: store.workspaceId, includeEmployee, ...extra };
        for (const agg of [emotionsByDay, causesByPolarity, byLanguage, byChannel, sentimentByDay]) {
          expect(await agg(store, f), `${agg.name} ${JSON.stringify(extra)}`).toEqual(await agg(store, { ...f, live: true }));
        }
        expect(await overview(store, f)).toEqual(await overviewLive(store, f));
      }
    }
    const rolled = await sql<{ n: number }>`select coalesce(sum(n), 0) as n from rollup_readings`.execute(store.db);
    const live = await store.db
      .selectFrom("readings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(rolled.rows[0]!.n)).toBe(Number(live.n));
    const rolledLabels = await sql<{ n: number }>`select coalesce(sum(n), 0) as n from rollup_labels`.execute(store.db);
    const liveLabels = await store.db
      .selectFrom("reading_labels")
      .where("kind", "in", ["emotion", "cause"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(rolledLabels.rows[0]!.n)).toBe(Number(liveLabels.n));
  }

  it("two workers reading at once leave exact rollups", async () => {
    await twoWorkers(store, other, 0);
    const live = await store.db
      .selectFrom("readings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(COUNT);
    await exact();
  }, 60_000);

  it("stays exact when two workers re-read everything at once (updates and label deletes)", async () => {
    expect(await requeueStale(store, "", { all: true })).toBe(COUNT);
    await twoWorkers(store, other, 1);
    await exact();
  }, 60_000);

  it.runIf(database.name === "postgres")(
    "never deadlocks: two transactions writing the same days in opposite orders, statement by statement",
    async () => {
      const msgs = await store.db
        .selectFrom("messages")
        .select(["id", "workspace_id", "sent_at", "channel", "direction", "team_id", "language_hint"])
        .orderBy("id")
        .execute();
      // Day 0 and day 1 messages, split between the two transactions.
      const dayOf = (m: (typeof msgs)[number]) => Math.floor((Number(m.sent_at) - START) / DAY);
      const pick = (d: number, half: number) => msgs.filter((m) => dayOf(m) === d && m.id % 2 === half);
      let arrived = 0;
      let release: () => void = () => undefined;
      const barrier = new Promise<void>((r) => (release = r));
      const write = (s: Store, order: number[], half: number) =>
        s.db.transaction().execute(async (trx) => {
          for (const [step, d] of order.entries()) {
            for (const m of pick(d, half)) {
              // One rollup key per day for both transactions: they contend for the same rows.
              const { reading } = readingRows({ ...m, channel: "chat", direction: "customer", team_id: null }, makeReading(), Date.now());
              const { message_id: _id, ...rest } = reading;
              await trx
                .insertInto("readings")
                .values(reading)
                .onConflict((oc) => oc.column("message_id").doUpdateSet(rest))
                .execute();
            }
            if (step === 0) {
              // Both hold their first day's rollup writes before either writes its second day.
              arrived += 1;
              if (arrived === 2) release();
              await barrier;
            }
          }
        });
      await Promise.all([write(store, [0, 1], 0), write(other, [1, 0], 1)]);
      // Both were open at once, so each claimed a shard of its own.
      const shards = await sql<{ n: number }>`select count(distinct shard) as n from rollup_readings`.execute(store.db);
      expect(Number(shards.rows[0]!.n)).toBeGreaterThan(1);
      await exact();
    },
    60_000,
  );

  it("stays exact after erasure removes a person's messages by cascade", async () => {
    const person = await store.db.selectFrom("messages").select("person_id").where("external_id", "=", "c-5").executeTakeFirstOrThrow();
    await erasePerson(store, { workspaceId: store.workspaceId, personId: person.person_id!, actor: { kind: "system", id: null } });
    const live = await store.db
      .selectFrom("readings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBeLessThan(COUNT);
    await exact();
  }, 60_000);
});
