/**
 * Saving a case with its clocks in one place, so every path (triage, scheduler, API) refreshes due
 * times, the queue's sort key and the next check the same way; the statements are in src/store.
 *
 * @example
 * await withWriteTransaction(store, (trx) => saveCase(trx, ctx, row, clocks, "Support CZ"));
 */
import type { Kysely } from "kysely";
import { insertClocks, updateClocks } from "../store/case-clocks.js";
import { addCaseEvents } from "../store/case-history.js";
import { updateCase } from "../store/cases.js";
import { calendarFor, earliestDue, nextClockInstant, refreshClock } from "./case-clocks.js";
import type { CaseActor, CaseContext } from "./case-context.js";
import { type CaseRow, type ClockRow, type Database } from "../store/schema.js";
import { NO_DUE } from "../store/cases.js";

export type Db = Kysely<Database>;

/** The earliest instant the scheduler must look at this case again. */
export function nextCheckOf(row: Pick<CaseRow, "follow_up_at" | "follow_up_fired_at">, clocks: ClockRow[]): number | null {
  const c = nextClockInstant(clocks);
  const f = row.follow_up_at !== null && row.follow_up_fired_at === null ? row.follow_up_at : null;
  if (c === null) return f;
  return f === null ? c : Math.min(c, f);
}

/** Refreshes clocks at `now` and derives the case's sort_due, breached and next_check_at (no I/O). */
export function prepareCase(
  ctx: Pick<CaseContext, "rules" | "clock">,
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
  await updateCase(db, next);
  // Only clocks that differ from what was loaded are written; without that baseline, all are.
  if (opts.newClocks) await insertClocks(db, fresh);
  else await updateClocks(db, opts.loaded ? changedClocks(fresh, opts.loaded) : fresh);
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
  await addCaseEvents(db, [
    { case_id: caseId, at, kind, actor_kind: actor.kind, actor_id: actor.id, details: details ? JSON.stringify(details) : null },
  ]);
}
