/**
 * The one-sided Poisson test behind spike alerts: how surprising are `k` events in an hour when the
 * channel's own recent history says to expect `lambda`? Computed in log space, so a thousand
 * complaints against a baseline of two does not overflow.
 *
 * @example
 * poissonUpperTail(12, 2); // ≈ 1.2e-5: twelve in an hour is a spike when two is normal
 */

/** ln(n!) exactly for small n, by Stirling's series beyond (error < 1e-10). */
export function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 30) {
    let s = 0;
    for (let i = 2; i <= n; i++) s += Math.log(i);
    return s;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/** P(X >= k) for X ~ Poisson(lambda). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // Sum the tail from k upwards; terms shrink once i > lambda, so stop when they stop mattering.
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (i > lambda && term < sum * 1e-12) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}
