import { describe, expect, it } from "vitest";
import { applyNegation } from "../text/negation.js";
import { normalise } from "../text/normalise.js";
import { segment } from "../text/segment.js";
import { contentSpans } from "./content-evidence.js";

/** Evidence as a fusion step gave it (on `word`), and as the Reading shows it now. */
function shown(text: string, lang: string, word: string): string[] {
  const tokens = segment(normalise(text), lang);
  applyNegation(tokens, lang);
  const start = text.indexOf(word);
  expect(start).toBeGreaterThanOrEqual(0);
  return contentSpans({ text, tokens, lang }, [{ start, end: start + word.length, text: word }]).map((s) => s.text);
}

describe("evidence shows content words (issue 12, item 9)", () => {
  it("keeps a content word as it is", () => {
    expect(shown("the agent was so rude to me", "en", "rude")).toEqual(["rude"]);
    expect(shown("ఫోన్ పగిలిపోయింది", "te", "పగిలిపోయింది")).toEqual(["పగిలిపోయింది"]);
  });

  it("never shows a lone particle: Tagalog 'rin', Thai 'หน่อย'", () => {
    // before: ["rin"]
    expect(shown("ayaw gumana ng wifi ko ngayon rin", "tl", "rin")[0]).toContain("ngayon");
    // before: ["หน่อย"]; the clause's words come with it
    const th = shown("ช่วยเช็คพัสดุให้หน่อย", "th", "หน่อย")[0]!;
    expect(th).not.toBe("หน่อย");
    expect(th).toContain("พัสดุ");
  });

  it("never shows a lone pronoun or honorific: Telugu 'మీరు', Czech 'Paní'", () => {
    // before: ["మీరు"]
    expect(shown("మీరు పంపిన ఫోన్ పగిలిపోయింది", "te", "మీరు")[0]).toBe("మీరు పంపిన ఫోన్ పగిలిపోయింది");
    // before: ["Paní"]
    expect(shown("Paní na pobočce byla neochotná.", "cs", "Paní")[0]).toBe("Paní na pobočce byla neochotná");
  });

  it("a contrast word shows the clause it opens", () => {
    // before: ["ale"]
    expect(shown("Telefon je hezký, ale baterie nevydrží", "cs", "ale")).toEqual(["ale baterie nevydrží"]);
    // before: ["but"]
    expect(shown("nice staff but the room was dirty", "en", "but")).toEqual(["but the room was dirty"]);
  });

  it("a negator goes with what it negates", () => {
    // before: ["not"]
    expect(shown("the app is not working", "en", "not")).toEqual(["not working"]);
    // before: ["working"]: the model's strongest word, read without its negator
    expect(shown("the app is not working", "en", "working")).toEqual(["not working"]);
    expect(shown("hindi gumagana ang app", "tl", "hindi")[0]).toContain("gumagana");
    // before: ["ไม่"]; "ไม่ได้" (cannot) ends the clause, so the words before it come in, and "ได้" with it
    expect(shown("ขอพักสมาชิกตอนป่วยไม่ได้ ต้องจ่ายต่อ", "th", "ไม่")).toEqual(["สมาชิกตอนป่วยไม่ได้"]);
  });

  it("joins a Thai word the segmenter cut into pieces", () => {
    // before: ["ออ"] (of ออเดอร์, "order")
    expect(shown("ขอโทษที่ออเดอร์ล่าช้านะคะ", "th", "ออ")[0]).toContain("ออเดอร์");
    // before: ["ราย"] (of เฟรนช์ฟรายส์, "French fries")
    expect(shown("ขอโทษที่เฟรนช์ฟรายส์ขาดไปนะคะ", "th", "ราย")[0]).toContain("เฟรนช์ฟรายส์");
    // before: ["ล่วง"] (of ล่วงหน้า, "in advance"): two short syllables glued are one compound
    expect(shown("ต้องนัดล่วงหน้าไหม", "th", "ล่วง")).toEqual(["นัดล่วงหน้า"]);
    // but a glued clause is not taken whole
    expect(shown("รบกวนฝ่ายไอทีเพิ่มสิทธิ์เข้าระบบคืนเงินให้น้องใหม่", "th", "ฝ่าย")[0]!.length).toBeLessThanOrEqual(24);
  });

  it("extends a cut word to the whole word", () => {
    // before: ["nefung"], a stem
    expect(shown("internet vůbec nefunguje", "cs", "nefung")).toEqual(["nefunguje"]);
  });

  it("a label whose every span is a function word shows its clause, not nothing", () => {
    const text = "Hello po, pwede po ba?";
    const tokens = segment(normalise(text), "tl");
    const out = contentSpans({ text, tokens, lang: "tl" }, [{ start: 6, end: 8, text: "po" }]);
    expect(out.length).toBe(1);
    expect(out[0]!.text).not.toBe("po");
  });
});
