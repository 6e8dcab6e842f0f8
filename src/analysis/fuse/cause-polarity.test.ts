import { describe, expect, it } from "vitest";
import type { CauseReading } from "../../core/reading.js";
import type { CueHit } from "../lexicon/match-cues.js";
import type { FuseInput } from "./fuse-input.js";
import { modelCausePolarity } from "./cause-polarity.js";
import { turnCauses } from "./cause-turns.js";
import { toSpans } from "./evidence.js";

/** A cue hit on `word` of `text`. */
function hit(text: string, word: string, kind: "sentiment" | "cause", label: string, polarity: "+" | "-" | null = null): CueHit {
  const start = text.indexOf(word);
  return {
    cue: { kind, label, polarity, weight: 0.7, text: word, lang: "en" },
    first: 0,
    last: 0,
    start,
    end: start + word.length,
    negated: false,
    intensity: 1,
  };
}
function input(text: string, hits: CueHit[], tone?: (part: string) => number): FuseInput {
  const sentimentOf = tone
    ? (r: { start: number; end: number }) => {
        const t = tone(text.slice(r.start, r.end));
        return { positive: t > 0 ? 0.8 : 0.1, neutral: t === 0 ? 0.8 : 0.1, negative: t < 0 ? 0.8 : 0.1 };
      }
    : undefined;
  return { text, tokens: [], hits, model: sentimentOf ? { sentimentOf, evidence: () => [] } : undefined, context: {} };
}
const spans = (text: string, ...words: string[]) =>
  toSpans(
    text,
    words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length })),
  );

describe("modelCausePolarity: the clauses that hold the model's words", () => {
  const text = "Love the customer service team, always friendly. The network coverage though is shocking.";
  const friendly = hit(text, "friendly", "cause", "staff_treatment", "+");
  it("leaves out a clause another cause's cue explains, and reads the rest", () => {
    const shocking = (part: string) => (part.includes("shocking") ? -1 : 0);
    const ev = spans(text, "service", "network coverage");
    expect(modelCausePolarity(input(text, [friendly], shocking), "service_quality", ev, false)).toBe("-");
  });
  it("falls back to the first evidence clause, then the mood, when nothing votes", () => {
    const ev = spans(text, "service", "network coverage");
    expect(modelCausePolarity(input(text, [friendly]), "service_quality", ev, true)).toBe("+");
    expect(modelCausePolarity(input("the network coverage", []), "service_quality", spans("the network coverage", "network"), true)).toBe(
      "-",
    );
  });
});

describe("turnCauses: sincere praise before a contrast word", () => {
  const text = "Great beer, lovely garden, but 25 minutes for the first beer is too much";
  const cause = (label: CauseReading["label"], ...words: string[]): CauseReading => ({
    label,
    polarity: "positive",
    score: 0.8,
    evidence: spans(text, ...words),
  });
  it("keeps praise told before 'but' positive in a sarcastic or leaving message, flips the rest", () => {
    const causes = [cause("product_quality", "Great beer"), cause("delivery_or_wait", "25 minutes")];
    for (const turn of [
      { sarcastic: true, settled: false },
      { sarcastic: false, settled: false, leaving: true },
    ]) {
      const out = turnCauses(input(text, []), causes, turn);
      expect(out.map((c) => c.polarity)).toEqual(["positive", "negative"]);
    }
  });
  it("flips every praise in sarcasm without a contrast word", () => {
    const t = "Great, the 24-hour repair took three weeks";
    const out = turnCauses(input(t, []), [{ label: "service_quality", polarity: "positive", score: 0.8, evidence: spans(t, "repair") }], {
      sarcastic: true,
      settled: false,
    });
    expect(out[0]!.polarity).toBe("negative");
  });
});

describe("turnCauses: a settled problem praises its fix as service", () => {
  it("adds praised service from the fix words beside other praise", () => {
    const t = "Received a damaged item, sent a photo, replacement arrived in 2 days. Love this shop";
    const quick: CauseReading = { label: "delivery_or_wait", polarity: "positive", score: 0.7, evidence: spans(t, "2 days") };
    const out = turnCauses(input(t, []), [quick], { sarcastic: false, settled: true });
    expect(out.map((c) => [c.label, c.polarity])).toEqual([
      ["delivery_or_wait", "positive"],
      ["service_quality", "positive"],
    ]);
    expect(out[1]!.evidence.map((e) => e.text)).toEqual(["replacement arrived"]);
  });
  it("adds nothing when service is praised already", () => {
    const t = "replacement arrived in 2 days, great service";
    const svc: CauseReading = { label: "service_quality", polarity: "positive", score: 0.7, evidence: spans(t, "great service") };
    expect(turnCauses(input(t, []), [svc], { sarcastic: false, settled: true })).toEqual([svc]);
  });
});
