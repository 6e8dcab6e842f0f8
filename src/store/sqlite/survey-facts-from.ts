/**
 * SQLite reads `survey_facts` along the index the insight names (`INDEXED BY`, which survives the
 * subquery's flattening): its planner would otherwise take the time index and sort every answer of
 * a long window for the GROUP BY (the sort was 90% of a year's drivers query at a million
 * messages). The window's bounds are then filters on the ordered pass (`+sent_at`): as an index
 * range they make SQLite skip-scan the leading columns, which loses the order and sorts again.
 */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";
import type { SurveyFactsTable } from "../survey-facts.js";

/** See DialectQueries.surveyFactsFrom. */
export const surveyFactsFrom: DialectQueries["surveyFactsFrom"] = (index) =>
  index
    ? { from: sql<SurveyFactsTable>`(select * from survey_facts indexed by ${sql.id(index)})`.as("s"), sentAt: sql<number>`+s.sent_at` }
    : { from: sql<SurveyFactsTable>`survey_facts`.as("s"), sentAt: sql<number>`s.sent_at` };

/** See DialectQueries.surveyFactsRead: the index is named, nothing else to set. */
export const surveyFactsRead: DialectQueries["surveyFactsRead"] = (db, read) => read(db);
