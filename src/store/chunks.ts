/**
 * Splits a batch for multi-row statements: SQLite binds at most 32766 parameters a statement and
 * PostgreSQL 65535, so a few hundred rows of a dozen columns each is the most one statement takes.
 *
 * @example
 * for (const part of chunks(rows, 200)) await trx.insertInto("people").values(part).execute();
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Orders rows by a string key (code units, as the database's binary collation does). */
export function byKey<T>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
