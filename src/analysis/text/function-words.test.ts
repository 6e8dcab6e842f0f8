import { describe, expect, it } from "vitest";
import { isFunctionForm } from "./function-words.js";

describe("isFunctionForm: the kept answers", () => {
  it("answers a form the same when asked again, per language", () => {
    const asks: [string, string, boolean][] = [
      ["rin", "tl", true],
      ["sira", "tl", false],
      ["the", "en", true],
      ["the", "cs", false],
      ["prosim", "cs", true],
      ["Prosím", "cs", true],
      ["refund", "en", false],
    ];
    for (let round = 0; round < 2; round++)
      for (const [w, lang, is] of asks) expect([w, lang, isFunctionForm(w, lang)]).toEqual([w, lang, is]);
  });
  it("normalises a decomposed form before the kept answer is stored", () => {
    const decomposed = "Prosi\u0301m";
    expect(isFunctionForm(decomposed, "cs")).toBe(true);
    expect(isFunctionForm(decomposed, "cs")).toBe(true);
    expect(isFunctionForm("anything", "xx")).toBe(false);
  });
});
