/**
 * What the reading stage loads and stores for a claimed batch: the messages with the earlier
 * customer messages of their threads (the Reading's `thread` context), and, in one transaction,
 * their readings and labels, the triage queue rows that hand them on, and the reading queue rows
 * taken off. Writing is idempotent (upsert by message id), so a batch read twice after a lost lease
 * still leaves one reading per message.
 *
 * @example
 * const batch = await loadMessagesToRead(store, ids);
 * await storeReadings(store, "w-1", { done, failed, maxAttempts: 3 });
 */
import type { Insertable } from "kysely";
import type { Reading } from "../core/reading.js";
import type { Store } from "./open-store.js";
import { readingRows, type ReadMessage } from "./reading-row.js";
import type { Database, ReadingsTable } from "./schema.js";
import type { Kysely } from "kysely";
import { refreshSurveyFacts } from "./survey-facts.js";
import { finishQueued } from "./work-queue.js";
import { withWriteTransaction } from "./write-transaction.js";

/** A message as the reading stage loads it. */
export interface MessageToRead extends ReadMessage {
  text: string;
  is_public: number;
  audience: number | null;
  language_hint: string | null;
  thread_id: number | null;
}

/** Earlier customer messages of a thread, in the order they were sent. */
export type ThreadHistory = Map<number, { id: number; sent_at: number; text: string }[]>;

export async function loadMessagesToRead(
  store: Pick<Store, "db">,
  ids: number[],
): Promise<{ messages: MessageToRead[]; threads: ThreadHistory }> {
  const db = store.db;
  const messages = await db
    .selectFrom("messages")
    .select([
      "id",
      "workspace_id",
      "text",
      "channel",
      "is_public",
      "audience",
      "direction",
      "language_hint",
      "thread_id",
      "sent_at",
      "team_id",
    ])
    .where("id", "in", ids)
    .execute();
  const threadIds = [...new Set(messages.map((m) => m.thread_id).filter((t): t is number => t !== null))];
  const threads: ThreadHistory = new Map();
  if (threadIds.length) {
    const rows = await db
      .selectFrom("messages")
      .select(["id", "thread_id", "sent_at", "text"])
      .where("thread_id", "in", threadIds)
      .where("direction", "=", "customer")
      .orderBy("sent_at")
      .orderBy("id")
      .limit(20 * threadIds.length + 200)
      .execute();
    for (const r of rows) {
      const list = threads.get(r.thread_id!) ?? [];
      list.push(r);
      threads.set(r.thread_id!, list);
    }
  }
  return { messages, threads };
}

/** Directions triage acts on (employee feedback never opens a case). */
const TRIAGED = new Set(["customer", "agent"]);

/**
 * Stores a batch's readings and hands the read messages to triage, in one transaction; messages
 * that failed to read are retried later and set aside after `maxAttempts`. Returns the ids whose
 * reading was written (a message erased while it was read is skipped).
 */
export async function storeReadings(
  store: Pick<Store, "db" | "dialect" | "queries">,
  by: string,
  b: { done: { msg: MessageToRead; reading: Reading }[]; failed: number[]; maxAttempts: number },
): Promise<number[]> {
  const now = Date.now();
  // Rows are built (JSON and all) before the write lock is taken: other writers wait on it.
  const prepared = b.done.map((d) => readingRows(d.msg, d.reading, now));
  return withWriteTransaction(store, async (trx) => {
    const { alive, reread } = await priorReadings(
      trx,
      b.done.map((d) => d.msg.id),
    );
    const rows = prepared.filter((r) => alive.has(r.reading.message_id as number));
    // Only a re-read has old labels to replace.
    for (let i = 0; i < reread.length; i += 300)
      await trx
        .deleteFrom("reading_labels")
        .where("message_id", "in", reread.slice(i, i + 300))
        .execute();
    await upsertReadings(
      trx,
      rows.map((r) => r.reading),
    );
    const labels = rows.flatMap((r) => r.labels);
    for (let i = 0; i < labels.length; i += 300)
      await trx
        .insertInto("reading_labels")
        .values(labels.slice(i, i + 300))
        .execute();
    // The survey insights read answers with their slices and causes from survey_facts.
    await refreshSurveyFacts(
      trx,
      store.dialect,
      rows.map((r) => r.reading.message_id as number),
    );
    const again = new Set(reread);
    const handOn = b.done
      .filter((d) => alive.has(d.msg.id) && TRIAGED.has(d.msg.direction))
      .map((d) => ({
        message_id: d.msg.id,
        retriage: again.has(d.msg.id) ? 1 : 0,
        enqueued_at: now,
        claimed_by: null,
        claimed_until: 0,
        attempts: 0,
        failed: 0,
      }));
    // A message already waiting keeps its row (and its first-read flag).
    for (let i = 0; i < handOn.length; i += 500)
      await trx
        .insertInto("triage_queue")
        .values(handOn.slice(i, i + 500))
        .onConflict((oc) => oc.column("message_id").doNothing())
        .execute();
    await finishQueued(
      trx,
      "reading_queue",
      by,
      b.done.map((d) => d.msg.id),
    );
    if (b.failed.length) {
      await trx
        .updateTable("reading_queue")
        .set((eb) => ({ failed: eb.case().when("attempts", ">=", b.maxAttempts).then(1).else(0).end(), claimed_until: now + 30_000 }))
        .where("message_id", "in", b.failed)
        .execute();
    }
    return rows.map((r) => r.reading.message_id as number);
  });
}

/** Which messages still exist (one erased while it was read must not come back) and which had a reading. */
async function priorReadings(trx: Kysely<Database>, ids: number[]): Promise<{ alive: Set<number>; reread: number[] }> {
  const alive = new Set<number>();
  const reread: number[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom("messages as m")
      .leftJoin("readings as r", "r.message_id", "m.id")
      .select(["m.id", "r.message_id as had"])
      .where("m.id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      alive.add(r.id);
      if (r.had !== null) reread.push(r.id);
    }
  }
  return { alive, reread };
}

async function upsertReadings(trx: Kysely<Database>, readings: Insertable<ReadingsTable>[]): Promise<void> {
  for (let i = 0; i < readings.length; i += 100) {
    await trx
      .insertInto("readings")
      .values(readings.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column("message_id").doUpdateSet((eb) => ({
          sent_at: eb.ref("excluded.sent_at"),
          channel: eb.ref("excluded.channel"),
          direction: eb.ref("excluded.direction"),
          team_id: eb.ref("excluded.team_id"),
          language: eb.ref("excluded.language"),
          sentiment: eb.ref("excluded.sentiment"),
          sentiment_score: eb.ref("excluded.sentiment_score"),
          top_emotion: eb.ref("excluded.top_emotion"),
          complaint_severity: eb.ref("excluded.complaint_severity"),
          urgency: eb.ref("excluded.urgency"),
          reach: eb.ref("excluded.reach"),
          intensity: eb.ref("excluded.intensity"),
          stage: eb.ref("excluded.stage"),
          pipeline_version: eb.ref("excluded.pipeline_version"),
          reading: eb.ref("excluded.reading"),
          read_at: eb.ref("excluded.read_at"),
        })),
      )
      .execute();
  }
}
