/**
 * The outbox of email replies (issue 16 item 4). One row per reply, unique per workspace and
 * idempotency key, so asking twice to send the same reply queues it once. `state` walks
 * pending -> sending -> sent; a row found `sending` after its lease ran out belongs to a sender that
 * died between handing the mail to SMTP and recording it: it is checked against the Sent folder and
 * becomes `sent`, or `unconfirmed` (never re-sent by itself: at most once). `failed` is a definite
 * refusal by the SMTP server.
 *
 * @example
 * await mailOutbox("sqlite").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function mailOutbox(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("mail_outbox")
        .addColumn("id", t.id, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("reply_to_message_id", t.ref, (c) => c.references("messages.id").onDelete("set null"))
        .addColumn("mail_message_id", "text", (c) => c.notNull())
        .addColumn("from_address", "text", (c) => c.notNull())
        .addColumn("to_address", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("in_reply_to", "text")
        .addColumn("references_ids", "text")
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("claimed_until", t.time, (c) => c.notNull().defaultTo(0))
        .addColumn("last_error", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("updated_at", t.time, (c) => c.notNull())
        .addColumn("sent_at", t.time)
        .addUniqueConstraint("mail_outbox_key", ["workspace_id", "idempotency_key"])
        .execute();
      await db.schema.createIndex("mail_outbox_state").on("mail_outbox").columns(["workspace_id", "state", "id"]).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("mail_outbox").ifExists().execute();
    },
  };
}
