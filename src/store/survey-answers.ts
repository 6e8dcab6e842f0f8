/**
 * Survey answers (NPS, CSAT, CES) that arrived with a message.
 *
 * @example
 * await insertSurveyAnswers(trx, [{ workspace_id: 1, message_id: 9, kind: "nps", score: 3, ... }]);
 */
import type { Insertable, Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database, SurveyAnswersTable } from "./schema.js";

/** Stores answers. */
export async function insertSurveyAnswers(trx: Kysely<Database>, rows: readonly Insertable<SurveyAnswersTable>[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) await trx.insertInto("survey_answers").values(chunk).execute();
}

/** The answers a message carried. */
export async function surveyAnswersOf(db: Kysely<Database>, messageId: number): Promise<{ kind: string; score: number }[]> {
  return db.selectFrom("survey_answers").select(["kind", "score"]).where("message_id", "=", messageId).execute();
}
