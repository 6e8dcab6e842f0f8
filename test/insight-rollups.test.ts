import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reading } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { ensureSource, setEmployeeTrust } from "../src/store/sources.js";
import { overview, overviewLive, type OverviewFilter } from "../src/insights/overview.js";
import { erasePerson } from "../src/store/erase-person.js";
import { readingRows } from "../src/store/reading-row.js";
import { DATABASES } from "./helpers/databases.js";
import { variedReading } from "./helpers/varied-reading.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 1);
/** A varied Reading for message `i`, without the reading pipeline. */
const readingOf = (i: number, lang: string): Reading => variedReading(i, lang);

/** Writes readings the way the reading worker does (upsert readings, replace labels). */
async function writeReadings(store: Opened, ids: number[], version: number): Promise<void> {
  const msgs = await store.db
    .selectFrom("messages")
    .select(["id", "workspace_id", "sent_at", "channel", "direction", "team_id", "language_hint"])
    .where("id", "in", ids)
    .execute();
  for (const m of msgs) {
    const { reading, labels } = readingRows(m, readingOf(m.id + version, m.language_hint ?? "en"), Date.now());
    await store.db.deleteFrom("reading_labels").where("message_id", "=", m.id).execute();
    const { message_id: _id, ...rest } = reading;
    await store.db
      .insertInto("readings")
      .values(reading)
      .onConflict((oc) => oc.column("message_id").doUpdateSet(rest))
      .execute();
    if (labels.length) await store.db.insertInto("reading_labels").values(labels).execute();
  }
}

describe.each(DATABASES)("overview rollups on $name", (database) => {
  let store: Opened;
  let ids: number[] = [];

  beforeAll(async () => {
    store = await database.open();
    // Employee rows too (the rollups must stay exact for them): an operator's trusted back-fill.
    await setEmployeeTrust(store, store.workspaceId, await ensureSource(store, store.workspaceId, "rollups", "import"), true);
    const ing = await Ingestor.open(store, {
      source: "rollups",
      origin: "import",
      employee: { writer: true, backfill: true },
      collectResults: true,
    });
    const channels = ["chat", "email", "social"];
    const langs = ["en", "th", "cs"];
    for (let i = 0; i < 120; i++) {
      await ing.add(i, {
        external_id: `r-${i}`,
        text: `message ${i}`,
        channel: channels[i % 3],
        author: `person-${i % 17}`,
        team: i % 4 ? `team-${i % 3}` : undefined,
        direction: i % 11 === 0 ? "employee" : "customer",
        language: langs[i % 3],
        sent_at: START + (i % 20) * DAY + (i % 5) * 3_600_000,
      });
    }
    await ing.finish();
    ids = ing.results.map((r) => r.id!).filter(Boolean);
    await writeReadings(store, ids, 0);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  async function same(): Promise<void> {
    const teams = (await store.db.selectFrom("teams").select("id").execute()).map((t) => t.id);
    const filters: Partial<OverviewFilter>[] = [
      {},
      { from: START + 3 * DAY, to: START + 10 * DAY },
      { channels: ["chat", "social"] },
      { languages: ["th"], directions: ["customer"] },
      { teams: teams.slice(0, 1) },
      { from: START + 2 * DAY + 3_600_000, to: START + 9 * DAY }, // not whole days: read live
    ];
    for (const include of [true, false]) {
      for (const f of filters) {
        const base = { workspaceId: store.workspaceId, includeEmployee: include, ...f };
        const sorted = (o: Awaited<ReturnType<typeof overview>>) => ({
          ...o,
          emotions: [...o.emotions].sort((a, b) => a.emotion.localeCompare(b.emotion)),
          causes: [...o.causes].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        });
        expect(sorted(await overview(store, base)), JSON.stringify(f)).toEqual(sorted(await overviewLive(store, base)));
      }
    }
  }

  it("answers from the rollups exactly as from the readings", async () => {
    const o = await overview(store, { workspaceId: store.workspaceId, includeEmployee: true });
    expect(o.total).toBe(120);
    expect(o.days).toHaveLength(20);
    await same();
  });

  it("stays exact after re-reads change readings and labels", async () => {
    await writeReadings(store, ids.slice(0, 50), 1);
    await same();
  });

  it("stays exact after erasure removes a person's messages by cascade", async () => {
    const person = await store.db.selectFrom("messages").select("person_id").where("external_id", "=", "r-3").executeTakeFirstOrThrow();
    await erasePerson(store, { workspaceId: store.workspaceId, personId: person.person_id!, actor: { kind: "system", id: null } });
    const o = await overview(store, { workspaceId: store.workspaceId, includeEmployee: true });
    expect(o.total).toBeLessThan(120);
    await same();
    if (database.name === "sqlite") {
      const rolled = await sql<{ n: number }>`select sum(n) as n from rollup_readings`.execute(store.db);
      const live = await store.db
        .selectFrom("readings")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(rolled.rows[0]!.n)).toBe(Number(live.n));
    }
  });
});
