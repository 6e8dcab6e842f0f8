/**
 * `survey_facts` (see src/store/survey-facts.ts): the survey answers of read customer messages
 * with their slices and cause sets, behind one covering index, filled from the stored answers and
 * Readings when the migration runs and by the reading stage after.
 *
 * @example
 * await surveyFacts("postgres").up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";
import { refreshSurveyFacts } from "../survey-facts.js";

export function surveyFacts(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("survey_facts")
        .addColumn("message_id", t.ref, (c) => c.notNull().references("messages.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("workspace_id", t.ref, (c) => c.notNull())
        .addColumn("score", t.real, (c) => c.notNull())
        .addColumn("sent_at", t.time, (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("team_id", t.ref)
        .addColumn("causes", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("survey_facts_pk", ["message_id", "kind"])
        .execute();
      // Covering: window by kind and time, every other column read from the index alone.
      await sql`create index survey_facts_scan on survey_facts (workspace_id, kind, sent_at, channel, language, team_id, score, causes)`.execute(
        db,
      );
      await refreshSurveyFacts(db, dialect, "all");
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("survey_facts").ifExists().execute();
    },
  };
}
