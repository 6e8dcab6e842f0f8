/**
 * Growth, not wall time: does a step take longer per unit of input on a long input than on a
 * short one? The step runs once on an input `k` times as long and `k` times on the short one:
 * linear, both take about as long (ratio 1); quadratic, the long one takes `k` times as long.
 * Tests assert the ratio, so a busy machine (which slows both runs alike) does not fail them;
 * absolute times live in bench/.
 *
 * @example
 * expect(growth((n) => "👍".repeat(n / 2), (t) => reader.analyze(t), 8_192, 8)).toBeLessThan(2);
 */

/**
 * This process's CPU time of `fn` in ms, best of `reps` runs: the least disturbed one (a
 * neighbour taking the core adds wall time, not CPU time; the best run misses most GC pauses).
 */
export function cpuMs(fn: () => unknown, reps = 3): number {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

/**
 * A step that takes less than this (ms) on the long input is too quick to time against GC pauses,
 * and harmless: counted as linear.
 */
export const GRAIN_MS = 20;

/**
 * Time of the step on `make(n * k)` over `k` times its time on `make(n)`: about 1 when the step is
 * linear, `k` when quadratic. Inputs are made before timing. Measured up to `tries` times, keeping
 * the smallest ratio (noise only ever adds time to one side; a quadratic step is slow every time;
 * five tries, as a busy 2-core machine can disturb two or three in a row);
 * it stops at the first clearly linear one.
 */
export function growth<T>(make: (size: number) => T, step: (input: T) => unknown, n: number, k: number, tries = 5): number {
  const short = make(n);
  const long = make(n * k);
  step(short); // warm up: compile and fill caches before either run is timed
  let ratio = Infinity;
  for (let i = 0; i < tries && ratio > 1.25; i++) {
    const tLong = cpuMs(() => step(long));
    if (tLong < GRAIN_MS) return 1;
    const tShort = cpuMs(() => {
      for (let j = 0; j < k; j++) step(short);
    });
    ratio = Math.min(ratio, tLong / Math.max(tShort, 1e-3));
  }
  return ratio;
}

/**
 * One macrotask's pause between long CPU-bound checks: a forks-pool worker answers the runner's RPC
 * only when it reaches the event loop, and a test blocking it past vitest's fixed 60 s RPC timeout
 * fails a green run with "Timeout calling onTaskUpdate" (see yield-between-tests.ts).
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
