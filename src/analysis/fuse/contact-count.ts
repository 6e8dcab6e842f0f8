import type { Range } from "./evidence.js";

/**
 * Repeat contact from what is said: a count (twice, a 4th, five times, "potřetí", "ห้าครั้ง",
 * "మూడోసారి", "ikatlong beses") next to an act of contacting (call, email, write, chat, ask,
 * complain). Bare repetition words ("still", "again", "already", "twice" alone) are not repeat
 * contact: "the app is crashing again" or "bought this twice already" contact nobody.
 *
 * The patterns of all seed languages run on every message: they are written in different words
 * (and scripts), and Taglish mixes English anyway.
 *
 * @example
 * contactCount("This is my 4th email. WHERE IS MY ORDER"); // [{start: 11, end: 14}, {start: 15, end: 20}]
 */
export function contactCount(text: string): Range[] {
  const counts = spans(text, COUNT);
  if (counts.length === 0) return [];
  const contacts = spans(text, CONTACT);
  // Both lists run in text order: one walk pairs each count with the contacts near it (a pair
  // loop was quadratic on a long text of counts far from any contact word).
  let from = 0;
  for (const c of counts) {
    while (from < contacts.length && contacts[from]!.end < c.start - MAX_GAP) from++;
    for (let i = from; i < contacts.length && contacts[i]!.start <= c.end + MAX_GAP; i++) {
      const k = contacts[i]!;
      const gap = k.start >= c.end ? k.start - c.end : c.start - k.end;
      if (gap >= 0 && gap <= MAX_GAP) return [c, k].sort((a, b) => a.start - b.start);
    }
  }
  return [];
}

/** Whether the text names an act of contacting at all (the model alone may not claim repeat contact without one). */
export function mentionsContact(text: string): boolean {
  CONTACT.lastIndex = 0;
  return CONTACT.test(text);
}

/** Most characters between a count and a contact word ("emailed you guys twice", "4 different agents"). */
const MAX_GAP = 24;

/** Word edges for Latin words; Thai and Telugu have none to match on, so their patterns are specific. */
const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";

const COUNT = new RegExp(
  [
    // en (and Taglish): multiplicatives, ordinals, "N times", "N different", "N calls".
    `${W}(?:twice|thrice|(?:second|third|fourth|fifth|sixth|seventh|tenth|\\d+(?:st|nd|rd|th))(?: time)?|(?:\\d+|two|three|four|five|six|several|multiple|many|numerous|countless|how many(?: more)?) (?:times|different)|\\d+x)${E}`,
    // cs: dvakrát, potřetí, několikrát, třetí (email), opakovaně
    `${W}(?:dvakr[aá]t|t[rř]ikr[aá]t|[cč]ty[rř]ikr[aá]t|p[eě]tkr[aá]t|\\d+\\s?kr[aá]t|n[eě]kolikr[aá]t|mnohokr[aá]t|tolikr[aá]t|opakovan[eě]|podruh[eé]|pot[rř]et[ií]|po[cč]tvrt[eé]|pop[aá]t[eé]|t[rř]et[ií]|[cč]tvrt[yýaáoé]|p[aá]t[yýaáoé]|n[eě]kolik[aá]t[eé])${E}`,
    // th: ห้าครั้ง, หลายรอบ, ครั้งที่สาม
    `(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย|นับไม่ถ้วน|[2-9]|\\d\\d)\\s?(?:ครั้ง|รอบ)|(?:ครั้ง|รอบ)ที่\\s?(?:สอง|สาม|สี่|ห้า|[2-9])`,
    // te: మూడోసారి, రెండుసార్లు, చాలాసార్లు, 3 సార్లు
    `(?:రెండో|మూడో|నాలుగో|ఐదో|ఆరో|పదో|రెండు|మూడు|నాలుగు|ఐదు|ఆరు|పది|చాలా|పలు|ఎన్నో|ఎన్ని|[2-9]|\\d\\d)\\s?(?:సారి|సార్లు)`,
    // tl: ikatlong beses, tatlong beses, pang-apat na, ilang beses, nakailang
    `${W}(?:(?:dalawang|tatlong|apat na|limang|ilang|maraming|ikalawang|ikatlong|ikaapat na|ikalimang|pangalawang|pangatlong|pang-?apat na|pang-?ilang|\\d+ na) beses|naka-?ilang|paulit-?ulit)${E}`,
  ].join("|"),
  "giu",
);

const CONTACT = new RegExp(
  [
    `${W}(?:call(?:s|ed|ing)?|rang|ring(?:ing)?|phon(?:e|ed|ing)|e-?mail(?:s|ed|ing)?|mail(?:s|ed)?|messag(?:e|es|ed|ing)|dms?|chat(?:s|ted|ting)?|wr(?:ite|ote|iting|itten)|contact(?:s|ed|ing)?|ask(?:ed|ing)?|spoke|spoken|talked|agents?|tickets?|complain(?:t|ts|ed|ing)?|reported|followed up|follow(?:-| )?ups?|reach(?:ed)? out|voicemails?|letters?)${E}`,
    `${W}(?:volal[aio]?|vol[aá]m|zavolal[aio]?|telefonoval[aio]?|psal[aio]?|p[ií][sš]u|napsal[aio]?|e-?mail\\p{L}*|mail\\p{L}*|zpr[aá]v\\p{L}*|kontaktoval\\p{L}*|reklam\\p{L}*|st[ií][zž]nost\\p{L}*|urgoval\\p{L}*|operátor\\p{L}*|ti[ck]?ket\\p{L}*|[zž][aá]dost\\p{L}*)${E}`,
    `โทร|แจ้ง|ติดต่อ|ทัก|อีเมล|เมล|ข้อความ|แชท|คอลเซ็นเตอร์|ร้องเรียน|ถาม|เขียน`,
    `కాల్|ఫోన్|మెయిల్|మెసేజ్|ఫిర్యాదు|కంప్లైంట్|కంప్లయింట్|సంప్రదించ|చెప్పా|అడిగా|రాశా|రాసా|చాట్|టికెట్`,
    `${W}(?:tumawag|tinawagan|tawag|nag-?e-?mail|nag-?message|nag-?chat|nag-?reklamo|reklamo|nag-?follow ?up|sumulat|nag-?text|nagtanong|nag-?report|chinat|minessage|inemail)${E}`,
  ].join("|"),
  "giu",
);

/** Every match of a global pattern as a range of the text. */
export function spans(text: string, re: RegExp): Range[] {
  const out: Range[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
