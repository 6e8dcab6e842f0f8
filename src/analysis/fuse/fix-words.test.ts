import { describe, expect, it } from "vitest";
import { namesFix } from "./fix-words.js";
import type { Token } from "../text/token.js";

const fixes = (text: string, tokens?: Token[]) => namesFix(text, tokens).map((r) => text.slice(r.start, r.end));

describe("namesFix: its pre-check and its kept answer change nothing", () => {
  it("finds a then-and-now fix behind each 'then' word, whatever its case", () => {
    expect(fixes("Last time the box was crushed, this time perfect")).toEqual(["this time"]);
    expect(fixes("THE FIRST TIME it broke. this time fine")).toEqual(["this time"]);
    expect(fixes("last order came late, since then every parcel on time")).toEqual(["since then every"]);
    expect(fixes("Minule přišel balík rozbitej, tentokrát perfektní")).toEqual(["tentokrát"]);
    expect(fixes("Dati sira yung box, ngayon perfect")).toEqual(["ngayon"]);
    expect(fixes("nung una late, ngayon ang bilis")).toEqual(["ngayon"]);
    expect(fixes("గత ఆర్డర్ ఆలస్యం, ఈసారి బాగుంది")).toEqual(["ఈసారి"]);
    expect(fixes("ముందు పాడైంది ఆ తర్వాత బాగుంది")).toEqual(["ఆ తర్వాత"]);
  });
  it("needs the 'then' word as a whole word before the 'now' word, as before", () => {
    expect(fixes("this time it took three weeks")).toEqual([]);
    expect(fixes("adati sira, ngayon perfect")).toEqual([]);
    expect(fixes("tentokrát perfektní, minule rozbitej")).toEqual([]);
  });
  it("applies each call's negations to the kept answer of the same text", () => {
    const text = "still not fixed";
    const negated: Token = { kind: "word", start: 10, end: 15, norm: "fixed", fold: "fixed", key: "fixed", negated: true };
    expect(fixes(text)).toEqual(["fixed"]);
    expect(fixes(text, [negated])).toEqual([]);
    expect(fixes(text, [{ ...negated, negated: false }])).toEqual(["fixed"]);
  });
  it("gives each caller its own list", () => {
    const text = "they fixed it and refunded me";
    namesFix(text).pop();
    expect(fixes(text)).toEqual(["fixed", "refunded"]);
  });
});

describe("namesFix: fixes said in each language", () => {
  it("finds thanks for a fix, a replacement sent, an early arrival and a fix verb in every seed language", () => {
    expect(fixes("thanks for sorting my login so fast")).toEqual(["for sorting"]);
    expect(fixes("when are you fixing this")).toEqual([]);
    expect(fixes("pobočka mi hned druhý den dala novou")).toEqual(["dala novou"]);
    expect(fixes("modem, co jste poslali místo starého, jede mnohem líp")).toEqual(["poslali místo", "jede mnohem líp"]);
    expect(fixes("balík dorazil o den dřív")).toEqual(["dorazil o den dřív"]);
    expect(fixes("parcel hub lo stuck, kani oka roju mundhe vachindi")).toEqual(["mundhe vachindi"]);
    expect(fixes("wifi fix chesinanduku thanks")).toEqual(["fix chesinanduku"]);
    expect(fixes("పార్సిల్ ఒక రోజు ముందే వచ్చింది")).toEqual(["ముందే వచ్చ"]);
    expect(fixes("dumating nang mas maaga yung order")).toEqual(["dumating nang mas maaga"]);
    expect(fixes("พัสดุมาก่อนกำหนด")).toEqual(["มาก่อนกำหนด"]);
    expect(fixes("మొదటి ఆర్డర్ ఆలస్యం, ఆ తర్వాత అంతా టైమ్‌కి")).toEqual(["ఆ తర్వాత"]);
  });
  it("keeps a fix that holds its own negator and drops one whose first word is negated", () => {
    // Word tokens over [start, end) spans; ไม่ negates what follows it, not itself.
    const tokens = (text: string, spans: [number, number, boolean][]): Token[] =>
      spans.map(([start, end, negated]) => {
        const w = text.slice(start, end);
        return { kind: "word", start, end, norm: w, fold: w, key: w, negated };
      });
    const gone = "ปัญหาไม่มีแล้ว";
    expect(
      fixes(
        gone,
        tokens(gone, [
          [0, 5, false],
          [5, 8, false],
          [8, 10, true],
          [10, 14, true],
        ]),
      ),
    ).toEqual(["ไม่มีแล้ว"]);
    const notYet = "ยังไม่แก้ไขให้";
    expect(
      fixes(
        notYet,
        tokens(notYet, [
          [0, 3, false],
          [3, 6, false],
          [6, 11, true],
          [11, 14, true],
        ]),
      ),
    ).toEqual([]);
  });
});
