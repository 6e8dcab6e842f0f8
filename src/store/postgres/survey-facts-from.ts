/**
 * PostgreSQL has no index hints: its planner picks among survey_facts' indexes (migrations 014 and
 * 017) by cost, and it aggregates by hashing, which needs no sorted input, so the window's bounds
 * stay an index range it can use.
 */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";
import type { SurveyFactsTable } from "../survey-facts.js";

/** See DialectQueries.surveyFactsFrom. */
export const surveyFactsFrom: DialectQueries["surveyFactsFrom"] = () => ({
  from: sql<SurveyFactsTable>`survey_facts`.as("s"),
  sentAt: sql<number>`s.sent_at`,
});
