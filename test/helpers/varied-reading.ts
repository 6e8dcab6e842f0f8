/**
 * Readings that vary with a message number, without the reading pipeline: the rollup tests need
 * many different sentiments, emotions, causes and urgencies, reproducibly.
 *
 * @example
 * variedReading(7, "th").sentiment.label; // "neutral"
 */
import { makeReading } from "../../src/analysis/respond/test-reading.js";
import type { Reading } from "../../src/core/reading.js";

export const EMOTIONS = ["anger", "joy", "worry", "gratitude"] as const;
export const CAUSES = ["delivery_or_wait", "price_or_billing", "staff_treatment"] as const;
export const SENTIMENTS = ["negative", "neutral", "positive"] as const;

/** Sentiment, emotions, causes and urgency cycle with `i`; `version` stamps who "read" it. */
export function variedReading(i: number, lang: string, version?: Reading["version"]): Reading {
  return makeReading({
    ...(version ? { version } : {}),
    language: { code: lang, confidence: 0.9, script: "Latn" },
    sentiment: { label: SENTIMENTS[i % 3]!, score: (i % 3) - 1, confidence: 0.8, evidence: [] },
    emotions:
      i % 5
        ? [{ label: EMOTIONS[i % 4]!, score: 0.7, evidence: [] }, ...(i % 7 ? [] : [{ label: "worry" as const, score: 0.5, evidence: [] }])]
        : [],
    causes: [{ label: CAUSES[i % 3]!, polarity: i % 2 ? "negative" : "positive", score: 0.6, evidence: [] }],
    urgency: { score: (i % 10) / 10, reasons: [] },
  });
}
