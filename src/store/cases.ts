/**
 * The cases aggregate: case rows, read for triage, the scheduler and the API, and written in a few
 * statements per batch (triage touches hundreds of cases at once, and on PostgreSQL each statement
 * is a round trip). Clocks are in case-clocks.ts, history in case-history.ts.
 *
 * @example
 * const row = await findCase(store.db, 1, 42);
 */
import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { CaseRow, Database } from "./schema.js";

type Db = Kysely<Database>;

/** Sort key of a case without a running clock: after every real due time (same on both dialects). */
export const NO_DUE = 8_000_000_000_000_000;

const CASE_COLUMNS: (keyof CaseRow)[] = [
  "workspace_id",
  "thread_id",
  "person_id",
  "origin_message_id",
  "last_customer_message_id",
  "channel",
  "is_public",
  "team_id",
  "assignee_user_id",
  "status",
  "active",
  "priority",
  "priority_score",
  "priority_explanation",
  "reasons",
  "cause",
  "emotion",
  "language",
  "customer_value",
  "contacts",
  "waiting_since",
  "open_sentiment",
  "opened_at",
  "updated_at",
  "first_response_at",
  "resolved_at",
  "closed_at",
  "sort_due",
  "next_check_at",
  "breached",
  "follow_up_at",
  "follow_up_fired_at",
  "follow_up_done_at",
  "recovered",
  "recovery_message_id",
  "recovery_checked_at",
  "reopens",
];

/** One case of a workspace, or undefined. */
export async function findCase(db: Db, workspaceId: number, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom("cases").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
}

/** The cases of these threads that are not closed, by id. */
export async function casesOfThreads(db: Db, threadIds: readonly number[]): Promise<CaseRow[]> {
  const parts = await Promise.all(
    [...chunks(threadIds, 500)].map((chunk) =>
      db.selectFrom("cases").selectAll().where("thread_id", "in", chunk).where("status", "<>", "closed").orderBy("id").execute(),
    ),
  );
  return parts.flat().sort((a, b) => a.id - b.id);
}

/** Which threads, and which thread-less origin messages, already have a case of any status. */
export async function coveredByCases(
  db: Db,
  threadIds: readonly number[],
  originIds: readonly number[],
): Promise<{ threads: Set<number>; origins: Set<number> }> {
  const threads = new Set<number>();
  const origins = new Set<number>();
  for (const chunk of chunks(threadIds, 500)) {
    const rows = await db.selectFrom("cases").select("thread_id").distinct().where("thread_id", "in", chunk).execute();
    for (const c of rows) threads.add(c.thread_id!);
  }
  for (const chunk of chunks(originIds, 500)) {
    const rows = await db.selectFrom("cases").select("origin_message_id").where("origin_message_id", "in", chunk).execute();
    for (const c of rows) origins.add(c.origin_message_id!);
  }
  return { threads, origins };
}

/** Cases of these people resolved since `since` whose recovery is unknown or not yet seen. */
export async function recoveryCandidates(db: Db, personIds: readonly number[], since: number): Promise<CaseRow[]> {
  const parts = await Promise.all(
    [...chunks(personIds, 500)].map((chunk) =>
      db
        .selectFrom("cases")
        .selectAll()
        .where("person_id", "in", chunk)
        .where("resolved_at", "is not", null)
        .where("resolved_at", ">=", since)
        .where((eb) => eb.or([eb("recovered", "is", null), eb("recovered", "=", 0)]))
        .execute(),
    ),
  );
  return parts.flat();
}

/** True when the thread has a case in work. */
export async function threadHasActiveCase(db: Db, threadId: number): Promise<boolean> {
  const row = await db
    .selectFrom("cases")
    .select("id")
    .where("thread_id", "=", threadId)
    .where("active", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts one new case; returns its id. */
export async function insertCase(db: Db, values: Omit<CaseRow, "id">): Promise<number> {
  return (await db.insertInto("cases").values(values).returning("id").executeTakeFirstOrThrow()).id;
}

/**
 * Inserts new cases; returns origin message id -> case id. A case another process opened for the
 * same thread a moment ago wins: this one is dropped and missing from the map.
 */
export async function insertNewCases(db: Db, rows: readonly Omit<CaseRow, "id">[]): Promise<Map<number | null, number>> {
  const ids = new Map<number | null, number>();
  for (const chunk of chunks(rows, 100)) {
    const out = await db
      .insertInto("cases")
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .returning(["id", "origin_message_id"])
      .execute();
    for (const o of out) ids.set(o.origin_message_id, o.id);
  }
  return ids;
}

/** Writes many existing cases (insert .. on conflict (id) do update). */
export async function upsertCases(db: Db, rows: readonly CaseRow[]): Promise<void> {
  for (const chunk of chunks(rows, 200)) {
    await db
      .insertInto("cases")
      .values(chunk as never)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => Object.fromEntries(CASE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
      )
      .execute();
  }
}

/** Writes one case's columns. */
export async function updateCase(db: Db, row: CaseRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable("cases").set(rest).where("id", "=", id).execute();
}

/** Records whether a resolved case's customer recovered, judged on `messageId`. */
export async function setRecovery(db: Db, caseId: number, r: { recovered: number; messageId: number }, at: number): Promise<void> {
  await db
    .updateTable("cases")
    .set({ recovered: r.recovered, recovery_message_id: r.messageId, recovery_checked_at: at })
    .where("id", "=", caseId)
    .execute();
}

/** Cases whose next check has come, earliest first. */
export async function casesDue(db: Db, now: number, limit: number): Promise<CaseRow[]> {
  return db.selectFrom("cases").selectAll().where("next_check_at", "<=", now).orderBy("next_check_at").limit(limit).execute();
}

/** Claims a due case: true only for the process that moved next_check_at from the value it read. */
export async function claimCaseCheck(db: Db, id: number, nextCheckAt: number | null): Promise<boolean> {
  const r = await db
    .updateTable("cases")
    .set({ next_check_at: null })
    .where("id", "=", id)
    .where("next_check_at", "=", nextCheckAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The earliest next check of any case, or null. */
export async function earliestCaseCheck(db: Db): Promise<number | null> {
  const r = await db
    .selectFrom("cases")
    .select((eb) => eb.fn.min("next_check_at").as("t"))
    .where("next_check_at", "is not", null)
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? null : Number(r.t);
}
