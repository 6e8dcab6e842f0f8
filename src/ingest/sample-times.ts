/**
 * The sample workspace brought up to now: its files are dated once (the 60 days before 2026-11-25),
 * and a workspace that first starts months later would show a queue "overdue by 69 days" and empty
 * recent charts. On loading, every customer and agent message moves forward by the same whole
 * number of days, so the newest lands within the last day and each keeps its local time of day
 * (business hours stay business hours). Employee feedback moves by whole calendar months instead,
 * so a month of pulse surveys stays one month (closed months stay closed, and the people-team view
 * has the same groups); what would land after now is pressed into the part of the month gone by.
 *
 * @example
 * const shift = sampleShift(rows, Date.now());
 * const moved = rows.map(shift); // sent_at moved, everything else as it was
 */

const DAY = 86_400_000;

/** A JSONL row of the sample files, as far as dating it goes. */
export interface SampleRow {
  sent_at?: string;
  direction?: string;
  [k: string]: unknown;
}

/** Moves each row's `sent_at` relative to `now`; rows without a time stay as they are. */
export function sampleShift(rows: readonly SampleRow[], now: number): (row: SampleRow) => SampleRow {
  const times = rows.filter((r) => r.sent_at && r.direction !== "employee").map((r) => Date.parse(r.sent_at!));
  if (!times.length) return (r) => r;
  const newest = Math.max(...times);
  const days = Math.max(0, Math.floor((now - newest) / DAY));
  const end = new Date(newest);
  const current = new Date(now);
  const months = (current.getUTCFullYear() - end.getUTCFullYear()) * 12 + current.getUTCMonth() - end.getUTCMonth();
  return (row) => {
    if (!row.sent_at) return row;
    const at = Date.parse(row.sent_at);
    const moved = row.direction === "employee" ? intoThePast(addMonths(at, months), now) : at + days * DAY;
    return { ...row, sent_at: new Date(moved).toISOString() };
  };
}

/** The same day of the month and time `n` months later (the last day when the month is shorter). */
export function addMonths(at: number, n: number): number {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** A time after `now` in now's month, scaled into the part of that month already gone by. */
function intoThePast(at: number, now: number): number {
  if (at <= now) return at;
  const n = new Date(now);
  const start = Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), 1);
  const next = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1);
  return start + Math.floor(((at - start) / (next - start)) * (now - start));
}
