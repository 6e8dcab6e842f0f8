import { matchRanges } from "./evidence.js";
import type { Token } from "../text/token.js";
import type { Range } from "./evidence.js";
import { namesFix } from "./fix-words.js";

/**
 * Sarcasm from contradiction: a praise word next to negative facts. "Great, the 24-hour repair
 * took three weeks", "Perfect signal, it only drops every hour", "\"next day delivery\" they said.
 * it's day 6. amazing": the praise is literal, the facts beside it (durations, counts, prices,
 * "only", a promise in quotes) say the opposite. Sincere praise of a fixed problem ("the dryer
 * broke after a month, the replacement came in 2 days, great service") names the fix, which a
 * sarcastic message does not, so a fix word vetoes.
 *
 * Each kind of fact found adds a point (a quoted promise two); the caller adds one when the
 * message complains in words. Two points with a praise word make the contradiction.
 *
 * @example
 * contradictionFacts("Great, the 24-hour repair took three weeks"); // { points: 2, ranges: [...] }
 */
export function contradictionFacts(text: string, tokens?: readonly Token[]): { points: number; ranges: Range[]; fixed: boolean } {
  const ranges: Range[] = [];
  let points = 0;
  const quantities = matchRanges(text, QUANTITY);
  points += Math.min(2, quantities.length);
  ranges.push(...quantities);
  const quotes = matchRanges(text, QUOTED);
  if (quotes.length > 0) {
    points += 2;
    ranges.push(quotes[0]!);
  }
  const only = matchRanges(text, ONLY);
  if (only.length > 0) {
    points += 1;
    ranges.push(only[0]!);
  }
  return { points, ranges, fixed: namesFix(text, tokens).length > 0 };
}

const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
const NUMBER = [
  "\\d+(?:[.,]\\d+)?",
  "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a hundred|several",
  "dva|dvě|tři|čtyři|pět|šest|sedm|osm|devět|deset|dvacet|třicet|několik",
  "dalawang|tatlong|apat na|limang|anim na|pitong|walong|siyam na|sampung|ilang",
].join("|");
const UNIT = [
  "sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|nights?|weeks?|wks?|months?|years?|yrs?|times|x|%|ft",
  "minut\\p{L}*|hodin\\p{L}*|dn[ií]\\p{L}*|dny|den|týd\\p{L}*|měsíc\\p{L}*|rok\\p{L}*|let|krát|kč|korun\\p{L}*",
  "minuto|oras|araw|linggo|buwan|taon|beses|piso|pesos",
].join("|");
/** A duration, count or price: "three weeks", "4 times", "£140", "18%", "day 6", "ห้าวัน", "మూడు వారాలు". */
const QUANTITY = new RegExp(
  [
    `${W}(?:${NUMBER})[ -]?(?:${UNIT})${E}`,
    `[£$€₹฿₱]\\s?\\d+(?:[.,]\\d+)?`,
    `${W}(?:twice|thrice|dvakrát|třikrát|několikrát|dalawang beses)${E}|สองครั้ง|రెండుసార్లు|రెండు సార్లు`,
    `${W}(?:day|den|araw) \\d+${E}`,
    `${W}every (?:single )?(?:hour|day|night|week|time)${E}`,
    `(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย|\\d+)\\s?(?:นาที|ชั่วโมง|ชม\\.?|วัน|อาทิตย์|สัปดาห์|เดือน|ปี|ครั้ง|รอบ|บาท)`,
    `(?:రెండు|మూడు|నాలుగు|ఐదు|ఆరు|ఏడు|పది|చాలా|\\d+)\\s?(?:నిమిషా\\p{L}*|గంట\\p{L}*|రోజు\\p{L}*|రోజుల\\p{L}*|వారా\\p{L}*|వారం|నెల\\p{L}*|సంవత్సర\\p{L}*|సార్లు|రూపాయ\\p{L}*)`,
  ].join("|"),
  "giu",
);
/** A few words in quotes: the promise being mocked ("next day delivery", "free", „zdarma“). */
const QUOTED = /["“„«'‘][^"“”„«»'‘’\n]{2,40}["”“»'’](?!\p{L})/gu;
/** "only", "except", "anyway" and their kin: the fact that undoes the praise. */
const ONLY = new RegExp(
  `${W}(?:only|except|anyway|zero|jen|jenom|pouze|akorát|kromě|stejně|lang|lamang|maliban)${E}|แค่|เพียง|ยกเว้น|మాత్రమే|తప్ప`,
  "giu",
);
