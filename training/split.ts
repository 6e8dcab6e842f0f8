/**
 * Which rows training may see. The rule is fixed so every run holds out the same rows:
 *
 * - a source that defines a dev split (wisesight, czech_absa, shopee, goemotions, tweet_sentiment):
 *   its `split: "dev"` rows are dev;
 * - any other source: a row is dev when FNV-1a-32 of its text (UTF-16 code units, as stored) is
 *   0 modulo 10 (about 10%);
 * - team-written examples (training/data/*.jsonl): dev when FNV-1a-32 of the `id` is 0 modulo 5
 *   (about 20%; the sets are small and every label needs dev rows);
 * - a training row whose exact text is also a dev text (of any set) is dropped.
 *
 * Among the remaining training rows, a calibration slice (text hash 1 modulo 20, about 5%) is kept
 * out of the weights and used only to pick the probability thresholds of multi-label heads.
 * The functions live in src/analysis/model/holdout.ts so that `attune train` uses the same rule.
 *
 * @example
 * isDevText("some text"); // false (or true, the same every run)
 */
export { fnv1a, isCalibrationText, isDevId, isDevText } from "../src/analysis/model/holdout.js";
