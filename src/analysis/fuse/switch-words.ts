import { matchRanges } from "./evidence.js";
import type { Range } from "./evidence.js";

/**
 * Leaving without a cancel verb (issue 12): the customer names where the business goes next or
 * that this was the last of it: "we're going with another supplier when the fixed rate ends",
 * "Already signed up with a new provider", "this is the last month I'm paying", "přenáším číslo",
 * "jdeme k jinýmu dodavateli", "สมัครเจ้าใหม่เรียบร้อย", "vere provider ki veltam", "ibang
 * courier na gagamitin", "Nawalan kayo ng isang customer". A negated phrase ("I'd never move to
 * another bank") is none. The caller skips questions (pre-sales asks name other providers too) and
 * settled problems.
 *
 * The patterns of every seed language run on every message (different words and scripts; Taglish
 * and romanised Telugu mix in English).
 *
 * @example
 * switchesAway("Already signed up with a new provider. Send me my final bill"); // [{start: 8, end: 45}]
 */
export function switchesAway(text: string): Range[] {
  // The phrases hold their own negations ("nezůstanu", "ไม่อยู่ต่อ", "Not anymore"), so only a
  // negator just before one undoes it.
  return matchRanges(text, SWITCH).filter((r) => !NEGATED_BEFORE.test(text.slice(Math.max(0, r.start - 24), r.start)));
}

/** A negator closing the text before a phrase: "I'd never move to another bank", "nikdy bych nešel k jiné bance". */
const NEGATED_BEFORE =
  /(?<![\p{L}\p{M}])(?:not|never|no way|won't|wouldn't|don't|nikdy|ne|hindi|di)(?:\s+[\p{L}\p{M}'’]+){0,3}\s*$|(?:ไม่|ไม่มีทาง)\S{0,12}$|ఎప్పుడూ\s*$/iu;
const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
/** Who the business goes to, per language. */
const BUSINESS_EN =
  "(?:provider|supplier|operator|network|carrier|bank|airline|company|vendor|courier|shop|store|place|gym|crm|platform|insurer|brand|service|pharmacy|dentist|clinic|isp)s?";
const BUSINESS_CS =
  "(?:operátor|dodavatel|dopravc|aerolin|bank|obchod|prodejn|crm|firm|poskytovatel|pojišťovn|e-?shop|značk|hospod|restaurac|pizzeri|kurýr)\\p{L}*";
