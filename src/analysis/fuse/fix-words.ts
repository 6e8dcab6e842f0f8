import type { Token } from "../text/token.js";
import { spans } from "./contact-count.js";
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
  // A fix in quotes is the promise being mocked ('the heating you "fixed"'), and speed words
  // ("fast", "within 24 hours") are what promises say: neither is a fix.
  const quoted = spans(text, QUOTED);
  const found = spans(text, FIX).filter((r) => !quoted.some((q) => r.start >= q.start && r.end <= q.end));
  if (!tokens) return found;
  return found.filter((r) => !tokens.some((t) => t.negated === true && t.start < r.end && t.end > r.start));
}

/** Double quotes only: apostrophes are too common inside words ("didn't") to pair. */
const QUOTED = /["“„«][^"“”„«»\n]{1,40}["”“»]/gu;
const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
const FIX = new RegExp(
  [
    `${W}(?:fixed|sorted|resolved|solved|repaired|replaced|(?:a |the )?replacement (?:came|arrived|was)|quicker than|sooner than|(?:a day|days) early|took (?:it )?over|sent (?:me )?a replacement|refunded|(?:got|gave me) (?:a|my|the) refund|full refund|rebooked|helped|in no time|got me back|apologi[sz]\\p{L}*|comped|on the house|waived|(?:sent|had|gave) (?:me )?a new one|no fuss|restored|unlocked|let me back|back to normal|is gone|gone since|works (?:again|now|perfectly)|stable|caught|called me|rang me|credited|revers(?:ed|ing)|rebook(?:ing|ed)?|(?:the )?exchange was|(?:since then|ever since) every)${E}`,
    `${W}(?:opravil\\p{L}*|spravil\\p{L}*|vyřeš\\p{L}*|vyřídil\\p{L}*|vyměnil\\p{L}*|výměn\\p{L}*|vrátil\\p{L}*|pomohl\\p{L}*|obratem|omluvil\\p{L}*|omluv\\p{L}*|odpustil\\p{L}*|odpuštění|náhrad\\p{L}*|pustil\\p{L}* zpátky|přebook\\p{L}*|stabiln\\p{L}*|mi (?:\\p{L}+ )?(?:za)?volal\\p{L}*)${E}`,
    `${W}(?:naayos|inayos|naresolba|na-?resolve|pinalitan|ni-?refund|na-?refund|tinulungan|nilibre|nag-?sorry|nag-?apologize|kapalit|naibalik|binalik|ayos na|okay na|ok na|gumagana na|stable na|tinawagan (?:pa )?ako|niluto ulit|rebooking)${E}`,
    `แก้ไขให้|แก้ให้|เปลี่ยนให้|คืนเงินให้|คืนให้|ช่วยเหลือ|ช่วยกู้|กู้คืน|เรียบร้อย|มาขอโทษ|ขอโทษด้วย|ไม่คิดเงิน|ซ่อมฟรี|ซ่อมให้|ส่ง\\S{0,6}ใหม่|ยกเว้นค่า|ไม่มีแล้ว|หายแล้ว|ใช้ได้แล้ว|ได้ของใหม่|ได้เครื่องใหม่|เปลี่ยนไฟลท์ให้|เปลี่ยนง่าย`,
    `పరిష్కరించ|సరిచేశా|సరి చేశా|మార్చి ఇచ్చా|రీఫండ్ చేశా|రీఫండ్ ఇచ్చా|సహాయం చేశా|సెట్ చేశా|ఓపెన్ చేశా|రిపేర్|రీప్లేస్‌మెంట్|సారీ చెప్ప|ఫ్రీగా|రీబుక్`,
    `${W}(?:kotthadi|kothadi|kotha(?:di)? pamp\\p{L}*|repair chesa\\p{L}*|fix chesa\\p{L}*|free ga|sorry cheppa\\p{L}*|malli chesi|refund chesa\\p{L}*|set chesa\\p{L}*|free chesi|kotha version)${E}`,
    // Then and now: "minule přišel balík rozbitej, tentokrát perfektní", "last time ... this time", "dati ... ngayon".
    `(?<=${W}(?:minule|last time|the first time|dati|nung una|last order|గత|ముందు)[^\\n]{1,80})${W}(?:tentokrát|this time|ee sari|ngayon|since then|ఈసారి|ఆ తర్వాత)${E}`,
  ].join("|"),
  "giu",
);
