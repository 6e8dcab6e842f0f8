/**
 * An index for the insights of issue 15: survey answers by the message that carries them, so the
 * export finds a page's answers without scanning every answer, and the survey scores and the
 * driver model read kind and score from the index alone.
 *
 * @example
 * await insightIndexes().up(db);
 */
import type { Kysely, Migration } from "kysely";

export function insightIndexes(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex("survey_answers_message").on("survey_answers").columns(["message_id", "kind", "score"]).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex("survey_answers_message").ifExists().execute();
    },
  };
}
