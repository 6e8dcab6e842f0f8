/**
 * Calendar months in UTC, as employee feedback is released and closed by month (ingest refuses
 * answers to a closed month; insights releases only closed months).
 *
 * @example
 * monthOf(Date.UTC(2026, 0, 31)); // "2026-01"
 * monthEnd(Date.UTC(2026, 0, 31)); // Date.UTC(2026, 1, 1)
 */

/** YYYY-MM of a UTC instant. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The first instant after the UTC month that contains `ms`. */
export function monthEnd(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
