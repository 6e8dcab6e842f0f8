import { describe, expect, it } from "vitest";
import { neverAProblem } from "./never-problem.js";

const found = (text: string) => neverAProblem(text).map((r) => text.slice(r.start, r.end));

describe("neverAProblem: a problem that never happened", () => {
  it("finds a long customer's 'never a problem' in every seed language", () => {
    expect(found("eight years with you and never had a single problem")).toEqual(["never had a single problem"]);
    expect(found("Pojištění u vás mám dlouho a nikdy jste mě nezklamali")).toEqual(["nikdy jste mě nezklamali"]);
    expect(found("myčka deset let a nikdy se nepokazila")).toEqual(["nikdy se nepokazila"]);
    expect(found("ใช้แอปนี้มาสามปี ไม่เคยมีปัญหาเลย")).toEqual(["ไม่เคยมีปัญหา"]);
    expect(found("నాలుగేళ్ళుగా ఈ నెట్‌వర్క్, ఎప్పుడూ సమస్య రాలేదు")).toEqual(["ఎప్పుడూ సమస్య రాలేదు"]);
    expect(found("5 years ee app vadutunna, eppudu problem raledu")).toEqual(["eppudu problem raledu"]);
    expect(found("matagal na akong customer, hindi pa ako nagkaproblema")).toEqual(["hindi pa ako nagkaproblema"]);
  });
  it("leaves what names no problem, and a record broken now", () => {
    expect(found("I've never been to Ohio, please freeze my card")).toEqual([]);
    expect(found("ఒక్కసారి కూడా టైమ్‌కి రాలేదు")).toEqual([]);
    expect(found("never had a problem until now, the app won't open")).toEqual([]);
    expect(found("nikdy žádný problém a teď tohle")).toEqual([]);
    expect(found("nikdy žádný problém, díky")).toEqual(["nikdy žádný problém"]);
    expect(found("ไม่เคยมีปัญหา จนเดือนนี้เน็ตหลุดทุกวัน")).toEqual([]);
  });
});
