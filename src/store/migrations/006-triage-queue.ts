/**
 * The durable hand-off from reading to triage (issue 11 item 14): the reading worker writes a row
 * here in the same transaction as the reading, and the triage stage claims rows with a lease and
 * deletes them in the same transaction as the cases it opens or updates. A crash, a failed write or
 * a database restart between the two stages therefore loses no message and triages none twice.
 * `retriage` marks a message that was read again (`attune reread`): it may open a case its thread
 * does not have yet, but never counts as a new contact.
 *
 * @example
 * await triageQueue("sqlite").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function triageQueue(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("triage_queue")
        .addColumn("message_id", t.ref, (c) => c.primaryKey().references("messages.id").onDelete("cascade"))
        .addColumn("retriage", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("enqueued_at", t.time, (c) => c.notNull())
        .addColumn("claimed_by", "text")
        .addColumn("claimed_until", t.time, (c) => c.notNull().defaultTo(0))
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("triage_queue_claim").on("triage_queue").columns(["failed", "claimed_until", "message_id"]).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("triage_queue").ifExists().execute();
    },
  };
}
