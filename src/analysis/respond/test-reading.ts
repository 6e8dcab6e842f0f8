/**
 * Builds a complete Reading from a few fields, for tests and examples of the respond step (which
 * consumes Readings and must be testable without the reading pipeline).
 *
 * @example
 * const r = makeReading({ language: { code: "en", confidence: 0.9, script: "Latn" }, emotions: [{ label: "anger", score: 0.8, evidence: [] }] });
 */
import type { Reading } from "../../core/reading.js";

export function makeReading(partial: Partial<Reading> = {}): Reading {
  return {
    language: { code: "en", confidence: 0.95, script: "Latn" },
    sentiment: { label: "neutral", score: 0, confidence: 0.5, evidence: [] },
    emotions: [],
    intensity: 0.3,
    needs: [],
    causes: [],
    stage: { label: "in_use", confidence: 0.5, evidence: [] },
    complaint: { is: false, severity: 0, evidence: [] },
    signals: [],
    urgency: { score: 0.2, reasons: [] },
    reach: { score: 0, reasons: [] },
    pii: [],
    version: { pipeline: "test", models: {} },
    ...partial,
  };
}

/** A Reading of an angry complaint about a cause, with the evidence found in `text`. */
export function complaintReading(
  text: string,
  language: string,
  opts: {
    emotion?: Reading["emotions"][number]["label"];
    cause?: Reading["causes"][number]["label"];
    phrase?: string;
    script?: string;
  } = {},
): Reading {
  const phrase = opts.phrase ?? "";
  const at = phrase ? text.indexOf(phrase) : -1;
  const evidence = at >= 0 ? [{ start: at, end: at + phrase.length, text: phrase }] : [];
  return makeReading({
    language: { code: language, confidence: 0.95, script: opts.script ?? "Latn" },
    sentiment: { label: "negative", score: -0.7, confidence: 0.8, evidence },
    emotions: [{ label: opts.emotion ?? "frustration", score: 0.8, evidence }],
    intensity: 0.6,
    causes: opts.cause ? [{ label: opts.cause, polarity: "negative", score: 0.8, evidence }] : [],
    complaint: { is: true, severity: 3, evidence },
  });
}
