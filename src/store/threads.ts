/**
 * Conversation threads, keyed by the source's thread id (ingest).
 *
 * @example
 * const ids = await upsertThreads(trx, store.queries, [{ workspace_id: 1, source_id: 2, external_id: "t-9", ... }]);
 */
import type { Insertable, Kysely } from "kysely";
import { byKey, chunks } from "./chunks.js";
import type { DialectQueries } from "./dialect.js";
import type { Database, ThreadsTable } from "./schema.js";

/**
 * Adds new threads and moves `last_message_at` of known ones forward (never back: batches arrive
 * out of order); returns the id of every external id (all rows share one source).
 */
export async function upsertThreads(
  trx: Kysely<Database>,
  queries: Pick<DialectQueries, "later">,
  rows: readonly Insertable<ThreadsTable>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  // Sorted by key, so concurrent batches lock rows in one order.
  for (const chunk of chunks([...rows].sort(byKey((r) => r.external_id)), 300)) {
    const out = await trx
      .insertInto("threads")
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(["source_id", "external_id"]).doUpdateSet((eb) => ({
          last_message_at: queries.later(eb.ref("threads.last_message_at"), eb.ref("excluded.last_message_at")),
        })),
      )
      .returning(["id", "external_id"])
      .execute();
    for (const r of out) ids.set(r.external_id, r.id);
  }
  const missing = rows.filter((r) => !ids.has(r.external_id)).map((r) => r.external_id);
  const sourceId = rows[0]?.source_id;
  if (sourceId === undefined) return ids;
  for (const chunk of chunks(missing, 500)) {
    const found = await trx
      .selectFrom("threads")
      .select(["id", "external_id"])
      .where("source_id", "=", sourceId)
      .where("external_id", "in", chunk)
      .execute();
    for (const r of found) ids.set(r.external_id, r.id);
  }
  return ids;
}

/** One thread by id. */
export async function threadById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("threads")
    .select(["id", "external_id", "subject", "channel", "created_at", "last_message_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A thread's external id and its source's name and kind (where a reply into the thread is stored and sent). */
export async function threadOrigin(
  db: Kysely<Database>,
  threadId: number,
): Promise<{ external_id: string; name: string; kind: string } | undefined> {
  return db
    .selectFrom("threads as t")
    .innerJoin("sources as s", "s.id", "t.source_id")
    .select(["t.external_id", "s.name", "s.kind"])
    .where("t.id", "=", threadId)
    .executeTakeFirst();
}
