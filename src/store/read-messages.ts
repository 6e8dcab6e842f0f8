/**
 * Read messages: a message with its stored Reading, as triage, the scheduler and the case page
 * load them, and the customer-message counts of threads that priority and contacts are built on.
 *
 * @example
 * const rows = await readMessages(store.db, [101, 102]); // sent_at order, Readings parsed
 */
import type { Kysely } from "kysely";
import type { Reading } from "../core/reading.js";
import { chunks } from "./chunks.js";
import type { Database, MessagesTable } from "./schema.js";

type Db = Kysely<Database>;

/** A stored message's columns triage needs, with its workspace and parsed Reading. */
export interface ReadMessage extends Pick<
  MessagesTable,
  "workspace_id" | "thread_id" | "person_id" | "team_id" | "direction" | "channel" | "is_public" | "audience" | "sent_at" | "text"
> {
  id: number;
  reading: Reading;
}

/** The read messages among `ids` (unread ones are left out), oldest first. */
export async function readMessages(db: Db, ids: readonly number[]): Promise<ReadMessage[]> {
  const out: ReadMessage[] = [];
  for (const chunk of chunks(ids, 500)) {
    const rows = await db
      .selectFrom("messages as m")
      .innerJoin("readings as r", "r.message_id", "m.id")
      .select([
        "m.id",
        "m.workspace_id",
        "m.thread_id",
        "m.person_id",
        "m.team_id",
        "m.direction",
        "m.channel",
        "m.is_public",
        "m.audience",
        "m.sent_at",
        "m.text",
        "r.reading",
      ])
      .where("m.id", "in", chunk)
      .execute();
    for (const r of rows) out.push({ ...r, reading: JSON.parse(r.reading) as Reading });
  }
  return out.sort((a, b) => a.sent_at - b.sent_at || a.id - b.id);
}

/** Customer messages per thread, leaving out `except` (the batch being triaged). */
export async function customerCounts(db: Db, threadIds: readonly number[], except: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const notIn = except.length ? [...except] : [0];
  await Promise.all(
    [...chunks(threadIds, 500)].map(async (chunk) => {
      const rows = await db
        .selectFrom("messages")
        .select(["thread_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("thread_id", "in", chunk)
        .where("direction", "=", "customer")
        .where("id", "not in", notIn)
        .groupBy("thread_id")
        .execute();
      for (const c of rows) counts.set(c.thread_id as number, Number(c.n));
    }),
  );
  return counts;
}

/** All customer messages of one thread. */
export async function customerCountOfThread(db: Db, threadId: number): Promise<number> {
  const r = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("thread_id", "=", threadId)
    .where("direction", "=", "customer")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** True when an agent wrote in the thread at or after `since`. */
export async function agentWroteSince(db: Db, threadId: number, since: number): Promise<boolean> {
  const answer = await db
    .selectFrom("messages")
    .select("id")
    .where("thread_id", "=", threadId)
    .where("direction", "=", "agent")
    .where("sent_at", ">=", since)
    .limit(1)
    .executeTakeFirst();
  return answer !== undefined;
}

/** A customer message with its Reading and the author's display name (the message a reply answers). */
export async function messageWithAuthor(
  db: Db,
  id: number,
): Promise<{ id: number; text: string; reading: Reading; name: string | null } | null> {
  const m = await db
    .selectFrom("messages as m")
    .innerJoin("readings as r", "r.message_id", "m.id")
    .leftJoin("people as p", "p.id", "m.person_id")
    .select(["m.id", "m.text", "r.reading", "p.display_name"])
    .where("m.id", "=", id)
    .executeTakeFirst();
  return m ? { id: m.id, text: m.text, reading: JSON.parse(m.reading) as Reading, name: m.display_name } : null;
}

/** A case's conversation: its thread's messages (or its one origin message), never employee feedback. */
export async function conversation(
  db: Db,
  of: { threadId: number | null; originId: number | null },
): Promise<
  { id: number; direction: string; channel: string; is_public: number; sent_at: number; text: string; reading: Reading | null }[]
> {
  let q = db
    .selectFrom("messages as m")
    .leftJoin("readings as r", "r.message_id", "m.id")
    .select(["m.id", "m.direction", "m.channel", "m.is_public", "m.sent_at", "m.text", "r.reading"]);
  q = of.threadId !== null ? q.where("m.thread_id", "=", of.threadId) : q.where("m.id", "=", of.originId ?? -1);
  // Employee feedback never shows one message at a time, whoever asks (aggregates only).
  q = q.where("m.direction", "<>", "employee");
  const rows = await q.orderBy("m.sent_at").orderBy("m.id").limit(500).execute();
  return rows.map((m) => ({ ...m, reading: m.reading ? (JSON.parse(m.reading) as Reading) : null }));
}
