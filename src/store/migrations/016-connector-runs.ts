/**
 * The last pass of each stored connector (issue 16, settings page): when it ended, its counts
 * (`{"accepted","duplicates","conflicts","rejected"}` as JSON text) or its error code. A code only,
 * never an error's message: a vendor's answer or a mail's header could be in one.
 *
 * @example
 * await connectorRuns().up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function connectorRuns(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable("connectors").addColumn("last_run_at", t.time).execute();
      await db.schema.alterTable("connectors").addColumn("last_counts", "text").execute();
      await db.schema.alterTable("connectors").addColumn("last_error_code", "text").execute();
    },
    async down(db: Kysely<any>) {
      for (const c of ["last_run_at", "last_counts", "last_error_code"]) await db.schema.alterTable("connectors").dropColumn(c).execute();
    },
  };
}
