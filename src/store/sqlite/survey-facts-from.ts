/**
 * SQLite reads `survey_facts` along the index the insight names (`INDEXED BY`, which survives the
 * subquery's flattening): left to itself, its planner took the time index and sorted every answer
 * of a year for the GROUP BY (the sort was 90% of the drivers query at a million messages), and
 * with migration 017's indexes it passed over every answer for a 30-day window. On an index in the
 * grouping's order the window's bounds are filters (`+sent_at`): as an index range they make
 * SQLite skip-scan the leading columns, which loses the order and sorts again; on the time index
 * (`survey_facts_scan`) they are its range.
 */
import { sql, type RawBuilder } from "kysely";
import type { DialectQueries } from "../dialect.js";
import type { SurveyFactsTable } from "../survey-facts.js";

/** See DialectQueries.surveyFactsFrom. */
export const surveyFactsFrom: DialectQueries["surveyFactsFrom"] = (index) => ({
  from: sql<SurveyFactsTable>`(select * from survey_facts indexed by ${sql.id(index)})`.as("s"),
  sentAt: index === "survey_facts_scan" ? sql<number>`s.sent_at` : sql<number>`+s.sent_at`,
});

/** See DialectQueries.surveyFactsRead: the index is named, nothing else to set. */
export const surveyFactsRead: DialectQueries["surveyFactsRead"] = (db, read) => read(db);

/**
 * The sorted cause set of the reading of message `s.message_id` (survey-facts.ts): group_concat
 * follows its input's order, here the ordered subquery's.
 */
export function surveyCauseSet(): RawBuilder<string> {
  return sql<string>`coalesce((select group_concat(k, '|') from (select l.label || ':' || l.polarity as k from reading_labels l where l.message_id = s.message_id and l.kind = 'cause' order by k)), '')`;
}
