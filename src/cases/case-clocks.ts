/**
 * The two SLA clocks of a case (first response, resolution) as stored rows, moved by lifecycle
 * events: started, paused while waiting on the customer, resumed, stopped when met, restarted on
 * reopening. Due and warning instants are recomputed from the history with `readClock`, never
 * counted down; the scheduler wakes at the earliest of them.
 *
 * @example
 * const clocks = startClocks(7, { firstResponseMinutes: 30, resolutionMinutes: 240 }, sentAt);
 * const fresh = clocks.map((c) => refreshClock(c, cal, now, 0.8).row);
 */
import type { BusinessCalendar } from "./business-calendar.js";
import type { CaseRules } from "./case-rules.js";
import type { ClockKind, ClockRow } from "../store/schema.js";
import { readClock, type ClockHistory, type ClockReading } from "./sla-clock.js";

export const CLOCK_KINDS: ClockKind[] = ["first_response", "resolution"];

type Pause = { from: number; to: number | null };

/** New clocks for a case, both started at `at`. */
export function startClocks(caseId: number, targets: { firstResponseMinutes: number; resolutionMinutes: number }, at: number): ClockRow[] {
  return CLOCK_KINDS.map((kind) => ({
    case_id: caseId,
    kind,
    target_minutes: kind === "first_response" ? targets.firstResponseMinutes : targets.resolutionMinutes,
    started_at: at,
    stopped_at: null,
    pauses: "[]",
    due_at: null,
    warn_at: null,
    warned_at: null,
    breached_at: null,
  }));
}

export function pausesOf(row: Pick<ClockRow, "pauses">): Pause[] {
  return JSON.parse(row.pauses) as Pause[];
}

/** The history `readClock` needs. */
export function historyOf(row: ClockRow): ClockHistory {
  return { startedAt: row.started_at, pauses: pausesOf(row), ...(row.stopped_at !== null ? { stoppedAt: row.stopped_at } : {}) };
}

function isPaused(row: ClockRow): boolean {
  const p = pausesOf(row);
  return p.length > 0 && p[p.length - 1]!.to === null;
}

/** Waiting on the customer: a running clock stops counting from `at`. */
export function pauseClock(row: ClockRow, at: number): ClockRow {
  if (row.stopped_at !== null || isPaused(row)) return row;
  return { ...row, pauses: JSON.stringify([...pausesOf(row), { from: Math.max(at, row.started_at), to: null }]) };
}

/** The customer answered: a paused clock counts again from `at`. */
export function resumeClock(row: ClockRow, at: number): ClockRow {
  if (!isPaused(row)) return row;
  const p = pausesOf(row);
  const last = p[p.length - 1]!;
  p[p.length - 1] = { from: last.from, to: Math.max(at, last.from) };
  return { ...row, pauses: JSON.stringify(p) };
}

/** The target was reached at `at` (reply sent, case resolved); an open pause ends there. */
export function stopClock(row: ClockRow, at: number): ClockRow {
  if (row.stopped_at !== null) return row;
  const resumed = resumeClock(row, at);
  return { ...resumed, stopped_at: Math.max(at, row.started_at) };
}

/** Reopened: the time it stood resolved does not count against the team. */
export function reopenClock(row: ClockRow, at: number): ClockRow {
  if (row.stopped_at === null) return row;
  const p = pausesOf(row);
  p.push({ from: row.stopped_at, to: Math.max(at, row.stopped_at) });
  return { ...row, stopped_at: null, pauses: JSON.stringify(p), warned_at: null };
}

/**
 * Re-read a clock at `now`: fills due and warn instants. A running clock's breach is recorded by the
 * scheduler when it wakes at the due time (it also alerts); a clock stopped late is recorded here.
 */
export function refreshClock(
  row: ClockRow,
  cal: BusinessCalendar,
  now: number,
  warnFraction: number,
): { row: ClockRow; reading: ClockReading } {
  const reading = readClock(cal, row.target_minutes, historyOf(row), now, warnFraction);
  const breachedAt =
    row.breached_at ?? (row.stopped_at !== null && reading.status === "breached" ? (reading.breachedAt ?? row.stopped_at) : null);
  return { row: { ...row, due_at: reading.dueAt, warn_at: reading.warnAt, breached_at: breachedAt }, reading };
}

/** The calendar of a team (by name), else the workspace default. */
export function calendarFor(rules: CaseRules, teamName: string | null | undefined): BusinessCalendar {
  return (teamName ? rules.teamCalendars[teamName] : undefined) ?? rules.calendar;
}

/**
 * When the scheduler must look at clocks next: the earliest warning not yet given and due time not
 * yet passed, of clocks that are running.
 */
export function nextClockInstant(rows: ClockRow[]): number | null {
  let next: number | null = null;
  const consider = (t: number | null) => {
    if (t !== null && (next === null || t < next)) next = t;
  };
  for (const r of rows) {
    if (r.stopped_at !== null || r.due_at === null) continue;
    if (r.warned_at === null && r.breached_at === null) consider(r.warn_at);
    if (r.breached_at === null) consider(r.due_at);
  }
  return next;
}

/** The queue's due key: the earliest due time of a running clock. */
export function earliestDue(rows: ClockRow[]): number | null {
  let due: number | null = null;
  for (const r of rows) if (r.stopped_at === null && r.due_at !== null && (due === null || r.due_at < due)) due = r.due_at;
  return due;
}
