/**
 * Ridge regression with an unpenalised intercept and a heteroscedasticity-robust (HC1 sandwich)
 * covariance, fitted from grouped rows: every distinct (indicator pattern, outcome) pair comes
 * with its count, so a million answers that share a few hundred cause patterns cost a few hundred
 * rows. Pure math, no I/O.
 *
 * Why the sandwich: survey outcomes are bounded and lumpy (NPS per answer is -100, 0 or +100), so
 * the residual variance differs between patterns; HC1 stays valid without assuming it constant,
 * and unlike a bootstrap it is exact, deterministic and one matrix product over the groups.
 *
 * @example
 * const fit = ridgeFit([{ x: [0], y: -100, count: 40 }, { x: [], y: 100, count: 60 }], 1, 1);
 * fit.beta[0]; // about -200: answers with feature 0 score 200 points lower
 */

/** Grouped observations: `x` lists the indices of the indicators that are 1. */
export interface GroupedRow {
  x: readonly number[];
  y: number;
  count: number;
}

export interface RidgeFit {
  n: number;
  intercept: number;
  /** Coefficient per indicator. */
  beta: number[];
  /** HC1 standard error per indicator. */
  se: number[];
}

/**
 * Fits y = a + Σ b_j x_j minimising Σ (y - ŷ)² + λ Σ b_j² (the intercept unpenalised).
 * `p` is the number of indicators; rows may name each indicator at most once.
 */
export function ridgeFit(rows: readonly GroupedRow[], p: number, lambda: number): RidgeFit {
  const k = p + 1; // column 0 is the intercept
  const xtx = zeros(k, k);
  const xty = new Array<number>(k).fill(0);
  let n = 0;
  for (const r of rows) {
    const cols = [0, ...r.x.map((j) => j + 1)];
    for (const a of cols) {
      xty[a]! += r.count * r.y;
      for (const b of cols) xtx[a]![b]! += r.count;
    }
    n += r.count;
  }
  const penalised = xtx.map((row, i) => row.map((v, j) => (i === j && i > 0 ? v + lambda : v)));
  const inv = invert(penalised);
  const coef = inv.map((row) => dot(row, xty));
  const meat = zeros(k, k);
  for (const r of rows) {
    const cols = [0, ...r.x.map((j) => j + 1)];
    const e = r.y - cols.reduce((s, c) => s + coef[c]!, 0);
    for (const a of cols) for (const b of cols) meat[a]![b]! += r.count * e * e;
  }
  const scale = n > k ? n / (n - k) : 1;
  const cov = multiply(multiply(inv, meat), inv);
  return {
    n,
    intercept: coef[0]!,
    beta: coef.slice(1),
    se: coef.slice(1).map((_, j) => Math.sqrt(Math.max(0, cov[j + 1]![j + 1]! * scale))),
  };
}

function zeros(r: number, c: number): number[][] {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function multiply(a: number[][], b: number[][]): number[][] {
  const out = zeros(a.length, b[0]!.length);
  for (let i = 0; i < a.length; i++)
    for (let t = 0; t < b.length; t++) {
      const v = a[i]![t]!;
      if (v !== 0) for (let j = 0; j < b[0]!.length; j++) out[i]![j]! += v * b[t]![j]!;
    }
  return out;
}

/**
 * Inverse by Gauss-Jordan elimination with partial pivoting. The ridge term keeps the penalised
 * block positive definite; an empty intercept (no rows) is the one singular case and gives zeros.
 */
export function invert(m: readonly (readonly number[])[]): number[][] {
  const k = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return zeros(k, k);
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const d = a[col]![col]!;
    for (let j = 0; j < 2 * k; j++) a[col]![j]! /= d;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f !== 0) for (let j = 0; j < 2 * k; j++) a[r]![j]! -= f * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(k));
}
