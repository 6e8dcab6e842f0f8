/**
 * Two more covering indexes on `survey_facts`, in the order the survey insights group by, so a
 * long window is counted in one ordered pass instead of sorted (see insights-surveys.ts and
 * docs/benchmarks.md, "Insights at 1,000,000 messages"):
 *
 * - `survey_facts_scores`: kind, score, UTC day: the window's scores and the day and week trends.
 * - `survey_facts_causes`: kind, cause set, score: the driver model's groups.
 *
 * The first index of migration 014 (kind, time) stays for short windows, where reading only the
 * window's rows and sorting them is cheaper than passing over every answer.
 *
 * @example
 * await surveyFactsOrder().up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import { surveyDaySql } from "../survey-facts.js";

export function surveyFactsOrder(): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`create index survey_facts_scores on survey_facts (workspace_id, kind, score, (${sql.raw(surveyDaySql("sent_at"))}), sent_at, channel, language, team_id)`.execute(
        db,
      );
      await sql`create index survey_facts_causes on survey_facts (workspace_id, kind, causes, score, sent_at, channel, language, team_id)`.execute(
        db,
      );
    },
    async down(db: Kysely<any>) {
      await sql`drop index if exists survey_facts_scores`.execute(db);
      await sql`drop index if exists survey_facts_causes`.execute(db);
    },
  };
}
