/**
 * PostgreSQL has no index hints: its planner picks among survey_facts' indexes (migrations 014 and
 * 017) by cost. At its default page costs (random_page_cost 4, a spinning disk's) it hashes every
 * answer of a year for the driver model instead of passing along the index in the grouping's order,
 * which EXPLAIN ANALYZE on the 1M bench measured twice as slow (60 vs 100-180 ms under load). The
 * insights' reads run in a read transaction that prices random pages as an SSD's (1.1), for that
 * read only; a short window still takes the time index.
 */
import { sql, type RawBuilder } from "kysely";
import type { DialectQueries } from "../dialect.js";
import type { SurveyFactsTable } from "../survey-facts.js";

/** See DialectQueries.surveyFactsFrom. */
export const surveyFactsFrom: DialectQueries["surveyFactsFrom"] = () => ({
  from: sql<SurveyFactsTable>`survey_facts`.as("s"),
  sentAt: sql<number>`s.sent_at`,
});

/** See DialectQueries.surveyFactsRead. */
export const surveyFactsRead: DialectQueries["surveyFactsRead"] = (db, read) =>
  db.transaction().execute(async (trx) => {
    await sql`set local random_page_cost = 1.1`.execute(trx);
    return read(trx);
  });

/** The sorted cause set of the reading of message `s.message_id` (survey-facts.ts). */
export function surveyCauseSet(): RawBuilder<string> {
  return sql<string>`coalesce((select string_agg(l.label || ':' || l.polarity, '|' order by l.label || ':' || l.polarity) from reading_labels l where l.message_id = s.message_id and l.kind = 'cause'), '')`;
}
