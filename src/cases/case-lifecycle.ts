/**
 * The case lifecycle: new -> open -> waiting -> resolved -> closed, which moves are allowed, and
 * what each move does to the SLA clocks. Pure; `case-actions.ts` stores the result.
 *
 * @example
 * canMove("open", "waiting"); // true
 * applyMove("open", "waiting", clocks, now).clocks; // both clocks paused
 */
import { AttuneError } from "../core/errors.js";
import { pauseClock, reopenClock, resumeClock, stopClock } from "./case-clocks.js";
import type { CaseStatus, ClockRow } from "../store/schema.js";

/** Allowed moves; resolving straight from new (a duplicate, spam) is allowed, closing only after resolving. */
export const MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["open", "waiting", "resolved"],
  open: ["waiting", "resolved"],
  waiting: ["open", "resolved"],
  resolved: ["open", "closed"],
  closed: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return MOVES[from].includes(to);
}

export function isActive(status: CaseStatus): boolean {
  return status === "new" || status === "open" || status === "waiting";
}

/**
 * The clocks after a move at `at`: waiting pauses both, leaving waiting resumes them, resolving
 * stops both (a resolution is also a response), reopening restarts resolution from where it stood.
 */
export function applyMove(from: CaseStatus, to: CaseStatus, clocks: ClockRow[], at: number): { clocks: ClockRow[] } {
  if (!canMove(from, to)) throw new AttuneError("input.invalid_value", { field: "status", from, to, allowed: MOVES[from] });
  let next = clocks;
  if (to === "waiting") next = clocks.map((c) => pauseClock(c, at));
  else if (from === "waiting" && to === "open") next = clocks.map((c) => resumeClock(c, at));
  else if (to === "resolved") next = clocks.map((c) => stopClock(c, at));
  else if (from === "resolved" && to === "open") next = clocks.map((c) => (c.kind === "resolution" ? reopenClock(c, at) : c));
  return { clocks: next };
}
