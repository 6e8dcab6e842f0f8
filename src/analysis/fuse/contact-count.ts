import { matchRanges, type Range } from "./evidence.js";

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
  // Most messages say no number at all: both count patterns are skipped unless a word they need is there.
  if (!MAYBE_COUNT.test(text)) return [];
  // "5 calls a day" counts the company's calls (spam, a call centre's target), not the writer's.
  const perPeriod = (r: Range): boolean => RATE.test(text.slice(Math.max(0, r.start - 12), r.end + 12));
  const counted = matchRanges(text, COUNTED_CONTACTS).filter((r) => !perPeriod(r));
  if (counted.length > 0) return counted.slice(0, 1);
  const counts = matchRanges(text, COUNT).filter((r) => !perPeriod(r));
  if (counts.length === 0) return [];
  const contacts = matchRanges(text, CONTACT);
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
    `${W}(?:twice|thrice|(?:second|third|fourth|fifth|sixth|seventh|tenth|\\d+(?:st|nd|rd|th))(?: time)?|(?:\\d+|two|three|four|five|six|several|multiple|many|numerous|countless|how many(?: more)?) (?:times|different)|\\d+x|every (?:single )?(?:day|week)|(?:yesterday|today) and (?:the day before|yesterday))${E}`,
    // cs: dvakrát, potřetí (podruhý, popátý as said), několikrát, druhá/třetí (reklamace), včera i předevčírem
    `${W}(?:dvakr[aá]t|t[rř]ikr[aá]t|[cč]ty[rř]ikr[aá]t|p[eě]tkr[aá]t|[sš]estkr[aá]t|\\d+\\s?kr[aá]t|n[eě]kolikr[aá]t|mnohokr[aá]t|tolikr[aá]t|opakovan[eě]|podruh[eéý]|pot[rř]et[ií]|po[cč]tvrt[eéý]|pop[aá]t[eéý]|druh[aáéý]|t[rř]et[ií]|[cč]tvrt[yýaáoé]|p[aá]t[yýaáoé]|n[eě]kolik[aá]t[eé]|v[cč]era i p[rř]edev[cč][ií]rem|ka[zž]d[yýé] (?:den|t[yý]den))${E}`,
    // th: ห้าครั้ง, หลายรอบ, (เป็น)รอบที่สาม, เมื่อวานกับเมื่อวานซืน
    `(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย|นับไม่ถ้วน|[2-9]|\\d\\d)\\s?(?:ครั้ง|รอบ)|(?:ครั้ง|รอบ)ที่\\s?(?:สอง|สาม|สี่|ห้า|หก|[2-9])|เมื่อวานกับเมื่อวานซืน`,
    // te: మూడోసారి, రెండుసార్లు, చాలాసార్లు, 3 సార్లు, ఇది రెండో (మెసేజ్); romanised: moodosari, rendu sarlu, naa moodo
    `(?:రెండో|మూడో|నాలుగో|ఐదో|ఆరో|ఏడో|పదో|రెండు|మూడు|నాలుగు|ఐదు|ఆరు|పది|చాలా|పలు|ఎన్నో|ఎన్ని|[2-9]|\\d\\d)\\s?(?:సారి|సార్లు)|(?:ఇది|నా)\\s(?:రెండో|మూడో|నాలుగో|ఐదో|ఆరో|ఏడో)|ప్రతి వారం`,
    `${W}(?:(?:rendo|moodo|mudo|naalugo|nalugo|aido|aaro|edo|pado)\\s?(?:sari|saari)|(?:rendu|moodu|mudu|naalugu|nalugu|aidu|aaru|chala|chaala|enni|\\d+)\\s?(?:sarlu|saarlu)|(?:idi|naa) (?:rendo|moodo|naalugo|aido)|prati (?:vaaram|roju))${E}`,
    // tl: ikatlong beses, tatlong beses, pangalawang tawag, pang-apat na, ilang beses, nakailang, linggo-linggo
    `${W}(?:(?:dalawang|tatlong|apat na|limang|ilang|maraming|ikalawang|ikatlong|ikaapat na|ikalimang|pangalawang|pangatlong|pang-?apat na|pang-?ilang|\\d+ na) beses|naka-?ilang|paulit-?ulit|pangalawang|pangatlong|pang-?apat na|panglimang|pang-?ilang|ikalawang|ikatlong|linggo-linggo|araw-araw)${E}`,
  ].join("|"),
  "giu",
);

