import { SIGNALS } from "../../core/labels.js";
import type { Reading, SignalReading } from "../../core/reading.js";
import { toSpans, type Range } from "./evidence.js";
import { positiveHits, strength, type FuseInput } from "./fuse-input.js";
import { noisyOr } from "./noisy-or.js";

// Emoji that turn praise into its opposite when the rest of the message complains.
const IRONY_MARKS = new Set(["🙄", "🙃", "😒", "🤡", "👏"]);

/**
 * Signals (churn, public exposure, legal, safety, repeat contact, sarcasm): cues that are not
 * negated ("I won't cancel" is no churn threat), the model's signal head where it is sure, and one
 * rule for sarcasm the cues cannot see: praise words in a message whose tone is negative, marked
 * with an eye-roll or the like.
 *
 * @example
 * fuseSignals(input, sentiment); // [{label: "churn_threat", evidence: [{text: "cancel my account", ...}]}]
 */
export function fuseSignals(input: FuseInput, sentiment: Reading["sentiment"]): SignalReading[] {
  const out: SignalReading[] = [];
  for (const label of SIGNALS) {
    const hits = positiveHits(input, "signal", label);
    const cueScore = noisyOr(hits.map(strength));
    const model = input.model?.signals?.[label] ?? 0;
    let ranges: Range[] = [];
    if (cueScore >= 0.3) ranges = hits;
    else if (model >= 0.6 && input.model) ranges = input.model.evidence("signals", label);
    if (label === "sarcasm" && ranges.length === 0) ranges = ironicPraise(input, sentiment);
    const evidence = toSpans(input.text, ranges);
    if (evidence.length > 0) out.push({ label, evidence });
  }
  return out;
}

function ironicPraise(input: FuseInput, sentiment: Reading["sentiment"]): Range[] {
  if (sentiment.label !== "negative") return [];
  const marks = input.tokens.filter((t) => t.kind === "emoji" && IRONY_MARKS.has(t.norm.replace(/\uFE0F/g, "")));
  if (marks.length === 0) return [];
  const praise = positiveHits(input, "sentiment", "positive");
  if (praise.length === 0) return [];
  return [...praise, ...marks];
}
