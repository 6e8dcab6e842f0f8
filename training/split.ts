/**
 * Which rows training may see. The rule is fixed so every run holds out the same rows:
 *
 * - a source that defines a dev split (wisesight, czech_absa, shopee, goemotions, tweet_sentiment):
 *   its `split: "dev"` rows are dev;
 * - any other source: a row is dev when FNV-1a-32 of its text (UTF-16 code units, as stored) is
 *   0 modulo 10 (about 10%);
 * - team-written examples (training/data/*.jsonl): dev when FNV-1a-32 of the `id` is 0 modulo 5
 *   (about 20%; the sets are small and every label needs dev rows).
 *
 * Among the remaining training rows, a calibration slice (text hash 1 modulo 20, about 5%) is kept
 * out of the weights and used only to pick the probability thresholds of multi-label heads.
 *
 * @example
 * isDevText("some text"); // false (or true, the same every run)
 */

/** FNV-1a 32-bit over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** The hash rule for sources without their own dev split. */
export function isDevText(text: string): boolean {
  return fnv1a(text) % 10 === 0;
}

/** The hash rule for team-written examples (by id). */
export function isDevId(id: string): boolean {
  return fnv1a(id) % 5 === 0;
}

/** Training rows set aside for threshold calibration. */
export function isCalibrationText(text: string): boolean {
  return fnv1a(text) % 20 === 1;
}
