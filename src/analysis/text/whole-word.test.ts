import { describe, expect, it } from "vitest";
import { compileLexicon } from "../lexicon/compile-lexicon.js";
import { matchCues } from "../lexicon/match-cues.js";
import { parseLexicon } from "../lexicon/parse-lexicon.js";
import { compileCues, findCues, type BoundaryMode } from "../respond/cue-matcher.js";
import { prepare } from "./fold.js";
import { normalise } from "./normalise.js";
import { segment } from "./segment.js";
import { onWordBoundaries, prefixEndsSyllable, thaiWordBoundaries } from "./whole-word.js";

/** What the lexicon matcher (the Reading's) finds of one cue in a text, as matched text. */
function lexiconFinds(cue: string, text: string, lang: string): string[] {
  const lex = compileLexicon(parseLexicon(`sentiment\tnegative\t.\t0.8\t${cue}\n`, lang));
  const n = normalise(text);
  return matchCues(segment(n, lang), lex).map((h) => text.slice(h.start, h.end));
}

/** What the reply-cue matcher (the empathy check's) finds of one cue in a text. */
function replyFinds(cue: string, text: string, mode: BoundaryMode, fold = false): string[] {
  return findCues(compileCues([cue], mode, fold), prepare(text, fold)).map((s) => s.text);
}

describe("whole-word cue matching, alike in both matchers", () => {
  it("Telugu: a prefix cue stops at a syllable end, never before a virama", () => {
    expect(lexiconFinds("బాధ*", "మేము బాధ్యులం కాదు", "te")).toEqual([]);
    expect(replyFinds("బాధ", "మేము బాధ్యులం కాదు", "prefix")).toEqual([]);
    // suffixes attach to the stem: the whole word is the evidence
    expect(lexiconFinds("బాధ*", "చాలా బాధపడుతున్నాను", "te")).toEqual(["బాధపడుతున్నాను"]);
    expect(replyFinds("బాధ", "చాలా బాధపడుతున్నాను", "prefix")).toEqual(["బాధపడుతున్నాను"]);
    // a cue written up to its virama (an English loan) takes the plural and case endings
    expect(replyFinds("కాల్", "మీ కాల్స్ అందాయి", "prefix")).toEqual(["కాల్స్"]);
  });

  it("Tagalog and English: a cue without `*` is a whole word", () => {
    expect(lexiconFinds("masaya", "masayang masaya ako", "tl")).toEqual(["masaya"]);
    expect(replyFinds("masaya", "masayang araw", "latin")).toEqual([]);
    expect(lexiconFinds("sorry", "sorrynotsorry, so sorry", "en")).toEqual(["sorry"]);
    expect(replyFinds("sorry", "sorrynotsorry, so sorry", "latin")).toEqual(["sorry"]);
  });

  it("Czech: diacritics folded on both sides, the word still whole", () => {
    expect(lexiconFinds("zklamaný", "jsem zklamany, nezklamaný ne", "cs")).toEqual(["zklamany"]);
    expect(replyFinds("omlouvám", "omlouvam se, neomlouvám", "latin", true)).toEqual(["omlouvam"]);
  });

  it("Thai: the empathy check's cues fall on Intl.Segmenter word boundaries", () => {
    expect(replyFinds("เสีย", "เสียใจมากค่ะ", "nospace")).toEqual([]);
    expect(replyFinds("เสียใจ", "เสียใจมากค่ะ", "nospace")).toEqual(["เสียใจ"]);
    const bounds = thaiWordBoundaries("เสียใจมาก");
    expect(onWordBoundaries(bounds, 0, 4)).toBe(false);
    expect(onWordBoundaries(bounds, 0, 6)).toBe(true);
  });

  it("prefixEndsSyllable allows vowel signs and consonants after the stem, not a virama", () => {
    expect(prefixEndsSyllable("కోపంగా", 3)).toBe(true);
    expect(prefixEndsSyllable("బాధ్యులం", 3)).toBe(false);
    expect(prefixEndsSyllable("బాధ", 3)).toBe(true);
  });
});
