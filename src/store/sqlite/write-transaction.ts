/**
 * SQLite: a write transaction takes the write lock up front (BEGIN IMMEDIATE): a deferred
 * transaction that reads first and writes later can fail with SQLITE_BUSY when another process (a
 * standalone worker) committed in between, and would then lose an acknowledged batch.
 *
 * While another process holds the lock, the wait is asynchronous: SQLite's own busy handler sleeps
 * the whole thread (better-sqlite3 is synchronous), so a server waiting for a worker's commit would
 * stop answering HTTP, and its backoff (up to 100 ms a sleep) takes the lock long after it is free.
 */
import { sql, type Kysely } from "kysely";
import type { DialectQueries } from "../dialect.js";
import type { Database } from "../schema.js";

/** How long a writer waits for another process's write lock before giving up (as busy_timeout). */
const LOCK_WAIT_MS = 15_000;

/** See DialectQueries.writeTransaction. */
export const writeTransaction: DialectQueries["writeTransaction"] = (db, fn) =>
  db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });

/** BEGIN IMMEDIATE, retried every few ms without blocking the event loop while the lock is taken. */
async function beginImmediate(conn: Kysely<Database>): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  // busy_timeout 0 for the BEGIN only: other statements keep the connection's blocking timeout.
  await sql`pragma busy_timeout = 0`.execute(conn);
  try {
    for (let wait = 1; ; wait = Math.min(wait * 2, 4)) {
      try {
        await sql`begin immediate`.execute(conn);
        return;
      } catch (err) {
        if (!isBusy(err) || Date.now() > deadline) throw err;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${LOCK_WAIT_MS}`).execute(conn);
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT";
}
