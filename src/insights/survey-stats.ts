/**
 * Survey scores with 95% intervals, from counts per score (so SQL only groups and counts):
 * NPS = % promoters (9-10) − % detractors (0-6), its variance from the three-way multinomial;
 * CSAT = share of 4-5 answers in percent, with the Wilson score interval (good near 0 and 100 and
 * at small n); CES = mean score with Student's t interval. Pure math.
 *
 * @example
 * scoreStats("nps", [{ score: 10, count: 50 }, { score: 3, count: 20 }, { score: 8, count: 30 }]);
 * // { n: 100, value: 30, ci_low: 14.69, ci_high: 45.31 }
 */

export type SurveyKind = "nps" | "csat" | "ces";
export const SURVEY_KINDS: readonly SurveyKind[] = ["nps", "csat", "ces"];

export interface ScoreCount {
  score: number;
  count: number;
}

export interface ScoreStat {
  n: number;
  /** NPS in points (-100..100), CSAT in percent (0..100), CES as the mean score (1..7); null when n = 0. */
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

const Z = 1.959963984540054;

/**
 * One answer's value in the metric's own points, the outcome the driver regression explains:
 * NPS promoter +100, passive 0, detractor −100; CSAT 100 when satisfied (4-5) else 0; CES the score.
 */
export function answerValue(kind: SurveyKind, score: number): number {
  if (kind === "nps") return score >= 9 ? 100 : score <= 6 ? -100 : 0;
  if (kind === "csat") return score >= 4 ? 100 : 0;
  return score;
}

/** The metric and its 95% interval over answers given as counts per score. */
export function scoreStats(kind: SurveyKind, counts: readonly ScoreCount[]): ScoreStat {
  const n = counts.reduce((s, c) => s + c.count, 0);
  if (n === 0) return { n, value: null, ci_low: null, ci_high: null };
  if (kind === "nps") return nps(counts, n);
  if (kind === "csat")
    return wilson(
      counts.filter((c) => c.score >= 4).reduce((s, c) => s + c.count, 0),
      n,
    );
  return tMean(counts, n);
}

function nps(counts: readonly ScoreCount[], n: number): ScoreStat {
  const share = (keep: (s: number) => boolean) => counts.filter((c) => keep(c.score)).reduce((s, c) => s + c.count, 0) / n;
  const pro = share((s) => s >= 9);
  const det = share((s) => s <= 6);
  const value = 100 * (pro - det);
  // Var(1{pro} − 1{det}) = p+ + p− − (p+ − p−)² for one answer; divide by n for the mean.
  const half = Z * 100 * Math.sqrt(Math.max(0, pro + det - (pro - det) ** 2) / n);
  return { n, value: round(value), ci_low: round(Math.max(-100, value - half)), ci_high: round(Math.min(100, value + half)) };
}

function wilson(k: number, n: number): ScoreStat {
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { n, value: round(100 * p), ci_low: round(100 * (centre - half)), ci_high: round(100 * (centre + half)) };
}

function tMean(counts: readonly ScoreCount[], n: number): ScoreStat {
  const mean = counts.reduce((s, c) => s + c.score * c.count, 0) / n;
  if (n < 2) return { n, value: round(mean), ci_low: null, ci_high: null };
  const ss = counts.reduce((s, c) => s + c.count * (c.score - mean) ** 2, 0);
  const half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { n, value: round(mean), ci_low: round(mean - half), ci_high: round(mean + half) };
}

// Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom (standard tables).
const T_TABLE = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5% quantile of Student's t: the table to 30 degrees of freedom, Cornish-Fisher's expansion above (error < 1e-4). */
export function t975(df: number): number {
  if (df <= 30) return T_TABLE[Math.max(1, Math.floor(df)) - 1]!;
  const z = Z;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
