import { describe, expect, it } from "vitest";
import type { Token } from "../text/token.js";
import { compileLexicon } from "./compile-lexicon.js";
import { matchCues } from "./match-cues.js";
import { matchKey } from "../text/match-key.js";
import { parseLexicon } from "./parse-lexicon.js";

/** Whitespace tokens with offsets: enough to test matching without the text step. */
function tokens(text: string, negatedFrom?: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const norm = m[0].toLowerCase();
    out.push({ kind: "word", start: m.index, end: m.index + m[0].length, norm, fold: matchKey(norm), key: matchKey(norm) });
  }
  if (negatedFrom !== undefined)
    for (let i = negatedFrom + 1; i < out.length; i++) Object.assign(out[i]!, { negated: true, negatedBy: negatedFrom });
  return out;
}

const lexicon = compileLexicon([
  ...parseLexicon(
    [
      "# test lexicon",
      "emotion\tdisappointment\t.\t0.8\tzklamaný",
      "emotion\tfrustration\t.\t0.7\tfrustrat*",
      "sentiment\tpositive\t.\t0.6\thappy",
      "sentiment\tnegative\t.\t0.9\tnot working",
      "sentiment\tpositive\t.\t0.3\tworking",
      "cause\tdelivery_or_wait\t-\t0.8\tยังไม่ได้รับ",
    ].join("\n"),
    "cs",
  ),
]);

describe("matchCues", () => {
  it("matches Czech cues written with diacritics in text written without them", () => {
    const hits = matchCues(tokens("jsem fakt zklamany"), lexicon);
    expect(hits.map((h) => [h.cue.label, h.start, h.end])).toEqual([["disappointment", 10, 18]]);
  });

  it("matches prefix cues and cuts elongation", () => {
    const hits = matchCues(tokens("so FRUSTRATINGGGG"), lexicon);
    expect(hits.map((h) => h.cue.label)).toEqual(["frustration"]);
  });

  it("marks a cue negated only by a negator outside it", () => {
    const notHappy = matchCues(tokens("not happy", 0), lexicon);
    expect(notHappy[0]?.negated).toBe(true);
    const notWorking = matchCues(tokens("still not working", 1), lexicon);
    // the longer cue wins over the word inside it, and its own negator does not negate it
    expect(notWorking.map((h) => [h.cue.text, h.negated])).toEqual([["not working", false]]);
  });

  it("matches Thai cues as substrings across segment boundaries", () => {
    const text = "ยังไม่ ได้รับ ของเลยค่ะ";
    const hits = matchCues(tokens(text), lexicon);
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe("ยังไม่ ได้รับ");
  });
});

describe("parseLexicon", () => {
  it("rejects a malformed line with its line number", () => {
    expect(() => parseLexicon("emotion\tanger\t.\t0.9\tfurious\nemotion\trage\t.\t0.9\tfuming", "en")).toThrow(
      expect.objectContaining({ code: "config.invalid", details: expect.objectContaining({ line: 2 }) }),
    );
  });

  it("requires a polarity on causes", () => {
    expect(() => parseLexicon("cause\tpolicy\t.\t0.5\tpolicy", "en")).toThrow(expect.objectContaining({ code: "config.invalid" }));
  });
});

describe("matchKey", () => {
  it("keeps meaningful Thai doubles but cuts stretched runs", () => {
    expect(matchKey("งง")).toBe("งง");
    expect(matchKey("มากกกก")).toBe("มาก");
    expect(matchKey("Sooooo")).toBe("so");
    expect(matchKey("Nejhoršííí")).toBe("nejhorsi");
    expect(matchKey("❤️")).toBe("❤");
  });
});

describe("hyphenated words", () => {
  it("match a spaced cue across a glued hyphen (Tagalog ipo-post)", () => {
    const lex = compileLexicon(parseLexicon("signal\tpublic_exposure_threat\t.\t0.9\tipo post ko", "tl"));
    const text = "Ipo-post ko to";
    const toks: Token[] = [
      { kind: "word", start: 0, end: 3, norm: "ipo", fold: "ipo", key: "ipo" },
      { kind: "punct", start: 3, end: 4, norm: "-", fold: "-", key: "" },
      { kind: "word", start: 4, end: 8, norm: "post", fold: "post", key: "post" },
      { kind: "word", start: 9, end: 11, norm: "ko", fold: "ko", key: "ko" },
      { kind: "word", start: 12, end: 14, norm: "to", fold: "to", key: "to" },
    ];
    const hits = matchCues(toks, lex);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(["Ipo-post ko"]);
  });
});
