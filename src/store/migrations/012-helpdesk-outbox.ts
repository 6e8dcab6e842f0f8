/**
 * The outbox of replies posted back to helpdesks (issue 16 item 4: Zendesk comments, Freshdesk
 * replies and notes, Intercom replies). One row per reply, unique per workspace and idempotency key.
 * `state` walks pending -> sending -> sent; a row found `sending` after its lease ran out belongs to
 * a sender that died between posting and recording: before posting again the sender looks for the
 * reply in the helpdesk's thread (posted at or after `first_attempt_at`), so it is never posted twice.
 * `posted_ref` is the helpdesk's id of the posted comment, so the next pull does not store it again.
 *
 * @example
 * await helpdeskOutbox("sqlite").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function helpdeskOutbox(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("helpdesk_outbox")
        .addColumn("id", t.id, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("connector", "text", (c) => c.notNull())
        .addColumn("thread_ref", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("is_public", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("claimed_until", t.time, (c) => c.notNull().defaultTo(0))
        .addColumn("first_attempt_at", t.time)
        .addColumn("posted_ref", "text")
        .addColumn("last_error", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("sent_at", t.time)
        .addUniqueConstraint("helpdesk_outbox_key", ["workspace_id", "idempotency_key"])
        .execute();
      await db.schema.createIndex("helpdesk_outbox_due").on("helpdesk_outbox").columns(["connector", "state", "claimed_until"]).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("helpdesk_outbox").ifExists().execute();
    },
  };
}
