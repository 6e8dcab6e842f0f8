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
