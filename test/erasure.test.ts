import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReading } from "../src/analysis/respond/test-reading.js";
import { replyToCase } from "../src/cases/case-actions.js";
import { DEFAULT_CASE_RULES } from "../src/cases/case-rules.js";
import { systemClock } from "../src/cases/clock.js";
import type { ReadingEngine } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { erasePerson } from "../src/store/erase-person.js";
import { DATABASES } from "./helpers/databases.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const VERSION = { pipeline: "erasure-test", models: {} };
/** Customers complain (a case opens); a public post has reach (an alert is raised); agents are calm. */
const engine: ReadingEngine = {
  version: VERSION,
  analyze: (_text, context) =>
    context?.direction === "agent"
      ? makeReading({ version: VERSION })
      : makeReading({
          sentiment: { label: "negative", score: -0.8, confidence: 0.9, evidence: [] },
          complaint: { is: true, severity: 3, evidence: [] },
          reach: { score: context?.public ? 0.95 : 0, reasons: [] },
          version: VERSION,
        }),
};

const T0 = Date.UTC(2026, 5, 1, 9);
const at = (minutes: number) => T0 + minutes * 60_000;

describe.each(DATABASES)("erasing a customer on $name", (database) => {
  let store: Opened;
  const id = new Map<string, number>();

  beforeAll(async () => {
    store = await database.open();
    const ing = await Ingestor.open(store, { source: "helpdesk", origin: "import", collectResults: true });
    const rows = [
      // A thread two customers share: each complains and gets an answer.
      { external_id: "a-shared", thread: "shared", author: "cust-a", text: "Alpha here: my order never came", sent_at: at(0) },
      {
        external_id: "reply-a-shared",
        thread: "shared",
        author: "agent-1",
        direction: "agent",
        text: "Sorry Alpha, we are on it",
        sent_at: at(5),
      },
      { external_id: "b-shared", thread: "shared", author: "cust-b", text: "Bravo here: mine never came either", sent_at: at(10) },
      {
        external_id: "reply-b-shared",
        thread: "shared",
        author: "agent-1",
        direction: "agent",
        text: "Sorry Bravo, we are on it",
        sent_at: at(15),
      },
      // A's own thread, and a public post of A's without a thread.
      { external_id: "a-own", thread: "own", author: "cust-a", text: "Alpha again: still waiting", sent_at: at(20) },
      { external_id: "reply-a-own", thread: "own", author: "agent-1", direction: "agent", text: "Alpha, it ships today", sent_at: at(25) },
      {
        external_id: "a-public",
        author: "cust-a",
        channel: "social",
        public: true,
        audience: 50_000,
        text: "Alpha says: worst shop ever",
        sent_at: at(30),
      },
    ];
    for (const [i, r] of rows.entries()) await ing.add(i, { channel: "email", ...r });
    await ing.finish();
    for (const [i, r] of rows.entries()) id.set(r.external_id, ing.results[i]!.id!);
    const pipeline = new Pipeline({ store, engine });
    await pipeline.drain();
    // An agent answers A's threadless case from the case itself (a message without a thread).
    const ctx = { store, rules: DEFAULT_CASE_RULES, clock: systemClock, wake: () => undefined };
    const threadless = await store.db
      .selectFrom("cases")
      .select("id")
      .where("origin_message_id", "=", id.get("a-public")!)
      .executeTakeFirstOrThrow();
    const sent = await replyToCase(
      ctx,
      engine,
      store.workspaceId,
      threadless.id,
      { text: "Alpha, we are sorry, a refund is on its way", send: true },
      { kind: "system", id: null },
    );
    id.set("reply-a-public", sent.message_id!);
    await pipeline.drain();
  }, 60_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  const ids = (...keys: string[]) => keys.map((k) => id.get(k)!);
  const present = async (table: "messages" | "readings", keys: string[]) => {
    const col = table === "messages" ? "id" : "message_id";
    return (
      await store.db
        .selectFrom(table)
        .select(`${col} as id` as "id")
        .where(col as "id", "in", ids(...keys))
        .execute()
    ).length;
  };

  it("removes exactly A's messages, the replies to A and what derives from them, and keeps B's", async () => {
    const db = store.db;
    const shared = await db.selectFrom("cases").selectAll().where("origin_message_id", "=", id.get("a-shared")!).executeTakeFirstOrThrow();
    const personB = (
      await store.db.selectFrom("messages").select("person_id").where("id", "=", id.get("b-shared")!).executeTakeFirstOrThrow()
    ).person_id;
    const personA = (
      await store.db.selectFrom("messages").select("person_id").where("id", "=", id.get("a-shared")!).executeTakeFirstOrThrow()
    ).person_id!;
    expect(
      await db
        .selectFrom("alerts")
        .select("id")
        .where("dedupe_key", "=", `reach:${id.get("a-public")}`)
        .execute(),
    ).toHaveLength(1);
    expect(await present("readings", ["reply-a-public"])).toBe(1);

    expect(await erasePerson(store, { workspaceId: store.workspaceId, personId: personA, actor: { kind: "system", id: null } })).toBe(true);

    const A = ["a-shared", "reply-a-shared", "a-own", "reply-a-own", "a-public", "reply-a-public"];
    const B = ["b-shared", "reply-b-shared"];
    expect(await present("messages", A)).toBe(0);
    expect(await present("readings", A)).toBe(0);
    expect(
      await store.db
        .selectFrom("reading_labels")
        .select("message_id")
        .where("message_id", "in", ids(...A))
        .execute(),
    ).toHaveLength(0);
    expect(
      await store.db
        .selectFrom("triage_queue")
        .select("message_id")
        .where("message_id", "in", ids(...A))
        .execute(),
    ).toHaveLength(0);
    // Nothing of B's went with A.
    expect(await present("messages", B)).toBe(2);
    expect(await present("readings", B)).toBe(2);
    // The shared case stays, now B's, and names no erased message; A's other cases and the alert are gone.
    const after = await db.selectFrom("cases").selectAll().execute();
    expect(after.map((c) => c.id)).toEqual([shared.id]);
    expect(after[0]!.person_id).toBe(personB);
    const events = await db.selectFrom("case_events").select("details").where("case_id", "=", shared.id).execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(ids(...A)).not.toContain((JSON.parse(e.details ?? "{}") as { message_id?: number }).message_id);
    expect(
      await db
        .selectFrom("alerts")
        .select("id")
        .where("dedupe_key", "=", `reach:${id.get("a-public")}`)
        .execute(),
    ).toHaveLength(0);
    // A's own thread went whole; the shared one stays.
    const threads = await store.db.selectFrom("threads").select("external_id").execute();
    expect(threads.map((t) => t.external_id)).toEqual(["shared"]);
    expect(await store.db.selectFrom("people").select("id").where("id", "=", personA).execute()).toHaveLength(0);
  });
});