const TL_OTHER = "ibang (?:courier|provider|network|bank|airline|shop|supplier|kompanya|company|brand|pharmacy|botika)";
const SWITCH = new RegExp(
  [
    // en: to/with another provider, signed up with a new one, the last month I pay, port my number.
    `${W}(?:(?:to|with|from now on at|for) (?:a |an )?(?:another|other|new|different|cheaper|better)(?: \\p{L}+)? ${BUSINESS_EN}|signed (?:up )?with (?:a |an )?(?:new|another|different)|(?:last|final) (?:month|year|order|purchase|payment|time) (?:I'm|i am|im|we're|we are|i'll be|we'll be) (?:paying|ordering|buying|flying|booking)|(?:this|that) (?:is|was) (?:my|our) (?:last|final) (?:order|purchase|booking|payment)|port(?:ing)? (?:my|our) (?:number|numbers|lines?)|move (?:my|our) (?:mortgage|account|business|savings)|found a (?:better|cheaper)(?: \\p{L}+)? ${BUSINESS_EN}|(?:quote|offer) from (?:another|a competitor)|bought a competitor's|buy in store from now on|lost (?:a|one) customer)${E}`,
    // A loyal customer no more: "Loyal customer since 2015. Not anymore", "Suki since 2015. Hindi na ngayon".
    `(?:customer|suki|zákazník|ลูกค้า|కస్టమర్)[^\\n]{0,30}(?:not anymore|hindi na ngayon|už ne|ไม่ใช่แล้ว|ఇక కాదు)`,
    // cs: k jinýmu dodavateli, s novým dodavatelem, jinam, přenáším číslo, hypotéku přesouvám, v kamenný prodejně
    `${W}(?:(?:k|ke|u|s|se|od|po|přes) )?(?:jin[ýéá]\\p{L}*|nov[ýéá]\\p{L}*|levnějš\\p{L}*) ${BUSINESS_CS}${E}`,
    `${W}(?:jdeme jinam|jdu jinam|půjdeme jinam|najdeme si (?:něco|někoho) jin\\p{L}*|najdu si (?:něco|někoho) jin\\p{L}*|přenáším číslo|přenášíme čísla|hypotéku přesouvám|přesouvám hypotéku|nezůstanu|nezůstaneme|odsud si už nic|už si u vás nic|nechávám vyschnout|k mobilní bance|v kamenn[éý] prodejn\\p{L}*|přišli jste o zákazník\\p{L}*)${E}`,
    // th: a new/other provider, brand, airline; the last month I pay; lost a customer
    `เจ้าใหม่|(?:ย้ายไป|ไปใช้|ไปซื้อ|ไปอยู่)ที่อื่น|ยี่ห้ออื่น|สายการบินอื่น|ธนาคารอื่น|ร้านใหม่|ค่ายใหม่|ไม่อยู่ต่อ|เดือนสุดท้ายที่จ่าย|งวดสุดท้ายที่จ่าย|รีไฟแนนซ์หนี|เสียลูกค้า|ไปซื้อที่ห้าง|เจอร้าน\\S{0,24}กว่า`,
    // te: వేరే/vere + business, kotha provider, last order/month, port, lost a customer
    `వేరే\\s?(?:ఎయిర్‌లైన్|ఎయిర్ లైన్|వెండర్|ప్రొవైడర్|నెట్‌వర్క్|బ్యాంక్|బ్రాండ్|షాప్|కంపెనీ|సిమ్|ఆపరేటర్)[\\p{L}\\p{M}]*(?!\\s?(?:నుంచి|నుండి))|వేరేది చూసుకుంటా[\\p{L}\\p{M}]*|పోగొట్టుకున్నారు|మంచి\\s[\\p{L}\\p{M}]+\\s(?:షాప్|ప్లేస్)\\s?దొరికింది|వెళ్ళిపోతాం`,
    `${W}(?:vere (?:network|provider|bank|vendor|airline|shop|company|brand|sim)(?! nunchi| nundi)|kotha provider|(?:naa|idi|ide) last (?:order|month)|last order|port chest\\p{L}*|pogottukunnaru|maarutunna|maarustunna|shop ke velli kontanu)${E}`,
    // tl: ibang courier/provider, kalaban nyo, huling buwan, nawalan kayo ng customer, hindi na ngayon
    `${W}(?:(?:lipat|lilipat|lumipat)(?: na)?(?: kami| ako)? sa ${TL_OTHER}|${TL_OTHER} na (?:gagamitin|gamit|bibilhan|kukunin)|kalaban (?:nyo|ninyo|niyo)|sa kabila(?! ng)|huling (?:buwan|order|bili|bayad|beses na)|nawalan (?:kayo|po kayo) ng (?:isang )?(?:customer|suki)|paalam na|nahanap (?:ako|akong|kami|kaming) (?:ng )?mas|sa mall na lang)${E}`,
    // The wider vocabulary of leaving without a cancel verb, as each language says it (not taken from the sets' rows).
    `${W}(?:(?:won't|will not|wont) be (?:back|coming back|returning|ordering again|renewing)|lost my business|(?:better|cheaper) (?:deal|offer|price) (?:from|at|with) (?:another|a competitor|your competitor)|offered me (?:a )?(?:better|cheaper)|found (?:somewhere|someone|a place) (?:cheaper|better)|(?:moving|switching|going) (?:over )?to (?:your|a) competitor)${E}`,
    `${W}(?:už se (?:k vám )?nevrátím|nevrátíme se|přicházíte o zákazník\\p{L}*|(?:lepší|levnější) nabídk\\p{L}* (?:od|u) konkurence|našel jsem (?:levnější|lepší)|našli jsme (?:levnější|lepší))${E}`,
    `ไม่มาใช้บริการอีก|ไปใช้บริการเจ้าอื่น|ได้โปรดีกว่าจากเจ้าอื่น|เจ้าอื่นให้ถูกกว่า`,
    `ఇక మీ దగ్గర (?:కొనను|తీసుకోను|ఆర్డర్ చేయను)|వేరే చోట తక్కువ|${W}(?:inka mee daggara konanu|vere chota takkuva)${E}`,
    `${W}(?:hindi na (?:ako|kami) (?:uulit|magpapa-?renew)|mas mura sa (?:iba|kalaban)|mas maganda ang offer ng (?:iba|kalaban))${E}`,
  ].join("|"),
  "giu",
);
