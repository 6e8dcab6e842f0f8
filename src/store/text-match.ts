/**
 * The message list's `text` filter: a case-insensitive substring match (ASCII case on SQLite, as
 * its LIKE has always done; the database's Unicode case rules on PostgreSQL, as ILIKE). These
 * helpers turn the user's text into a LIKE pattern that matches it literally and, for SQLite, into
 * an FTS5 query over the trigram index (migration 005) that finds a superset of the matches.
 *
 * @example
 * likePattern("100%_off");      // "%100\\%\\_off%"
 * trigramMatchQuery("Parcel");  // '"Par" AND "cel"'
 */

/** Texts shorter than this (in code points) have no trigram, so no index can find them. */
export const MIN_INDEXED_CHARS = 3;

/** A LIKE pattern (escape character backslash) for the text anywhere in a message: %, _ and \ match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * An FTS5 MATCH expression for messages that contain every trigram of the text, or null when the
 * text is too short. Each trigram is an FTS5 string (double quotes doubled inside), so nothing the
 * user types is read as query syntax. The index keeps no positions (detail=none), so the result is
 * a superset of the messages containing the text; the caller re-checks them with LIKE.
 */
export function trigramMatchQuery(text: string): string | null {
  // Code points, as the trigram tokenizer counts them (Thai and Telugu marks are code points too).
  const chars = Array.from(text);
  if (chars.length < MIN_INDEXED_CHARS) return null;
  // Trigrams side by side (not overlapping) already cover the text, and each extra one costs a
  // doclist walk: a 40-character phrase took 71 ms with all 38 trigrams at 1M messages. At most 8.
  const starts: number[] = [];
  for (let i = 0; i + 3 <= chars.length; i += 3) starts.push(i);
  if (starts[starts.length - 1] !== chars.length - 3) starts.push(chars.length - 3);
  const picked = starts.length <= 8 ? starts : Array.from({ length: 8 }, (_, k) => starts[Math.round((k * (starts.length - 1)) / 7)]!);
  const grams = new Set(picked.map((i) => chars.slice(i, i + 3).join("")));
  return [...grams].map((g) => `"${g.replace(/"/g, '""')}"`).join(" AND ");
}
