import { matchRanges } from "./evidence.js";
import type { Range } from "./evidence.js";

/**
 * A problem that never happened, told as a long customer's praise: "never had an issue in ten
 * years", "nikdy jste mě nezklamali", "ไม่เคยมีปัญหาเลย", "ఒక్కసారి కూడా ప్రాబ్లమ్ రాలేదు", "hindi pa
 * ako nagkaproblema". The problem word is there, negated by "never": there is no negative state,
 * so it is no complaint (issue 12). A "now" after it ("until now", "a teď", "ngayon") is the
 * contrast of a complaint and unmatches it; the caller checks that no turn ("but ...") follows.
 * "never been to Ohio" or "not once on time" name no problem and are not matched.
 *
 * @example
 * neverAProblem("12 years with you and never had a single problem"); // [{start: 20, end: 47}]
 */
export function neverAProblem(text: string): Range[] {
  // "never had a problem until now", "... a teď tohle": a now after it is the contrast of a complaint.
  return matchRanges(text, NEVER).filter((r) => !NOW.test(text.slice(r.end)));
}

const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
const NEVER = new RegExp(
  [
    `${W}(?:never (?:once )?(?:had|got|faced) (?:a |an |any |one |a single )?(?:issue|problem|complaint|trouble|fault)s?|never (?:once )?let (?:me|us) down|not (?:a )?single (?:issue|problem))${E}`,
    `${W}(?:nikdy (?:jste |m[eě] |mne |n[aá]s |mi |se |nic )*(?:nezklamal\\p{L}*|nepodvedl\\p{L}*|nepokazil\\p{L}*|nebyl\\p{L}* (?:chyb\\p{L}*|probl[eé]m\\p{L}*|[sš]patn[eě]))|nikdy [zž][aá]dn\\p{L}* (?:probl[eé]m|chyb)\\p{L}*)${E}`,
    `${W}(?:hindi (?:pa |pa ako |ako |kami |pa kami )?(?:kailanman )?(?:nagka-?problema|binigo|pinabayaan)|walang (?:naging )?problema kahit minsan|never (?:pa )?(?:ako |kami )?nagka-?problema)${E}`,
    `ไม่เคย(?:มี)?ปัญหา|ไม่เคยเสีย|ไม่เคย(?:ทำให้)?ผิดหวัง`,
    `(?:ఎప్పుడూ|ఒక్కసారి కూడా) (?:\\S+ )?(?:ఇబ్బంది|సమస్య|ప్రాబ్లమ్|ప్రాబ్లం|రిపేర్) రాలేదు`,
    `${W}(?:eppudu|okkasari kuda) (?:\\S+ )?(?:problem|issue|ibbandi|samasya) (?:raledu|ledu)${E}`,
  ].join("|"),
  "giu",
);
/** Words of a present that breaks the record: "until now", "this time", "teď", "ngayon", "ఇప్పుడు". */
const NOW = new RegExp(
  `${W}(?:until|till|now|this (?:time|month|week)|až|teď|ted|tentokrát|ngayon|hanggang|ippudu|ee sari)${E}|จน|ตอนนี้|รอบนี้|ครั้งนี้|ఇప్పుడు|ఈసారి|ఈ సారి`,
  "iu",
);
