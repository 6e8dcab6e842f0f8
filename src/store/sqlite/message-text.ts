/**
 * SQLite's side of the message list. Text: LIKE (ASCII case folding, as it always did), narrowed
 * first through the FTS5 trigram index (migration 005) when the text is rare enough for the index to
 * pay; a common text is found faster by walking messages newest first. Languages: a rare one
 * (a few hundred readings) lets the language index drive the join.
 */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";
import { likePattern, trigramMatchQuery } from "../text-match.js";

/** A text whose trigram candidates number fewer than this is looked up in the index. */
const RARE_TEXT = 1000;
/** A language with fewer readings than this starts the join from readings. */
const RARE_LANGUAGE = 5000;

/** See DialectQueries.readingsFirst. */
export const readingsFirst: DialectQueries["readingsFirst"] = async (db, workspaceId, languages) => {
  const r = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 from readings where workspace_id = ${workspaceId} and language in (${sql.join(languages)}) limit ${sql.lit(RARE_LANGUAGE)})`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0) < RARE_LANGUAGE;
};

/** See DialectQueries.textPlan. */
export const textPlan: DialectQueries["textPlan"] = async (db, text) => {
  const match = trigramMatchQuery(text);
  if (!match) return { index: false, scan: true };
  const r = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from messages_fts where messages_fts match ${match} limit ${RARE_TEXT})`.execute(db);
  const index = Number(r.rows[0]?.n ?? 0) < RARE_TEXT;
  return { index, scan: !index };
};

/** See DialectQueries.whereText. */
export const whereText: DialectQueries["whereText"] = (q, text, plan) => {
  const match = plan.index ? trigramMatchQuery(text) : null;
  if (match) q = q.where(sql<boolean>`m.id in (select rowid from messages_fts where messages_fts match ${match})`);
  // Always: the index answers a superset (any order of the trigrams, Unicode case folding).
  return q.where(sql<boolean>`m.text like ${likePattern(text)} escape '\\'`);
};
