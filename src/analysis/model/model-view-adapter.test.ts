import { beforeAll, describe, expect, it } from "vitest";
import { loadLexicons, type Lexicons } from "../lexicon/load-lexicons.js";
import { matchCues } from "../lexicon/match-cues.js";
import { applyNegation } from "../text/negation.js";
import { normalise } from "../text/normalise.js";
import { segment } from "../text/segment.js";
import { loadModelView, type ModelRunner } from "./model-view-adapter.js";

let runner: ModelRunner;
let lexicons: Lexicons;

beforeAll(() => {
  runner = loadModelView();
  lexicons = loadLexicons();
});

/** What read.ts hands the models for `text`. */
function inputOf(text: string, lang: string) {
  const tokens = segment(normalise(text), lang);
  applyNegation(tokens, lang);
  return { tokens, text, lang, hits: matchCues(tokens, lexicons.forLanguage(lang)) };
}

describe("sentimentOf (a clause read alone)", () => {
  // The opening is longer than the closing clause, so the closing clause's cue lies further into the
  // message than the clause is long: its position must count from the clause's start, or it is lost.
  const opening = "I rang on Monday and again on Tuesday and then on Wednesday about the parcel from the shop";
  it.each([
    ["en", "the staff were lovely"],
    ["en", "this is terrible"],
  ])("reads a late clause's cues as the clause alone would (%s: …%s)", (lang, clause) => {
    const text = `${opening}, but ${clause}`;
    const input = inputOf(text, lang);
    const start = text.length - clause.length;
    expect(input.hits.some((h) => h.start >= start)).toBe(true);
    const inMessage = runner.run(input).sentimentOf!({ start, end: text.length });
    const alone = runner.run(inputOf(clause, lang)).sentiment!;
    expect(inMessage.positive).toBeCloseTo(alone.positive, 12);
    expect(inMessage.negative).toBeCloseTo(alone.negative, 12);
    const noCues = runner.run({ ...input, hits: [] }).sentimentOf!({ start, end: text.length });
    expect(inMessage).not.toEqual(noCues);
  });
});
