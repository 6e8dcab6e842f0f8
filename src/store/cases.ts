/**
 * The cases aggregate: a case with its SLA clocks, history, notes, goodwill and checked replies.
 *
 * @example
 * const row = await findCase(store.db, 1, 42);
 */

/** Sort key of a case without a running clock: after every real due time (same on both dialects). */
export const NO_DUE = 8_000_000_000_000_000;
