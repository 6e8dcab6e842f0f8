/**
 * Stored messages: inserted once per (source, external id), looked up by external id.
 *
 * @example
 * const inserted = await insertNewMessages(trx, rows); // external id -> id, for the rows that were new
 */
import type { Insertable, Kysely } from "kysely";
import { byKey, chunks } from "./chunks.js";
import type { Store } from "./open-store.js";
import type { Database, MessagesTable } from "./schema.js";

/** Inserts the rows whose (source, external id) is new; returns external id -> id of those only. */
export async function insertNewMessages(trx: Kysely<Database>, rows: readonly Insertable<MessagesTable>[]): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  // Sorted by key, so concurrent batches lock rows in one order.
  for (const chunk of chunks([...rows].sort(byKey((r) => r.external_id)), 200)) {
    const out = await trx
      .insertInto("messages")
      .values(chunk)
      .onConflict((oc) => oc.columns(["source_id", "external_id"]).doNothing())
      .returning(["id", "external_id"])
      .execute();
    for (const r of out) inserted.set(r.external_id, r.id);
  }
  return inserted;
}

/** The stored messages of a source by external id, with their content hash (duplicate or conflict). */
export async function storedMessages(
  trx: Kysely<Database>,
  sourceId: number,
  externalIds: readonly string[],
): Promise<Map<string, { id: number; hash: string }>> {
  const found = new Map<string, { id: number; hash: string }>();
  for (const chunk of chunks(externalIds, 500)) {
    const rows = await trx
      .selectFrom("messages")
      .select(["id", "external_id", "content_hash"])
      .where("source_id", "=", sourceId)
      .where("external_id", "in", chunk)
      .execute();
    for (const r of rows) found.set(r.external_id, { id: r.id, hash: r.content_hash });
  }
  return found;
}

/** The threads of a source's messages by external id (an email's references name messages, not threads). */
export async function threadsOfMessages(
  trx: Kysely<Database>,
  sourceId: number,
  externalIds: readonly string[],
): Promise<Map<string, number>> {
  const threads = new Map<string, number>();
  for (const chunk of chunks(externalIds, 500)) {
    const rows = await trx
      .selectFrom("messages")
      .select(["external_id", "thread_id"])
      .where("source_id", "=", sourceId)
      .where("external_id", "in", chunk)
      .where("thread_id", "is not", null)
      .execute();
    for (const r of rows) if (r.thread_id !== null) threads.set(r.external_id, r.thread_id);
  }
  return threads;
}

/** Whether the store holds any message (first start loads the samples only into an empty one). */
export async function hasMessages(store: Pick<Store, "db">): Promise<boolean> {
  const any = await store.db.selectFrom("messages").select("id").limit(1).execute();
  return any.length > 0;
}
