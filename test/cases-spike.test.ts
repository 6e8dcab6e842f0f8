/**
 * Spike alerts against a channel's own baseline, on SQLite and PostgreSQL: a week of about one
 * frustrated chat message an hour, then fifteen in one hour, alerts once; a label that is always
 * this frequent does not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseEngine } from "../src/cases/case-engine.js";
import { ManualClock } from "../src/cases/clock.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { DATABASES } from "./helpers/databases.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
const HOUR = 3_600_000;
const NOW = Date.parse("2026-12-07T10:40:00Z");
const HOUR_START = Date.parse("2026-12-07T10:00:00Z");

describe.each(DATABASES)("spike alerts on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
    const rows: { external_id: string; text: string; channel: string; sent_at: number; label: string }[] = [];
    for (let h = 1; h <= 168; h++) {
      rows.push({
        external_id: `b-${h}`,
        text: `baseline ${h}`,
        channel: "chat",
        sent_at: HOUR_START - h * HOUR + 60_000,
        label: "frustration",
      });
      for (let k = 0; k < 12; k++)
        rows.push({
          external_id: `s-${h}-${k}`,
          text: `steady ${h} ${k}`,
          channel: "email",
          sent_at: HOUR_START - h * HOUR + k * 60_000,
          label: "worry",
        });
    }
    for (let k = 0; k < 15; k++)
      rows.push({ external_id: `x-${k}`, text: `burst ${k}`, channel: "chat", sent_at: HOUR_START + k * 60_000, label: "frustration" });
    for (let k = 0; k < 12; k++)
      rows.push({ external_id: `y-${k}`, text: `steady now ${k}`, channel: "email", sent_at: HOUR_START + k * 60_000, label: "worry" });
    const ing = await Ingestor.open(store, { source: "spike", origin: "import" });
    for (let i = 0; i < rows.length; i++)
      await ing.add(i + 1, {
        external_id: rows[i]!.external_id,
        text: rows[i]!.text,
        channel: rows[i]!.channel,
        sent_at: rows[i]!.sent_at,
      });
    await ing.finish();
    const db = store.db;
    const ids = new Map((await db.selectFrom("messages").select(["id", "external_id"]).execute()).map((m) => [m.external_id, m.id]));
    const labels = rows.map((r) => ({
      message_id: ids.get(r.external_id)!,
      workspace_id: store.workspaceId,
      kind: "emotion" as const,
      label: r.label,
      polarity: "",
      score: 0.8,
      sent_at: r.sent_at,
      channel: r.channel,
      direction: "customer",
      language: "en",
    }));
    for (let i = 0; i < labels.length; i += 200)
      await db
        .insertInto("reading_labels")
        .values(labels.slice(i, i + 200))
        .execute();
  }, 60_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  it("alerts once for the burst and never for the steady label", async () => {
    const clock = new ManualClock(NOW);
    const engine = new CaseEngine({ store, clock, timers: false });
    // Triage of a customer message schedules the spike check a few minutes later.
    const first = await engine.runDue();
    expect(first.spikes).toBe(0);
    engine.scheduleSpikeCheck(clock.now());
    const due = await engine.runDue();
    expect(due.spikes).toBe(1);
    const alerts = await store.db.selectFrom("alerts").selectAll().where("kind", "=", "spike").execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ channel: "chat", label: "frustration" });
    const details = JSON.parse(alerts[0]!.details);
    expect(details.count).toBe(15);
    expect(details.expected).toBeLessThan(1.1);
    expect(details.p_value).toBeLessThan(0.001);
    // Checking again in the same hour does not repeat the alert.
    engine.scheduleSpikeCheck(clock.advance(5 * 60_000));
    expect((await engine.runDue()).spikes).toBe(0);
  });
});
