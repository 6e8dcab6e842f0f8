/**
 * The urgency bands the overview counts messages in: upper bounds, each band half-open, the last
 * closed ([0, .2), [.2, .4), [.4, .6), [.6, .8), [.8, 1]). One list for the live count
 * (store/urgency-band.ts builds its SQL from it) and the API; the rollup migrations keep frozen
 * copies, checked against it by store/urgency-band.test.ts.
 *
 * @example
 * urgencyBand(0.45); // 2
 */
export const URGENCY_BANDS = [0.2, 0.4, 0.6, 0.8, 1] as const;

/** The band (0-based) an urgency score falls in. */
export function urgencyBand(score: number): number {
  const i = URGENCY_BANDS.findIndex((upper) => score < upper);
  return i === -1 ? URGENCY_BANDS.length - 1 : i;
}
