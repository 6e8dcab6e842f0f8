/**
 * PostgreSQL's side of the message list. Text: ILIKE (the database's Unicode case rules), which the
 * pg_trgm index serves by itself for three characters or more; shorter texts have no trigram and
 * scan, bounded per page. Languages: the planner picks the join order itself.
 */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";
import { likePattern, MIN_INDEXED_CHARS } from "../text-match.js";

/** See DialectQueries.readingsFirst. */
export const readingsFirst: DialectQueries["readingsFirst"] = () => Promise.resolve(false);

/** See DialectQueries.textPlan. */
export const textPlan: DialectQueries["textPlan"] = (_db, text) =>
  Promise.resolve({ index: false, scan: Array.from(text).length < MIN_INDEXED_CHARS });

/** See DialectQueries.whereText. */
export const whereText: DialectQueries["whereText"] = (q, text) =>
  // Backslash is LIKE's default escape, and the plain form is what pg_trgm's index serves.
  q.where(sql<boolean>`m.text ilike ${likePattern(text)}`);
