import { describe, expect, it } from "vitest";
import { namesFix } from "./fix-words.js";
import { praiseAfterContrast, praiseFrame, segments } from "./praise-frame.js";
import type { Token } from "../text/token.js";

const fixes = (text: string) => namesFix(text).map((r) => text.slice(r.start, r.end));
/** Word tokens split on spaces: enough for the frame's word counts. */
function words(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}'£$%-]+/gu))
    out.push({ kind: "word", start: m.index, end: m.index + m[0].length, norm: m[0], fold: m[0], key: m[0] });
  return out;
}
const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};

describe("namesFix: the words of a fix", () => {
  it("finds reversals, rebookings, exchanges and a 'then and now'", () => {
    expect(fixes("thank u for reversing the overdraft fee")).toEqual(["reversing"]);
    expect(fixes("wrong size arrived but the exchange was so easy")).toEqual(["the exchange was"]);
    expect(fixes("ของมาชำรุด ส่งรูปไป ได้ของใหม่ในสองวัน")).toEqual(["ได้ของใหม่"]);
    expect(fixes("minule přišel balík rozbitej, tentokrát perfektní")).toEqual(["tentokrát"]);
    expect(fixes("dati sira yung box pagdating, ngayon perfect")).toEqual(["ngayon"]);
    expect(fixes("this time it took three weeks")).toEqual([]);
  });
  it("finds what was done about a past problem, in every seed language", () => {
    expect(fixes("our order was missing a main but the manager comped the whole meal and apologised")).toEqual(["comped", "apologised"]);
    expect(fixes("replacement arrived in 2 days. Love this shop")).toEqual(["replacement arrived"]);
    expect(fixes("Zamkl jsem se z účtu a podpora mě do 10 minut pustila zpátky").length).toBeGreaterThan(0);
    expect(fixes("เตาอบไม่ร้อน ช่างมาเช้าวันรุ่งขึ้น ซ่อมฟรีในประกัน").length).toBeGreaterThan(0);
    expect(fixes("సపోర్ట్ వాళ్ళు రెండు నెలలూ రీఫండ్ చేశారు").length).toBeGreaterThan(0);
    expect(fixes("may kulang na ulam pero nilibre na ni manager").length).toBeGreaterThan(0);
  });
  it("does not take a request or a contact for a fix", () => {
    expect(fixes("I want a refund and a replacement now")).toEqual([]);
    expect(fixes("volal jsem vám třikrát")).toEqual([]);
    expect(fixes("โทรมาห้าครั้งแล้ว")).toEqual([]);
  });
  it("drops a fix in a negator's scope", () => {
    const text = "still not fixed";
    const tokens = words(text);
    tokens[2]!.negated = true;
    expect(namesFix(text, tokens)).toEqual([]);
  });
});

describe("praiseFrame: praise set apart from bare facts", () => {
  it("frames a short opening praise beside a segment of facts", () => {
    const text = "Brilliant app. logged me out 4 times while I was trying to pay rent";
    const f = praiseFrame(text, words(text), [at(text, "Brilliant")]);
    expect(f.framed).toBe(true);
    expect(f.facts.map((r) => text.slice(r.start, r.end))).toEqual(["logged me out 4 times while I was trying to pay rent"]);
  });
  it("does not frame a described merit, a closing thank-you or a mixed review", () => {
    const merit = "The technician who came on Tuesday was brilliant, it works now";
    expect(praiseFrame(merit, words(merit), [at(merit, "brilliant")]).framed).toBe(false);
    const thanks = "the refund landed already. cheers";
    expect(praiseFrame(thanks, words(thanks), [at(thanks, "cheers")]).framed).toBe(false);
    const mixed = "Great food, but the delivery took 2 hours";
    expect(praiseFrame(mixed, words(mixed), [at(mixed, "Great")]).framed).toBe(false);
  });
  it("cuts Thai phrases at spaces and other scripts at punctuation", () => {
    expect(segments("สั่งไซซ์ M ได้ XL เยี่ยมมาก").length).toBeGreaterThan(1);
    expect(segments("Great, the 24-hour repair took three weeks").length).toBe(2);
  });
  it("knows praise after a contrast word", () => {
    const text = "flight was delayed 3 hrs but the crew were brilliant";
    expect(praiseAfterContrast(text, [at(text, "brilliant")])).toBe(true);
    expect(praiseAfterContrast("Great, the repair took three weeks", [{ start: 0 }])).toBe(false);
  });
});
