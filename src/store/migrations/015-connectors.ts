/**
 * `connectors`: the helpdesk and mailbox connectors set up in the settings page (issue 16 item 6),
 * run by `serve` on their interval. Non-secret settings are JSON text; the secret is sealed with
 * AES-256-GCM (store/secret-box.ts) and never leaves the server.
 *
 * @example
 * await connectorSettings("sqlite").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function connectorSettings(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("connectors")
        .addColumn("id", t.id, (c) => c.primaryKey())
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("secret_sealed", "text")
        .addColumn("interval_seconds", "integer", (c) => c.notNull())
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("updated_at", t.time, (c) => c.notNull())
        .addUniqueConstraint("connectors_name", ["workspace_id", "name"])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("connectors").ifExists().execute();
    },
  };
}
