/**
 * The statistics of service metrics, pure: percentiles of durations and shares of counts.
 *
 * @example
 * percentile([10, 20, 30, 40], 0.5); // 25
 * share(3, 4); // 0.75
 */

/**
 * The p-quantile (0..1) by linear interpolation between closest ranks (Hyndman and Fan type 7, the
 * default of R, NumPy and spreadsheets, so a lead can check it in one); null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** part / whole rounded to 3 decimals; null when the whole is 0 (nothing to judge). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

/** Durations in business minutes, summarised. */
export interface DurationStat {
  n: number;
  median: number | null;
  p90: number | null;
}

/** Median and p90 of durations, rounded to a tenth of a minute. */
export function durationStat(minutes: readonly number[]): DurationStat {
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return { n: minutes.length, median: round(percentile(minutes, 0.5)), p90: round(percentile(minutes, 0.9)) };
}

const DAY = 86_400_000;

/**
 * Open cases at the end of each UTC day of [from, to): a case counts from its open instant until it
 * ended (resolved or closed). Days are keyed by their date.
 */
export function backlogPerDay(
  spans: readonly { opened_at: number; ended_at: number | null }[],
  from: number,
  to: number,
): { day: string; open: number }[] {
  const out: { day: string; open: number }[] = [];
  for (let start = Math.floor(from / DAY) * DAY; start < to; start += DAY) {
    const end = start + DAY;
    let open = 0;
    for (const s of spans) if (s.opened_at < end && (s.ended_at === null || s.ended_at >= end)) open += 1;
    out.push({ day: new Date(start).toISOString().slice(0, 10), open });
  }
  return out;
}
