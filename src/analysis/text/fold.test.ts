import { describe, expect, it } from "vitest";
import { isLatinLetter, prepare } from "./fold.js";
import { matchKey } from "./match-key.js";

describe("one folding for both cue matchers", () => {
  it("folds every Latin letter the same in the lexicon's keys and the reply cues' text", () => {
    let checked = 0;
    for (let code = 0; code < 0x2000; code++) {
      if (!isLatinLetter(code)) continue;
      const ch = String.fromCharCode(code);
      const reply = prepare(ch, true).key;
      // The reply side keeps one unit per unit (offsets); where the lexicon's key is one unit too, they agree.
      const lexicon = matchKey(ch);
      if (lexicon.length === 1) expect(reply, `U+${code.toString(16)}`).toBe(lexicon);
      checked++;
    }
    expect(checked).toBe(656);
  });

  it("meets stretched and unaccented Czech and Vietnamese in both", () => {
    expect(matchKey("Zklamaný")).toBe("zklamany");
    expect(prepare("Zklamaný", true).key).toBe("zklamany");
    expect(prepare("Rất tệ", true).key).toBe(matchKey("Rất") + " " + matchKey("tệ"));
  });

  it("reads apostrophes and native digits alike in both", () => {
    expect(prepare("I’ll ๑๒ ౩", false).key).toBe("i'll 12 3");
    expect(matchKey("I’ll")).toBe(matchKey("i'll"));
    expect(matchKey("๑๒")).toBe("12");
    expect(matchKey("౩")).toBe("3");
  });

  it("keeps the lexicon's token-level steps: runs cut, variation selectors and stray marks dropped", () => {
    expect(matchKey("Soooo")).toBe("so");
    expect(matchKey("งง")).toBe("งง");
    expect(matchKey("❤️")).toBe("❤");
    expect(matchKey("q\u0303")).toBe("q");
  });
});
