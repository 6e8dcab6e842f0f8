/**
 * `survey_facts` (migration 014): one narrow row per customer survey answer whose message is read,
 * with the message's slices and its Reading's cause set (`cause:polarity` keys, sorted, joined by
 * "|"). The survey scores and the driver model read it through one covering index instead of
 * joining every answer to its wide Reading row (1.5-2.5 s at a million messages; see
 * docs/benchmarks.md). The reading stage refreshes a batch's facts in the transaction that writes
 * its Readings; erasure removes them with the message (foreign key, on delete cascade).
 *
 * @example
 * await refreshSurveyFacts(trx, "sqlite", [12, 13]);
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DialectName } from "./dialect.js";
import { surveyCauseSet as postgresCauseSet } from "./postgres/survey-facts-from.js";
import { surveyCauseSet as sqliteCauseSet } from "./sqlite/survey-facts-from.js";

/**
 * An answer's UTC day (epoch days) in SQL, as indexed by `survey_facts_scores` (migration 017): the
 * day and week trends group by this very expression, so the index's order serves the grouping.
 */
export function surveyDaySql(column: "sent_at" | "s.sent_at"): string {
  return `${column} / 86400000`;
}

/** One row of `survey_facts`. */
export interface SurveyFactsTable {
  message_id: number;
  kind: "nps" | "csat" | "ces";
  workspace_id: number;
  score: number;
  sent_at: number;
  channel: string;
  language: string;
  team_id: number | null;
  /** Sorted `cause:polarity` keys joined by "|"; "" for none. */
  causes: string;
}

/** The indexes a survey insight can ask to be read along (migrations 014 and 017). */
export type SurveyFactsIndex = "survey_facts_scan" | "survey_facts_scores" | "survey_facts_causes";

/** The sorted cause set of the reading of message `s.message_id`, in each dialect's SQL. */
const CAUSE_SET: Record<DialectName, () => RawBuilder<string>> = { sqlite: sqliteCauseSet, postgres: postgresCauseSet };

/** Rebuilds the facts of these messages from their survey answers and Readings (none for employee feedback). */
export async function refreshSurveyFacts(db: Kysely<any>, dialect: DialectName, messageIds: number[] | "all"): Promise<void> {
  const chunks =
    messageIds === "all"
      ? [null]
      : Array.from({ length: Math.ceil(messageIds.length / 300) }, (_, i) => messageIds.slice(i * 300, i * 300 + 300));
  for (const ids of chunks) {
    if (ids) await db.deleteFrom("survey_facts").where("message_id", "in", ids).execute();
    await db
      .insertInto("survey_facts")
      .columns(["message_id", "kind", "workspace_id", "score", "sent_at", "channel", "language", "team_id", "causes"])
      .expression(
        db
          .selectFrom("survey_answers as s")
          .innerJoin("readings as r", "r.message_id", "s.message_id")
          .select([
            "s.message_id",
            "s.kind",
            "s.workspace_id",
            sql<number>`min(s.score)`.as("score"),
            "r.sent_at",
            "r.channel",
            "r.language",
            "r.team_id",
            CAUSE_SET[dialect]().as("causes"),
          ])
          .where("r.direction", "<>", "employee")
          .$if(ids !== null, (q) => q.where("s.message_id", "in", ids!))
          // A message carries at most one answer of a kind in practice; the first score wins if not.
          .groupBy(["s.message_id", "s.kind", "s.workspace_id", "r.sent_at", "r.channel", "r.language", "r.team_id"]),
      )
      .execute();
  }
}
