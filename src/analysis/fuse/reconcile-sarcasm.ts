import { WARM_EMOTIONS, type EmotionLabel } from "../../core/labels.js";
import type { Reading, ScoredLabel, SignalReading } from "../../core/reading.js";
import { round } from "./fuse-scored-labels.js";

/**
 * Sarcastic praise means its opposite: "Thanks a lot 🙄" is not gratitude. When the sarcasm
 * signal holds, the praise words stop counting as warm feelings and the tone turns negative, with
 * the sarcasm's own words as evidence.
 *
 * @example
 * reconcileSarcasm(sentiment, emotions, signals); // {sentiment: {label: "negative", ...}, emotions: [...]}
 */
export function reconcileSarcasm(
  sentiment: Reading["sentiment"],
  emotions: ScoredLabel<EmotionLabel>[],
  signals: SignalReading[],
): { sentiment: Reading["sentiment"]; emotions: ScoredLabel<EmotionLabel>[] } {
  const sarcasm = signals.find((s) => s.label === "sarcasm");
  if (!sarcasm) return { sentiment, emotions };
  const kept = emotions.filter((e) => !WARM_EMOTIONS.has(e.label));
  if (sentiment.label !== "positive") return { sentiment, emotions: kept };
  return {
    sentiment: {
      label: "negative",
      score: round(-Math.max(0.3, Math.abs(sentiment.score))),
      confidence: round(sentiment.confidence * 0.8),
      evidence: sarcasm.evidence,
    },
    emotions: kept,
  };
}
