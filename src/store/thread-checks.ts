/**
 * Pending "left unanswered" checks: one per thread whose customer asked a question, due when the
 * rule's business time has passed. Taken over (deleted) when an agent answers or a case opens.
 *
 * @example
 * await addThreadChecks(trx, [{ thread_id: 9, workspace_id: 1, message_id: 101, due_at: t }]);
 */
import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database, ThreadChecksTable } from "./schema.js";

type Db = Kysely<Database>;

/** Drops the pending checks of these threads. */
export async function dropThreadChecks(db: Db, threadIds: readonly number[]): Promise<void> {
  for (const chunk of chunks(threadIds, 500)) await db.deleteFrom("thread_checks").where("thread_id", "in", chunk).execute();
}

/** Adds checks; a thread that has one keeps it (an earlier question keeps its earlier due time). */
export async function addThreadChecks(db: Db, rows: readonly ThreadChecksTable[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) {
    await db
      .insertInto("thread_checks")
      .values(chunk)
      .onConflict((oc) => oc.column("thread_id").doNothing())
      .execute();
  }
}

/** Checks that fell due, earliest first. */
export async function dueThreadChecks(db: Db, now: number, limit: number): Promise<ThreadChecksTable[]> {
  return db.selectFrom("thread_checks").selectAll().where("due_at", "<=", now).orderBy("due_at").limit(limit).execute();
}

/** Takes a due check off the table: true only for the one process that removed it. */
export async function claimThreadCheck(db: Db, check: Pick<ThreadChecksTable, "thread_id" | "due_at">): Promise<boolean> {
  const gone = await db
    .deleteFrom("thread_checks")
    .where("thread_id", "=", check.thread_id)
    .where("due_at", "=", check.due_at)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) === 1;
}

/** The earliest due time of any check, or null. */
export async function earliestThreadCheck(db: Db): Promise<number | null> {
  const r = await db
    .selectFrom("thread_checks")
    .select((eb) => eb.fn.min("due_at").as("t"))
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? null : Number(r.t);
}
