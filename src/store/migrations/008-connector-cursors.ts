/**
 * Where each helpdesk or mailbox connector (issue 16) resumes: one opaque cursor per connector of a
 * workspace, written after the messages it covers were ingested. A crash between the ingest and the
 * cursor write only replays an overlap, which the exactly-once ingest stores as duplicates.
 *
 * @example
 * await connectorCursors("sqlite").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function connectorCursors(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("connector_cursors")
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("connector", "text", (c) => c.notNull())
        .addColumn("cursor", "text", (c) => c.notNull())
        .addColumn("updated_at", t.time, (c) => c.notNull())
        .addPrimaryKeyConstraint("connector_cursors_pk", ["workspace_id", "connector"])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("connector_cursors").ifExists().execute();
    },
  };
}