const CONTACT = new RegExp(
  [
    `${W}(?:call(?:s|ed|ing)?|rang|ring(?:ing)?|phon(?:e|ed|ing)|e-?mail(?:s|ed|ing)?|mail(?:s|ed)?|messag(?:e|es|ed|ing)|dms?|chat(?:s|ted|ting)?|wr(?:ite|ote|iting|itten)|contact(?:s|ed|ing)?|ask(?:ed|ing)?|spoke|spoken|talked|agents?|tickets?|complain(?:t|ts|ed|ing)?|reported|followed up|follow(?:-| )?ups?|reach(?:ed)? out|voicemails?|letters?|(?:engineer |technician )?visits?|transferred)${E}`,
    `${W}(?:volal[aio]?|vol[aá]m|zavolal[aio]?|telefonoval[aio]?|psal[aio]?|p[ií][sš]u|napsal[aio]?|e-?mail\\p{L}*|mail\\p{L}*|zpr[aá]v\\p{L}*|kontaktoval\\p{L}*|reklam\\p{L}*|st[ií][zž]nost\\p{L}*|urgoval\\p{L}*|urgenc\\p{L}*|operátor\\p{L}*|ti[ck]?ket\\p{L}*|[zž][aá]dost\\p{L}*|[zž][aá]d[aá]m|hl[aá]sil[aio]?|hovor\\p{L}*|p[rř]epojil[aio]?|n[aá]v[sš]t[eě]v\\p{L}*|pos[ií]l[aá]m)${E}`,
    `โทร|แจ้ง|ติดต่อ|ทัก|อีเมล|เมล|ข้อความ|แชท|คอลเซ็นเตอร์|ร้องเรียน|ถาม|เขียน|ทิกเก็ต|ทิคเก็ต|ขอคืนเงิน|มาสาขา|ไปสาขา|ช่างมา|โอนไปมา|โอนสาย`,
    `కాల్|ఫోన్|మెయిల్|మెసేజ్|ఫిర్యాదు|కంప్లైంట్|కంప్లయింట్|సంప్రదించ|చెప్పా|అడిగా|రాశా|రాసా|చాట్|టికెట్|రిపోర్ట్`,
    `${W}(?:tumawag|tinawagan|tawag|nag-?e-?mail|nag-?message|nag-?me-?message|nag-?chat|nag-?reklamo|reklamo|nag-?follow ?up|sumulat|nag-?text|nagtanong|nag-?report|ni-?report|chinat|minessage|inemail|message ko|tumatawag|balik ko|punta(?: na)? ng technician|sinusubmit)${E}`,
    `${W}(?:adag\\p{L}*|submit\\p{L}*|report chesa\\p{L}*|follow up|technician raavadam|vastunna)${E}`,
  ].join("|"),
  "giu",
);

/**
 * A number of contacts said as one phrase: "3 tickets", "4 calls", "my previous 2 messages", "5
 * hovorů", "dvě zprávy", "4 na tawag", "రెండు మెసేజ్‌లు", "5 కాల్స్", "สองข้อความ", "ทิกเก็ตไป 3 ใบ".
 * Numbers from two up: "1 call" is no repeat.
 */
const COUNTED_CONTACTS = new RegExp(
  [
    `${W}(?:[2-9]|[1-9]\\d|two|three|four|five|six|several|multiple) (?:(?:separate|different|more|phone|support) )?(?:calls|e-?mails|messages|tickets|chats|complaints|letters)${E}`,
    `${W}(?:[2-9]|[1-9]\\d|dv[aě]|t[rř]i|[cč]ty[rř]i|p[eě]t|n[eě]kolik) (?:(?:dal[sš][ií]|r[uů]zn[eéý]\\p{L}*) )?(?:hovor\\p{L}*|zpr[aá]v\\p{L}*|e-?mail\\p{L}*|maily|mail[uů]|ti[ck]?ket\\p{L}*|reklamac\\p{L}*|st[ií][zž]nost\\p{L}*|urgenc\\p{L}*)${E}`,
    `${W}(?:[2-9]|[1-9]\\d|dalawang|tatlong|apat na|limang) (?:na )?(?:tawag|message|email|ticket|reklamo|chat)s?${E}`,
    `(?<!\\d)(?:రెండు|మూడు|నాలుగు|ఐదు|ఆరు|[2-9]|[1-9]\\d)\\s?(?:కాల్|మెసేజ్|మెయిల్|కంప్లైంట్|టికెట్)|${W}(?:[2-9]|[1-9]\\d|rendu|moodu|naalugu|aidu) (?:calls|mails|messages|tickets|complaints)${E}`,
    `(?<!\\d)(?:สอง|สาม|สี่|ห้า|หก|[2-9])\\s?(?:ข้อความ|อีเมล|สาย)|(?:ทิกเก็ต|ทิคเก็ต|อีเมล)\\S{0,4}\\s?(?:[2-9]|สอง|สาม|สี่|ห้า)\\s?(?:ใบ|ฉบับ)`,
  ].join("|"),
  "giu",
);

/**
 * A cheap pre-check: a word or digit that every match of COUNT and COUNTED_CONTACTS holds, without
 * their word edges (so never stricter than they are). Kept in step with both: a language's new
 * count word goes here too (contact-count.test.ts checks one of each).
 */
const MAYBE_COUNT = new RegExp(
  [
    "\\d|two|three|four|five|six|several|multiple|twice|thrice|second|third|fourth|fifth|sixth|seventh|tenth|many|numerous|countless|every|yesterday|today",
    "dv[aě]|t[rř]i|[cč]ty[rř]i|p[eě]t|n[eě]kolik|[sš]estkr|mnohokr|tolikr|opakovan|druh|t[rř]et|[cč]tvrt|pop[aá]t|p[aá]t[yýaáoé]|v[cč]era|ka[zž]d",
    "dalawang|tatlong|apat na|limang|beses|naka|paulit|pang|ika|linggo-linggo|araw-araw",
    "రెండు|మూడు|నాలుగు|ఐదు|ఆరు|సారి|సార్లు|రెండో|మూడో|నాలుగో|ఐదో|ఆరో|ఏడో|ప్రతి వారం",
    "rendu|moodu|naalugu|aidu|sari|saari|sarlu|saarlu|rendo|moodo|naalugo|aido|prati",
    "สอง|สาม|สี่|ห้า|หก|ครั้ง|รอบ|เมื่อวานกับเมื่อวานซืน",
  ].join("|"),
  "iu",
);

/** A rate ("a day", "per shift", "วันละ", "రోజుకి", "denně", "kada araw"): calls counted per period are not repeat contact. */
const RATE =
  /(?<![\p{L}\p{M}])(?:a day|per (?:day|shift|hour|week)|daily|every day|denně|za den|kada araw|araw-araw|bawat araw|roju(?:ki)?)(?![\p{L}\p{M}])|วันละ|ต่อวัน|రోజుకి|రోజూ/iu;
