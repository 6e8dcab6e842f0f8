/**
 * Combine independent pieces of evidence for one label: each makes the label more likely, none can
 * push it past 1. Two hints of 0.5 give 0.75; a sure cue stays sure.
 *
 * @example
 * noisyOr([0.5, 0.5]); // 0.75
 */
export function noisyOr(scores: Iterable<number>): number {
  let miss = 1;
  for (const s of scores) miss *= 1 - clamp01(s);
  return 1 - miss;
}

/** Clamp to 0..1. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
