import { matchRanges } from "./evidence.js";
import type { Range } from "./evidence.js";

/**
 * A worry the writer had before, told in the past ("I was nervous to book again", "bála jsem se",
 * "kinabahan ako", "ตอนแรกกังวล", "భయపడ్డాను"): a fear that did not come true. Followed by a turn
 * to praise ("... but this time everything was perfect"), the state now is good, so it is no
 * complaint (issue 12: a negative state now, not a past one). A worry still held ("I'm worried",
 * "bojím se", "กังวลมาก") is not past and is not matched.
 *
 * @example
 * pastWorry("was worried after the food scare but the new kitchen is spotless"); // [{start: 0, end: 11}]
 */
export function pastWorry(text: string): Range[] {
  return matchRanges(text, PAST_WORRY);
}

const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
const PAST_WORRY = new RegExp(
  [
    `${W}(?:(?:I|we) was|(?:I|we) were|was|were|I'd been|had been|at first I was) (?:a (?:bit|little) )?(?:worried|nervous|scared|afraid|sceptical|skeptical|anxious|hesitant|unsure)${E}`,
    `${W}(?:bál[ai]? jsem se|báli jsme se|měl[ai]? jsem (?:obavy|strach)|byl[ai]? jsem skeptick\\p{L}*|byl[ai]? jsem nervózní)${E}`,
    `${W}(?:kinabahan (?:ako|kami)|natakot (?:ako|kami)|nag-?alala (?:ako|kami)|nag-?aalangan (?:ako|kami))${E}`,
    `ตอนแรก(?:ก็)?(?:กังวล|กลัว|ไม่มั่นใจ|ลังเล)|เคยกังวล|เคยกลัว`,
    `భయపడ్డా[\\p{L}\\p{M}]*|భయం వేసింది|టెన్షన్ పడ్డా[\\p{L}\\p{M}]*|అనుమానపడ్డా[\\p{L}\\p{M}]*`,
    `${W}(?:bhayapadda\\p{L}*|bhayam vesindi|tension padda\\p{L}*)${E}`,
  ].join("|"),
  "giu",
);
