import type { Token } from "../text/token.js";
import { matchRanges } from "./evidence.js";
import type { Range } from "./evidence.js";

/**
 * Words of a fix: thanks for a solved problem name what was done ("fixed", "sent a new one under
 * warranty", "the manager comped the meal and apologised", "do 10 minut mě pustila zpátky",
 * "ซ่อมฟรีในประกัน", "రీఫండ్ చేశారు", "nilibre na ni manager"). Sarcastic praise names none: its
 * facts are the problem itself. A negated fix ("still not fixed", "nobody called back") is none.
 *
 * The patterns of every seed language run on every message (different words and scripts; Taglish
 * and romanised Telugu mix in English).
 *
 * @example
 * namesFix("the manager comped the whole meal and apologised", tokens); // [{start: 12, end: 18}, ...]
 */
export function namesFix(text: string, tokens?: readonly Token[]): Range[] {
  const found = fixWords(text);
  if (!tokens || found.length === 0) return [...found];
  // The fix's first word decides: "not fixed" is none, but a fix that holds its own negator
  // ("ไม่มีแล้ว" = no more, "ไม่คิดเงิน" = no charge) is one.
  return found.filter((r) => tokens.find((t) => t.start < r.end && t.end > r.start)?.negated !== true);
}

/**
 * The fix words of a text outside quotes. Several rules ask for the fixes of the same message
 * (settled problems, sarcasm, cause turns), so the last answer is kept, as `clauses` does.
 */
function fixWords(text: string): readonly Range[] {
  if (text === last.text) return last.found;
  // A fix in quotes is the promise being mocked ('the heating you "fixed"'), and speed words
  // ("fast", "within 24 hours") are what promises say: neither is a fix.
  const quoted = matchRanges(text, QUOTED);
  // The then-and-now pattern looks back up to 80 characters at every position; without one of its
  // "then" words it can match nowhere, and the rest finds the same fixes.
  const fix = THEN.test(text) ? FIX : FIX_NOW;
  const found = matchRanges(text, fix)
    .filter((r) => !quoted.some((q) => r.start >= q.start && r.end <= q.end))
    .map((r) => Object.freeze(r));
  last = { text, found };
  return found;
}

let last: { text: string; found: readonly Range[] } = { text: "", found: [] };

/** Double quotes only: apostrophes are too common inside words ("didn't") to pair. */
const QUOTED = /["“„«][^"“”„«»\n]{1,40}["”“»]/gu;
const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
const FIX_WORDS = [
  `${W}(?:fixed|sorted|resolved|solved|repaired|replaced|(?:a |the )?replacement (?:came|arrived|was)|quicker than|sooner than|(?:a day|days) early|took (?:it )?over|sent (?:me )?a replacement|refunded|(?:got|gave me) (?:a|my|the) refund|full refund|rebooked|helped|in no time|got me back|apologi[sz]\\p{L}*|comped|on the house|waived|(?:sent|had|gave) (?:me )?a new one|no fuss|restored|unlocked|let me back|back to normal|is gone|gone since|works (?:again|now|perfectly)|stable|caught|called me|rang me|credited|revers(?:ed|ing)|rebook(?:ing|ed)?|(?:the )?exchange was|(?:since then|ever since) every|for (?:fixing|sorting|resolving|replacing|refunding|unblocking|unlocking|waiving|rebooking))${E}`,
  `${W}(?:opravil\\p{L}*|spravil\\p{L}*|vyřeš\\p{L}*|vyřídil\\p{L}*|vyměnil\\p{L}*|výměn\\p{L}*|vrátil\\p{L}*|pomohl\\p{L}*|obratem|omluvil\\p{L}*|omluv\\p{L}*|odpustil\\p{L}*|odpuštění|náhrad\\p{L}*|pustil\\p{L}* zpátky|přebook\\p{L}*|stabiln\\p{L}*|mi (?:\\p{L}+ )?(?:za)?volal\\p{L}*|(?:poslal|dal|měl|přivezl)\\p{L}*(?: \\p{L}+){0,3} nov(?:ou|ý|é|ej)|poslal\\p{L}* (?:\\p{L}+ )?místo|(?:dorazil|přišl|doručil)\\p{L}* (?:o den |o \\p{L}+ dn\\p{L}* )?(?:dřív|dříve|předčasně)|(?:jede|funguje|běží)(?: už| teď| zase| mnohem)? (?:líp|lépe|zase|znovu))${E}`,
  `${W}(?:naayos|inayos|naresolba|na-?resolve|pinalitan|ni-?refund|na-?refund|tinulungan|nilibre|nag-?sorry|nag-?apologize|kapalit|naibalik|binalik|ayos na|okay na|ok na|gumagana na|stable na|tinawagan (?:pa )?ako|niluto ulit|rebooking|(?:dumating|naideliver|nadeliver) (?:nang |ng )?(?:mas )?maaga|mas maaga (?:dumating|naideliver|nadeliver))${E}`,
  `แก้ไขให้|แก้ให้|เปลี่ยนให้|คืนเงินให้|คืนให้|ช่วยเหลือ|ช่วยกู้|กู้คืน|เรียบร้อย|มาขอโทษ|ขอโทษด้วย|ไม่คิดเงิน|ซ่อมฟรี|ซ่อมให้|ส่ง\\S{0,6}ใหม่|ยกเว้นค่า|ไม่มีแล้ว|หายแล้ว|ใช้ได้แล้ว|ได้ของใหม่|ได้เครื่องใหม่|เปลี่ยนไฟลท์ให้|เปลี่ยนง่าย|(?:มา|ถึง|ส่ง)ก่อนกำหนด`,
  `పరిష్కరించ|సరిచేశా|సరి చేశా|సరిచేసి|సరి చేసి|ముందే వచ్చ|ముందుగానే వచ్చ|మార్చి ఇచ్చా|రీఫండ్ చేశా|రీఫండ్ ఇచ్చా|సహాయం చేశా|సెట్ చేశా|ఓపెన్ చేశా|రిపేర్|రీప్లేస్‌మెంట్|సారీ చెప్ప|ఫ్రీగా|రీబుక్`,
  `${W}(?:kotthadi|kothadi|kotha(?:di)? pamp\\p{L}*|repair chesa\\p{L}*|fix chesa\\p{L}*|free ga|sorry cheppa\\p{L}*|malli chesi|refund chesa\\p{L}*|set chesa\\p{L}*|free chesi|kotha version|mund(?:h)?e vach\\p{L}*|mund(?:h)?e ochindi|(?:fix|solve|sort|repair|replace|refund|reverse|unblock) chesi\\p{L}*)${E}`,
];
/** The "then" words of a then-and-now fix. */
const THEN_WORDS = "minule|last time|the first time|first order|dati|nung una|last order|గత|ముందు|మొదటి";
/** Then and now: "minule přišel balík rozbitej, tentokrát perfektní", "last time ... this time", "dati ... ngayon". */
const THEN_AND_NOW = `(?<=${W}(?:${THEN_WORDS})[^\\n]{1,80})${W}(?:tentokrát|this time|ee sari|ngayon|since then|ఈసారి|ఆ తర్వాత)${E}`;
const FIX = new RegExp([...FIX_WORDS, THEN_AND_NOW].join("|"), "giu");
/** The same without then-and-now, for texts with no "then" word (same matches there). */
const FIX_NOW = new RegExp(FIX_WORDS.join("|"), "giu");
/** A cheap pre-check: a "then" word anywhere (no word edges, so never stricter than the lookbehind). */
const THEN = new RegExp(THEN_WORDS, "iu");
