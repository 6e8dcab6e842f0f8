/**
 * Reading and writing a case with its clocks in one place, so every path (triage, scheduler, API)
 * refreshes due times, the queue's sort key and the next check the same way.
 *
 * @example
 * await withWriteTransaction(store, (trx) => saveCase(trx, ctx, row, clocks, "Support CZ"));
 */
import type { Kysely } from "kysely";
import { calendarFor, earliestDue, nextClockInstant, refreshClock } from "./case-clocks.js";
import type { CaseActor, CaseContext } from "./case-context.js";
import { type CaseRow, type ClockRow, type Database } from "../store/schema.js";
import { NO_DUE } from "../store/cases.js";

export type Db = Kysely<Database>;

export async function loadClocks(db: Db, caseIds: number[]): Promise<Map<number, ClockRow[]>> {
  const out = new Map<number, ClockRow[]>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom("case_clocks")
      .selectAll()
      .where("case_id", "in", caseIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = out.get(r.case_id) ?? [];
      list.push(r);
      out.set(r.case_id, list);
    }
  }
  return out;
}

export async function teamNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom("teams").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The earliest instant the scheduler must look at this case again. */
export function nextCheckOf(row: Pick<CaseRow, "follow_up_at" | "follow_up_fired_at">, clocks: ClockRow[]): number | null {
  const c = nextClockInstant(clocks);
  const f = row.follow_up_at !== null && row.follow_up_fired_at === null ? row.follow_up_at : null;
  if (c === null) return f;
  return f === null ? c : Math.min(c, f);
}

/** Refreshes clocks at `now` and derives the case's sort_due, breached and next_check_at (no I/O). */
export function prepareCase(
  ctx: CaseContext,
  row: CaseRow,
  clocks: ClockRow[],
  teamName: string | null,
): { row: CaseRow; clocks: ClockRow[] } {
  const now = ctx.clock.now();
  const cal = calendarFor(ctx.rules, teamName);
  const fresh = clocks.map((c) => refreshClock(c, cal, now, ctx.rules.warnFraction).row);
  const due = earliestDue(fresh);
  const next: CaseRow = {
    ...row,
    sort_due: row.active === 1 && due !== null ? due : NO_DUE,
    breached: fresh.some((c) => c.breached_at !== null) ? 1 : row.breached,
    updated_at: now,
  };
  next.next_check_at = nextCheckOf(next, fresh);
  return { row: next, clocks: fresh };
}

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
];
const CLOCK_COLUMNS: (keyof ClockRow)[] = [
  "target_minutes",
  "started_at",
  "stopped_at",
  "pauses",
  "due_at",
  "warn_at",
  "warned_at",
  "breached_at",
];

/**
 * Writes many existing cases in a few statements (insert .. on conflict (id) do update): triage
 * touches hundreds of cases per batch, and on PostgreSQL each statement is a round trip.
 */
export async function upsertCases(db: Db, rows: CaseRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("cases")
      .values(rows.slice(i, i + 200) as never)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => Object.fromEntries(CASE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
      )
      .execute();
  }
}

/** Writes clocks (new or changed) in a few statements. */
export async function upsertClocks(db: Db, rows: ClockRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("case_clocks")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(["case_id", "kind"])
          .doUpdateSet((eb) => Object.fromEntries(CLOCK_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
      )
      .execute();
  }
}

/** Clocks that differ from what was loaded (new ones all count). */
export function changedClocks(fresh: ClockRow[], loaded: ClockRow[] | undefined): ClockRow[] {
  if (!loaded) return fresh;
  return fresh.filter((c, i) => !loaded[i] || !sameClock(c, loaded[i]!));
}

/**
 * Refreshes clocks at `now`, derives sort_due and next_check_at, and writes case and clocks. Returns
 * the refreshed rows. `newClocks` are inserted, others updated (only the changed ones when `loaded`,
 * the clocks as read, is given).
 */
export async function saveCase(
  db: Db,
  ctx: CaseContext,
  row: CaseRow,
  clocks: ClockRow[],
  teamName: string | null,
  opts: { newClocks?: boolean; loaded?: ClockRow[] } = {},
): Promise<{ row: CaseRow; clocks: ClockRow[] }> {
  const { row: next, clocks: fresh } = prepareCase(ctx, row, clocks, teamName);
  const { id, ...rest } = next;
  await db.updateTable("cases").set(rest).where("id", "=", id).execute();
  if (opts.newClocks) {
    if (fresh.length) await db.insertInto("case_clocks").values(fresh).execute();
  } else {
    // Only clocks that differ from what was loaded are written; without that baseline, all are.
    for (const c of opts.loaded ? changedClocks(fresh, opts.loaded) : fresh) {
      const { case_id, kind, ...cols } = c;
      await db.updateTable("case_clocks").set(cols).where("case_id", "=", case_id).where("kind", "=", kind).execute();
    }
  }
  if (next.next_check_at !== null) ctx.wake(next.next_check_at);
  return { row: next, clocks: fresh };
}

/** True when refreshing changed nothing worth a write (the common case for a clock that is not moving). */
function sameClock(a: ClockRow, b: ClockRow): boolean {
  return (
    a.target_minutes === b.target_minutes &&
    a.stopped_at === b.stopped_at &&
    a.pauses === b.pauses &&
    a.due_at === b.due_at &&
    a.warn_at === b.warn_at &&
    a.warned_at === b.warned_at &&
    a.breached_at === b.breached_at &&
    a.started_at === b.started_at
  );
}

/** Appends to a case's history; details never carry customer text. */
export async function addEvent(
  db: Db,
  caseId: number,
  at: number,
  kind: string,
  actor: CaseActor,
  details?: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto("case_events")
    .values({ case_id: caseId, at, kind, actor_kind: actor.kind, actor_id: actor.id, details: details ? JSON.stringify(details) : null })
    .execute();
}
