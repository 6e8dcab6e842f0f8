import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from "./business-calendar.js";

/** One SLA clock's history: when it started, when it was paused (waiting on the customer), when it stopped. */
export interface ClockHistory {
  startedAt: number;
  /** Pauses in order; the last may still be open (`to: null`). */
  pauses: { from: number; to: number | null }[];
  /** When the target was met (first reply sent, case resolved); absent while running. */
  stoppedAt?: number;
}

export type ClockStatus = "running" | "paused" | "met" | "breached";

/** What a clock says at an instant. Due and warning times are computed from history, not polled. */
export interface ClockReading {
  status: ClockStatus;
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  /** When the target will be missed if nothing happens; null while paused or stopped. */
  dueAt: number | null;
  /** When to warn that the breach is near (`warnFraction` of the target used); null while paused or stopped. */
  warnAt: number | null;
  /** When it was breached (past `dueAt`, or stopped late). */
  breachedAt: number | null;
}

/**
 * Read an SLA clock at `now`: working minutes elapsed (pauses excluded), when it falls due, when to
 * warn, and whether it was met or breached. Pure: the same history and `now` give the same answer.
 *
 * @example
 * readClock(cal, 240, { startedAt, pauses: [] }, now).dueAt; // 4 working hours after startedAt
 */
export function readClock(
  cal: BusinessCalendar,
  targetMinutes: number,
  history: ClockHistory,
  now: number,
  warnFraction = 0.8,
): ClockReading {
  const end = history.stoppedAt ?? now;
  const elapsedAt = (t: number): number => {
    let minutes = businessMinutesBetween(cal, history.startedAt, t);
    for (const p of history.pauses) minutes -= businessMinutesBetween(cal, Math.max(p.from, history.startedAt), Math.min(p.to ?? t, t));
    return Math.max(0, minutes);
  };
  const elapsed = elapsedAt(end);
  const open = history.pauses[history.pauses.length - 1];
  const paused = history.stoppedAt === undefined && open !== undefined && open.to === null;

  // The clock last (re)started here; the due time counts on from this point.
  const resumedAt = Math.max(history.startedAt, ...history.pauses.map((p) => p.to ?? -Infinity));
  const usedAtResume = elapsedAt(resumedAt);
  const dueFromHistory = addBusinessMinutes(cal, resumedAt, targetMinutes - usedAtResume);

  let status: ClockStatus;
  let breachedAt: number | null = null;
  if (history.stoppedAt !== undefined) {
    status = elapsed > targetMinutes ? "breached" : "met";
    if (status === "breached") breachedAt = paused ? null : dueFromHistory;
  } else if (paused) {
    status = elapsed > targetMinutes ? "breached" : "paused";
  } else {
    status = now >= dueFromHistory ? "breached" : "running";
    if (status === "breached") breachedAt = dueFromHistory;
  }
  const running = history.stoppedAt === undefined && !paused;
  const warnLeft = targetMinutes * warnFraction - usedAtResume;
  return {
    status,
    targetMinutes,
    elapsedMinutes: round(elapsed),
    remainingMinutes: round(targetMinutes - elapsed),
    dueAt: running ? dueFromHistory : null,
    warnAt: running ? (warnLeft > 0 ? addBusinessMinutes(cal, resumedAt, warnLeft) : resumedAt) : null,
    breachedAt,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
