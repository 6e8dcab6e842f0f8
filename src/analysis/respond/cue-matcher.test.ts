import { describe, expect, it } from "vitest";
import { compileCues, findCues } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";

const texts = (spans: { text: string }[]) => spans.map((s) => s.text);

describe("compileCues / findCues", () => {
  it("matches whole words in Latin text, case-insensitively, with both apostrophes", () => {
    const m = compileCues(["i'll", "sorry", "order"], "latin");
    expect(texts(findCues(m, prepare("SORRY! I’ll check your order, not the orderly.")))).toEqual(["SORRY", "I’ll", "order"]);
  });

  it("treats a trailing star as any continuation and a leading star as any beginning", () => {
    const m = compileCues(["apologi*", "*స్తాను"], "prefix");
    expect(texts(findCues(m, prepare("We apologise. I apologized.")))).toEqual(["apologise", "apologized"]);
    expect(texts(findCues(compileCues(["*స్తాను"], "prefix"), prepare("నేను పంపిస్తాను, మీకు")))).toEqual(["పంపిస్తాను"]);
  });

  it("reads ~ as up to eight words of the same sentence, and * inside a phrase as any continuation", () => {
    const m = compileCues(["left ~ in the rain"], "latin");
    expect(texts(findCues(m, prepare("driver left my parcel in the rain")))).toEqual(["left my parcel in the rain"]);
    expect(findCues(m, prepare("I left. It was in the rain"))).toHaveLength(0);
    expect(findCues(m, prepare("left one two three four five six seven eight nine in the rain"))).toHaveLength(0);
    const cs = compileCues(["dárkov* kart* ~ neplatn*"], "latin", true);
    expect(findCues(cs, prepare("dárková karta co jsem dostala k narozeninám píše že je neplatná", true))).toHaveLength(1);
    expect(findCues(cs, prepare("prodáváte dárkové karty?", true))).toHaveLength(0);
  });

  it("reads # as a number, native digits included", () => {
    const m = compileCues(["within # hours", "# ชั่วโมง"], "latin");
    expect(texts(findCues(m, prepare("I'll call within 24 hours")))).toEqual(["within 24 hours"]);
    const th = compileCues(["# ชั่วโมง"], "nospace");
    expect(findCues(th, prepare("ภายใน ๒ ชั่วโมงค่ะ"))).toHaveLength(1);
  });

  it("ignores Latin diacritics on both sides when the language folds", () => {
    const m = compileCues(["omlouvám*", "je mi líto"], "latin", true);
    expect(texts(findCues(m, prepare("Omlouvam se, je mi lito.", true)))).toEqual(["Omlouvam", "je mi lito"]);
  });

  it("matches Thai anywhere, with or without spaces between the words of a cue", () => {
    const m = compileCues(["ขออภัย", "ติดต่อ กลับ"], "nospace");
    expect(texts(findCues(m, prepare("ต้องขออภัยค่ะ จะติดต่อกลับนะคะ")))).toEqual(["ขออภัย", "ติดต่อกลับ"]);
  });

  it("returns spans of the original text, so evidence can be shown as written", () => {
    const text = "Dear İlkay, we APOLOGISE.";
    const [span] = findCues(compileCues(["apologise"], "latin"), prepare(text));
    expect(span).toBeDefined();
    expect(text.slice(span!.start, span!.end)).toBe(span!.text);
    expect(span!.text).toBe("APOLOGISE");
  });

  it("prefers the longest cue at a position", () => {
    const m = compileCues(["sorry", "sorry for the inconvenience"], "latin");
    expect(texts(findCues(m, prepare("Sorry for the inconvenience.")))).toEqual(["Sorry for the inconvenience"]);
  });

  it("handles 100 KB of adversarial input in a few milliseconds", () => {
    const m = compileCues(["within # hours", "i will", "sorry for the inconvenience", "apologi*"], "latin");
    const text = "sorry for the ".repeat(4000) + "1".repeat(20000) + " within ".repeat(4000);
    const t0 = performance.now();
    findCues(m, prepare(text));
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it("compiles an empty list to a matcher that finds nothing", () => {
    expect(findCues(compileCues([], "latin"), prepare("anything"))).toEqual([]);
  });
});
