import type { Token } from "./token.js";

/**
 * Function words per seed language: pronouns, articles, particles, politeness markers and the
 * like. Evidence points at the words that show a label; "rin", "หน่อย", "మీరు" or "Paní" never do
 * (issue 12: evidence on particles and pronouns was judged useless). Negators are not here: "not"
 * is part of what "not working" shows. Forms are lower case; Latin forms are also matched
 * without diacritics.
 *
 * @example
 * isFunctionWord(token, "tl"); // true for "rin", "po", "yung"
 */
export function isFunctionWord(token: Token, lang: string): boolean {
  if (token.kind === "punct") return true;
  if (token.kind !== "word") return false;
  const set = WORDS[lang];
  return set !== undefined && (set.has(token.norm) || set.has(token.fold));
}

const list = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

const EN =
  "the a an i me my mine you your yours we us our he him his she her they them their it its this that these those is am are was were be been being to of in on at for with by from and or so as im i'm ive i've you're its it's there here hi hello hey dear just also do does did have has had will would can could shall should may might";

const WORDS: Record<string, Set<string>> = {
  en: list(EN),
  cs: list(
    "paní pani pane pan slečno já ja ty on ona ono my vy oni ony mi mě me mne mně mne vám vam vás vas nám nam nás nas tě te ti mu jí ji jim je jsem jsi jsme jste jsou byl byla bylo a i se si to ten ta ty tu tom že ze na v ve do z ze s o k ke u by bych bychom prosím prosim zdravím zdravim ahoj",
  ),
  tl: list(
    `rin din po ho na pa lang ba naman nga ang ng sa mga ko ako mo ka siya kami tayo kayo sila ito iyan yan yung yun iyon niyo nyo ninyo namin natin nila niya si ni kay para at ay e eh kasi sana ${EN}`,
  ),
  th: list(
    "ครับ คับ ค่ะ คะ ค่า นะ นะคะ นะครับ จ้า จ้ะ หน่อย ด้วย ค่ะ ผม ฉัน ดิฉัน หนู เรา คุณ เขา เค้า มัน พี่ น้อง ท่าน นี้ นั้น นี่ นั่น ที่ ของ และ กับ ก็ จะ ว่า คือ เป็น อยู่ ซึ่ง แล้ว หรือ ไหม มั้ย",
  ),
  te: list("మీరు మీ మీకు మిమ్మల్ని నేను నా నాకు నన్ను మేము మా మాకు మనం మన అతను ఆమె వారు వాళ్ళు ఇది అది ఈ ఆ గారు అండి అండీ కూడా మరియు ఒక ఏమి అని"),
};
