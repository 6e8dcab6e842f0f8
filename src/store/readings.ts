/**
 * Stored readings looked up one at a time (the message view); the reading stage writes them in
 * batches (reading-batch.ts).
 *
 * @example
 * const r = await storedReading(store.db, 42); // { reading: "{...}", read_at: 1733... } or undefined
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** A message's reading as stored (JSON text) and when it was read; undefined while unread. */
export async function storedReading(db: Kysely<Database>, messageId: number): Promise<{ reading: string; read_at: number } | undefined> {
  return db.selectFrom("readings").select(["reading", "read_at"]).where("message_id", "=", messageId).executeTakeFirst();
}
