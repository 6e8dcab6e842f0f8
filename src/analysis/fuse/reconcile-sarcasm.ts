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

/**
 * Signals that report a grievance going on now: contacted again and again, a hazard. A customer
 * leaving is not one on its own: goodbyes for a move abroad thank the company (measured on the team
 * examples: churn added 5 false complaints of 13).
 */
const GRIEVANCES: ReadonlySet<string> = new Set(["repeat_contact", "safety_issue"]);

/**
 * A grievance said is a negative state now, whatever polite or warm words carry it ("సపోర్ట్‌ని ఇప్పటికే
 * రెండుసార్లు కాంటాక్ట్ చేశా", "nagme-message ulit ako kasi ... hindi pinansin", "may skimmer sa card
 * slot ng ATM nyo"): a tone read as praise with no praise word in it turns negative, with the signal's words as evidence. The
 * caller skips settled problems (their signals are past) and plain questions.
 *
 * @example
 * grievanceTone(sentiment, signals, false); // {label: "negative", ...} when repeat_contact is read
 */
export function grievanceTone(sentiment: Reading["sentiment"], signals: readonly SignalReading[], keep: boolean): Reading["sentiment"] {
  const grievance = signals.find((s) => GRIEVANCES.has(s.label));
  // `keep`: praise said in words ("Ilang beses na kayong napatunayan sa amin") or an employee
  // writing; only a tone the model guessed without a praise word gives way to the grievance.
  if (!grievance || sentiment.label !== "positive" || keep) return sentiment;
  return {
    label: "negative",
    score: round(-Math.max(0.3, Math.abs(sentiment.score))),
    confidence: round(sentiment.confidence * 0.8),
    evidence: grievance.evidence,
  };
}
