/**
 * How long a background loop (the reading worker, the case scheduler) waits after failures in a
 * row, so a database outage is neither hammered nor waited out long after it ends: the base pause
 * doubled per failure up to a ceiling, with jitter so several processes do not retry in step.
 *
 * @example
 * retryDelay(1, 250); // 125-250 ms
 * retryDelay(9, 250); // 2.5-5 s
 */
export function retryDelay(failedInARow: number, baseMs: number, ceilingMs = 5_000): number {
  const ceiling = Math.min(ceilingMs, baseMs * 2 ** Math.min(Math.max(failedInARow, 1) - 1, 16));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
