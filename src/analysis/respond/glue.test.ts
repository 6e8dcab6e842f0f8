import { describe, expect, it } from "vitest";
import { CAUSES } from "../../core/labels.js";
import type { Reading } from "../../core/reading.js";
import { draftReplies } from "./draft-replies.js";
import { makeReading } from "./test-reading.js";

/** Latin-script sets, where a repeated word is easy to see and to count. */
const LANGUAGES = ["en", "cs", "tl", "te-Latn"] as const;
/** Words a reply repeats without anyone noticing: pronouns, "team", polite forms. */
const COMMON = new Set(["there", "thank", "thanks", "please", "sorry", "aming", "ninyo", "meeku", "naaku", "nenu", "vámi", "deenni"]);

function complaint(key: string, emotion: Reading["emotions"][number]["label"], cause: Reading["causes"][number]["label"]): Reading {
  const [code, script] = key.split("-") as [string, string | undefined];
  return makeReading({
    language: { code, confidence: 0.9, script: script ?? "Latn" },
    sentiment: { label: "negative", score: -0.7, confidence: 0.8, evidence: [] },
    emotions: [{ label: emotion, score: 0.8, evidence: [] }],
    causes: [{ label: cause, polarity: "negative", score: 0.8, evidence: [] }],
    complaint: { is: true, severity: 3, evidence: [] },
    intensity: 0.7,
  });
}

/** Words of six or more letters that two adjacent sentences of the draft's body share. */
function echoes(text: string): string[] {
  const body = text.split("\n\n")[1] ?? "";
  const sentences = body.split(/(?<=[.!?])\s+/u);
  const words = (s: string) => new Set((s.toLocaleLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 6 && !COMMON.has(w)));
  const out: string[] = [];
  for (let i = 1; i < sentences.length; i++) {
    const before = words(sentences[i - 1] as string);
    for (const w of words(sentences[i] as string)) if (before.has(w)) out.push(`${w}: ${sentences[i - 1]} | ${sentences[i]}`);
  }
  return out;
}

describe("draft glue", () => {
  it("never repeats a word in two adjacent sentences ('put this right ... putting it right')", () => {
    const found: string[] = [];
    for (const key of LANGUAGES)
      for (const cause of CAUSES)
        for (const emotion of ["anger", "frustration", "disappointment", "worry"] as const)
          for (const d of draftReplies(complaint(key, emotion, cause), { orderId: "A-1" }, { count: 3 }))
            found.push(...echoes(d.text).map((e) => `${key}: ${e}`));
    expect(found).toEqual([]);
  });

  it("leaves no double space and no space before a full stop", () => {
    for (const key of [...LANGUAGES, "th", "te"])
      for (const cause of CAUSES)
        for (const d of draftReplies(complaint(key, "anger", cause), { customerName: "Anna", agentGender: "male" }, { count: 3 })) {
          expect(d.text, d.text).not.toMatch(/ {2}| \./u);
        }
  });

  it("thanks for praise about the subject the words name, not a cause the Reading guessed", () => {
    const reading = makeReading({
      sentiment: { label: "positive", score: 0.8, confidence: 0.9, evidence: [] },
      emotions: [{ label: "gratitude", score: 0.8, evidence: [] }],
      causes: [{ label: "delivery_or_wait", polarity: "positive", score: 0.7, evidence: [] }],
    });
    for (const d of draftReplies(reading, {}, { message: "Thank you so much, you made my mum's birthday!", count: 3 })) {
      expect(d.situation).toBe("praise");
      expect(d.text).not.toMatch(/deliver/iu);
    }
  });
});
