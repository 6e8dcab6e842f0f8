/**
 * The claim statement both dialects run (sqlite/ and postgres/claim-queued.ts): leases up to
 * `limit` free rows, oldest message first. Only the row lock differs, so it is handed in.
 *
 * @example
 * await claimRows(db, "reading_queue", "w-1", { limit: 200, leaseMs: 60_000, now }, sql`for update skip locked`);
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { QueueTable } from "./dialect.js";
import type { Database } from "./schema.js";

/** Runs the claim on `db` (a connection or a transaction); returns the claimed message ids. */
export async function claimRows(
  db: Kysely<Database>,
  table: QueueTable,
  by: string,
  o: { limit: number; leaseMs: number; now: number },
  lock: RawBuilder<unknown>,
): Promise<number[]> {
  const r = await sql<{ message_id: number }>`
      update ${sql.table(table)} set claimed_by = ${by}, claimed_until = ${o.now + o.leaseMs}, attempts = attempts + 1
      where message_id in (
        select message_id from ${sql.table(table)}
        where failed = 0 and claimed_until < ${o.now}
        order by message_id limit ${o.limit}
        ${lock})
      returning message_id`.execute(db);
  return r.rows.map((x) => Number(x.message_id));
}
