/**
 * Employee feedback that cannot be unmasked (issue 11, item 8).
 *
 * `sources.employee_feedback`: 1 when the workspace trusts the source for employee feedback (an
 * HR survey tool, say). Only respondents such a source vouches for are counted, so respondents
 * invented through any other source never lift a small team over the threshold.
 *
 * `employee_releases`: the released cells of each closed month, written the first time the month
 * is shown and served unchanged from then on. A released month can then never be shown twice with
 * different numbers (after an erasure, a late reading, a re-read or a change of trust), so no two
 * views of it differ by one person. The cells are aggregates of at least k people, not personal data.
 *
 * @example
 * await employeePrivacy("sqlite").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function employeePrivacy(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("sources")
        .addColumn("employee_feedback", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("employee_releases")
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("month", "text", (c) => c.notNull())
        .addColumn("released_at", t.time, (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("employee_releases_pk", ["workspace_id", "month"])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("employee_releases").ifExists().execute();
      await db.schema.alterTable("sources").dropColumn("employee_feedback").execute();
    },
  };
}
