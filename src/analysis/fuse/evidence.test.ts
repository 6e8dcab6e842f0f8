import { describe, expect, it } from "vitest";
import { hasMatch, loosened, matchRanges } from "./evidence.js";

const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";

/** Every match found the plain way, with no pre-check. */
function allMatches(text: string, re: RegExp): { start: number; end: number }[] {
  return [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe("loosened (the pre-check of a rule pattern)", () => {
  it("drops lookarounds, nested ones and those holding brackets and classes, and keeps the rest", () => {
    const re = new RegExp(`${W}(?:fell|(?<=a[)(]b)x|y(?!\\)))${E}|โทร`, "giu");
    expect(loosened(re)?.source).toBe("(?:fell|x|y)|โทร");
    expect(loosened(re)?.flags).toBe("iu");
  });

  it("has none for a pattern without lookarounds or where dropping one is not safe", () => {
    expect(loosened(/["“][^"”]{1,40}["”]/gu)).toBeNull();
    expect(loosened(/(a)(?=b)\1/g)).toBeNull();
    expect(loosened(/[(?=]x/g)).toBeNull();
  });
});

describe("matchRanges and hasMatch with the pre-check", () => {
  const re = new RegExp(`${W}(?:fell|slipped|the (?:floor|step) was wet)${E}|ลื่นล้ม|(?<=last time[^\\n]{1,20})this time`, "giu");
  const texts = [
    "My dad slipped, and I fell too",
    "the step was wet and he FELL",
    "refelled, slippedy, fellow",
    "พื้นลื่นล้มเลย",
    "last time broken, this time fine",
    "this time fine",
    "",
  ];

  it("finds exactly the matches found without it", () => {
    for (const t of texts) {
      expect(matchRanges(t, re)).toEqual(allMatches(t, re));
      expect(hasMatch(t, re)).toBe(allMatches(t, re).length > 0);
    }
  });

  it("leaves the pattern ready for the next text", () => {
    expect(hasMatch("he fell", re)).toBe(true);
    expect(re.lastIndex).toBe(0);
    expect(matchRanges("he fell", re)).toEqual([{ start: 3, end: 7 }]);
  });
});
