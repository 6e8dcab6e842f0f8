/**
 * Time as a dependency: everything in cases/ asks a Clock for "now" instead of calling Date.now(),
 * so tests can walk a case through days of SLA time in milliseconds.
 *
 * @example
 * const clock = new ManualClock(Date.parse("2026-11-30T09:00:00Z"));
 * clock.advance(60 * 60_000); // one hour later
 */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to (tests, benchmarks, replays). */
export class ManualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  /** Moves time forward by `ms`. */
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
  /** Jumps to an instant (never backwards: SLA history must stay ordered). */
  set(ms: number): void {
    if (ms < this.t) throw new RangeError("ManualClock cannot go back");
    this.t = ms;
  }
}
