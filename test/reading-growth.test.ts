/**
 * Every step of reading is linear in the text (issue 11, item 9: 32,768 "👍" took seconds, as cue
 * matching compared every pair of hits). Seeded random texts in each of our scripts (Telugu, Thai,
 * Czech with diacritics, Tagalog/Taglish), in emoji, and all mixed, are read at 65,536 UTF-16 code
 * units (the limit) and 8 times at 8,192: each step on the long text must take under twice the
 * time of the 8 short ones (quadratic would be 8 times). Growth, not wall time: a busy machine
 * slows both alike.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createLanguageIdentifier, type LanguageIdentifier } from "../src/analysis/language/index.js";
import { loadLexicons, type Lexicons } from "../src/analysis/lexicon/load-lexicons.js";
import { matchCues } from "../src/analysis/lexicon/match-cues.js";
import { loadModelView, type ModelRunner } from "../src/analysis/model/model-view-adapter.js";
import { createReader, MAX_TEXT_LENGTH, type Reader } from "../src/analysis/read.js";
import { applyNegation } from "../src/analysis/text/negation.js";
import { normalise } from "../src/analysis/text/normalise.js";
import { findPii } from "../src/analysis/text/pii.js";
import { segment } from "../src/analysis/text/segment.js";
import { breathe, growth } from "./helpers/growth.js";

const WORDS: Record<string, string[]> = {
  te: ["నా", "ఆర్డర్", "ఇంకా", "రాలేదు", "చాలా", "కోపంగా", "ఉంది", "డెలివరీ", "ఆలస్యం", "లేదు", "బాగుంది", "ధన్యవాదాలు"],
  th: ["สั่ง", "ของ", "ไป", "สาม", "วัน", "แล้ว", "ยัง", "ไม่", "ได้", "เลย", "ค่ะ", "ช้า", "มาก", "ผิดหวัง", "ขอบคุณ"],
  cs: ["objednávka", "nepřišla", "jsem", "naštvaný", "čekám", "už", "týden", "nefunguje", "zklamaný", "ne", "děkuji", "vůbec", "příšerné"],
  tl: ["grabe", "wala", "pa", "rin", "yung", "order", "ko", "hindi", "dumating", "sobrang", "tagal", "po", "salamat", "nakakainis"],
  emoji: ["👍", "😡", "👍🏽", "👨‍👩‍👧", "🇹🇭", "❤️", "🙏🏻", "😭", "\u200D", "🤬"],
};
const GLUE = [" ", " ", " ", "", "!", "?", ", ", "\n", " :( ", "!!! "];

/** A deterministic PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random text of `size` code units from the words (and glue) given, never ending in half a pair. */
function randomText(words: string[], seed: number, size: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const w = words[Math.floor(r() * words.length)]! + GLUE[Math.floor(r() * GLUE.length)]!;
    parts.push(w);
    length += w.length;
  }
  return parts
    .join("")
    .slice(0, size)
    .replace(/[\ud800-\udbff]$/, " ");
}

const FAMILIES: [string, (size: number) => string][] = [
  ["one emoji repeated", (size) => "👍".repeat(size / 2)],
  ...Object.entries(WORDS).map(([name, words], i): [string, (size: number) => string] => [name, (size) => randomText(words, i + 1, size)]),
  ["all scripts mixed", (size) => randomText(Object.values(WORDS).flat(), 99, size)],
];

const N = 8_192;
const K = MAX_TEXT_LENGTH / N;

let reader: Reader;
let lid: LanguageIdentifier;
let lexicons: Lexicons;
let models: ModelRunner;
beforeAll(async () => {
  [reader, lid] = await Promise.all([createReader(), createLanguageIdentifier()]);
  lexicons = loadLexicons();
  models = loadModelView();
});

/** The steps of reading one by one (as read.ts runs them), each given the previous one's output. */
function prepared(text: string) {
  const normalised = normalise(text);
  const lang = lid.identify(normalised.text).code;
  const tokens = segment(normalised, lang);
  applyNegation(tokens, lang);
  const hits = matchCues(tokens, lexicons.forLanguage(lang));
  return { text, normalised, lang, tokens, hits };
}

describe.each(FAMILIES)("reading %s grows linearly", (_name, make) => {
  it("the whole reading", () => {
    expect(make(MAX_TEXT_LENGTH).length).toBe(MAX_TEXT_LENGTH);
    expect(growth(make, (t) => reader.analyze(t), N, K)).toBeLessThan(2);
  });

  it("each step", async () => {
    const steps: [string, (p: ReturnType<typeof prepared>) => unknown][] = [
      ["normalise", (p) => normalise(p.text)],
      ["language", (p) => lid.identify(p.normalised.text)],
      ["segment", (p) => segment(p.normalised, p.lang)],
      ["negation", (p) => applyNegation(p.tokens, p.lang)],
      ["cues", (p) => matchCues(p.tokens, lexicons.forLanguage(p.lang))],
      ["models", (p) => models.run({ tokens: p.tokens, text: p.text, lang: p.lang, hits: p.hits })],
      ["pii", (p) => findPii(p.text)],
    ];
    for (const [name, step] of steps) {
      expect(
        growth((size) => prepared(make(size)), step, N, K),
        name,
      ).toBeLessThan(2);
      await breathe();
    }
  });
});

describe("the limit", () => {
  it("reads a text of exactly the limit and refuses a longer one with input.too_large (1.1 MB was `internal`)", () => {
    expect(reader.analyze("👍".repeat(MAX_TEXT_LENGTH / 2)).sentiment.label).toBeDefined();
    for (const size of [MAX_TEXT_LENGTH + 1, 1_100_000]) {
      expect(() => reader.analyze(randomText(Object.values(WORDS).flat(), 7, size))).toThrow(
        expect.objectContaining({ code: "input.too_large", details: expect.objectContaining({ limit: MAX_TEXT_LENGTH, size }) }),
      );
    }
  });
});
