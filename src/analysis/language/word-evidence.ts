/**
 * Function-word evidence for the cases where fastText is weak on short customer messages:
 * Tagalog (often read as Indonesian, Slovak or English), Czech written without diacritics (read as
 * Serbian, Slovak or Polish), romanised Telugu, and the English side of Taglish and Telugu-English.
 * Lists hold words that are frequent in one language and rare in its confusers; all in fold form
 * (lower case, no diacritics, letter runs cut to one).
 */
import { foldWord } from "../text/word-forms.js";
import { TELUGU_ROMAN, TELUGU_ROMAN_WEAK, teluguClitic, teluguVerbForm } from "./telugu-roman.js";

const TL_STRONG = `ang ng mga po opo naman yung ung iyong yong kasi talaga hindi hnd hndi wala walang lang ba nga ako siya sya
kayo tayo namin natin ninyo niyo nyo nila ito iyan yan dito doon duon nang kung kailangan gusto ayaw ayoko
bakit paano saan kailan sino ano anong meron salamat pwede puwede rin din daw raw palagi ulit agad sobrang
grabe ngayon kahapon pala eh diba kayong sakin sayo amin atin inyo nila yun yon iyon kanina pinadala dumating
natanggap nakuha bumili binili nagbayad magbayad bayad sinabi sabi tumawag tinawagan sumagot sagot naghintay
hinihintay antay hintay pag kapag tapos pa bago lahat wag huwag ayusin paki pakiayos pakisagot makuha mabilis
mabagal bagal mura sira sirang maayos ayos lang nman nmn kase tlga tska saka aking iyong kaniya kanila kanino
ninyong nyong akin sana'y sayang nakakainis nakakagalit nakakadismaya salamat maraming ingat paki talagang
medyo konti kaunti dami marami wla wlang nyo nakaka napaka pinaka sinisingil singil sisingilin refundan ibalik
ibabalik tulong tulungan paano sira ninyo mag nag mang poh nasan nasaan asan asaan kelan kilan darating dadating
nandito andito nandyan andyan nandun andun`;

/** Short words shared with Malay/Indonesian or Spanish: half weight. */
const TL_WEAK = `sa na ko mo may pero para si ni o at ka lagi kami mahal dapat bukas kaya sana ho`;

const TL_AFFIX =
  /^(?:nag|mag|nakaka|napaka|pinaka|pinag|ipina|makaka|maka|naka|nagpa|magpa|pina|ipa|naging|pagka)[a-z]{3,}$|^[a-z]{2,}(?:han|hin)$/;

const CS_STRONG = `jsem jsme jste jsou jsi neni nejsem nejsou uz jeste taky proc muj moje mam mate mame chci nechci
dekuji dekuju diky prosim porad furt vubec nikdy zadny zadna zadne takze protoze kdyz tady ted dnes vcera zitra
bylo byla byl byli nebo se si mi me mne jak kde kdy co ktery ktera ktere ktery ale to je ten ta tu tom tak jen
jenom uplne fakt hrozne strasne moc velmi objednavka objednavku objednavky zasilka zasilku zasilky reklamace
reklamaci penize penez vase vas vam nam nas nase jsem dobry den dobrou den pozdravem dekuji nefunguje funguje
nejde prislo neprislo dorazilo nedorazilo doruceni kuryr zakaznik zakaznicka podpora linka nekdo nikdo nic
zrusit zruseni vratit vraceni kdy kolik dlouho tyden tydne dny dni mesic jeste porad sem tam abych aby bych
bychom mohl mohla muzete muzu nemuzu musim potrebuji potrebuju prosim nevim vim rikal rekl rekli napsal napsala
psal psala odpoved odpovedel neodpovedel zase zaplatil zaplatila zaplaceno platba kartou ucet uctu
aplikace aplikaci stranky web eshop obchod prodejna pobocka do na od v z s k u o i ze ke ve za pro pri po pod nad pred
mezi pres kvuli podle misto mam mas ma mame maji bude budu budete muze muzou musi musite chce chteli chtel chtela
chtel chtela dela delat udelat poslat poslal poslali poslala prisel prisla dostal dostala dostali nedostal nedostala
zavolat zavolal zavolate napsat rekla vratite zmenit najit nasel platit zaplatit koupit koupil koupila objednal
objednala objednat objednam cekam cekat cekal cekala pada spadlo vypadl nechal nechala dal dala vedet rozbite
rozbity spatne spatny spatna spatnou dobre dobra hotovo znovu zpet zpatky pak potom hned rychle pomalu brzy vcas
pozde dneska hodin hodinu minut rok pondeli utery streda ctvrtek patek sobota nedele balik baliku zbozi jidlo
ridic sluzba sluzby sluzbu cena cenu poplatek faktura fakturu karta velikost barva heslo prihlasit stranka
telefon lince operator operatorka technik pani pane zdravim pozdravem proste tedy jestli pokud ktery tento tahle
tohle jeho jeji jejich ona oni vy mnou sebe nam nasi vasi vasem vasi vasich uplne opravdu celou cely cela cele
neco nekdo nejake nejaky zadnou nikomu vsechno vsichni vse jina jiny jine dalsi posledni prvni druhy
prej jakoze nejhorsi nejlepsi hrozny hrozna strasny zklamany zklamana spokojeny spokojena nespokojeny`;

/** English words common in customer messages; used to find the English side of mixed text. */
const EN = `the a an and or but is are was were be been being have has had do does did not no yes i you he she it we
they me my your our their this that these those what why how when where who which there here to of in on at for
with from by about as if so than then just still already yet again also too very really please thanks thank
hello hi dear sir madam team order ordered orders refund refunds delivery delivered deliver parcel package item
items product products payment paid pay charge charged money account app website site support service customer
agent call called email mail reply replied response days day week weeks month hours time late delay delayed wrong
broken damaged missing cancel cancelled canceled return returned exchange issue problem problems help need want
get got give gave send sent receive received still waiting wait update status tracking number phone card bank
transfer balance wallet voucher promo discount price fee fees amount bill billing subscription plan upgrade
login password reset error bug crash crashing working work works worked fixed fix check checked open
good great bad worst best better terrible awful poor nice amazing love hate happy sad angry disappointed
frustrated annoyed sorry asap urgent now today yesterday tomorrow never always again ok okay same another new
old first last one two three can could would should will shall may might must any some all every each
seller shop store branch staff rider driver courier shipping shipped ship monday tuesday wednesday thursday
friday saturday sunday weekend promo code codes voucher invalid valid expired expire cancel cancelled refunded
reschedule schedule resolve resolved crash crashed slow fast delayed damaged defective fake original size color
stock available sold out online offline network signal connection load loading update updated upgrade system
complaint complain follow follow-up reply sorry thank welcome appreciate helpful rude polite nice sir mam ma'am
manager supervisor ticket case reference account verify verification otp sms notification request approved
declined rejected pending processing process refund return returns exchange replacement warranty repair
technician installation install meeting email emails message messages chat feedback review rating service
services quality`;

const SK = `som sme ste su nie sa aj preco dakujem este tiez velmi moj moja chcem nechcem bol bola bolo boli ktory
ktora ktore ked lebo alebo preto ja peniaze reklamacia kurier zasielka zasielku vobec ziadny ziadna nikto mna
teda len iba tovar tovaru`;

/**
 * Romanised Hindi (Hinglish) and Indonesian/Malay staples: not evidence for a reading of their own
 * (fastText reads them well enough), but a message holding them is not romanised Telugu, and a
 * word among them is never taken for a Telugu verb by its ending ("thokhindi", "baru"). Words
 * Telugu shares are left out ("pani", "mana", "ye", "ki", "ga", "ni").
 */
const HI_ROMAN = `hai hain hu hoon hun ho se ka ke mein yeh woh wo vo kya kyu kyun kyon kyunki nahi nahin nhi nai
tha thi raha rahi rahe rha rhi rhe gaya gayi gaye gya gye hua hui hue huye kiya kiye diya diye liya liye
kar kr karo kro karna krna karne karte karta karti karunga karenge karein kijiye hoga hogi hoge hota hoti hote
milega milegi mila mili mujhe mujhko mera meri mere hum hamara hamari tum tumhara aap aapka aapki aapke apka apki
apke apna apni apne tera teri tere aur lekin magar par bahut bohot bhot bhi sirf kuch koi kisi sab sabse abhi
kabhi jab agar toh fir phir sahi galat jaldi wapas paisa paise chahiye batao bataiye bolo bola dekho pata yaar
wala wali wale kal aaj din ghar accha acha theek thik kaise kaisa kahan kab kitna kitne aisa aise lagta`;

const MS_ID = `saya aku kamu anda kau dia kami kita mereka yang ini itu tidak tak tdk gak nggak enggak sudah udah belum
sekali banget dan atau dengan untuk dari ada bisa mau akan juga lagi tapi karena kalau kalo sama saja aja dong
deh sih kok kak tolong terima kasih makasih mohon sampai bagaimana gimana kenapa kapan siapa berapa pesanan
barang uang belanja paket kirim dikirim datang masih pernah harus boleh tunggu dulu sangat kecewa bagus jelek
cepat lambat lama baru sini sana apa adalah dalam pada hanya seperti lebih sekarang nak dah pun lah kerana sebab
macam akaun duit`;

/** Words written so that they fold into an English word they are not. */
const NOT_ENGLISH_AS_WRITTEN = new Set(["mee"]);
/**
 * Telugu words recognised only as written: "ee" (this) folds to "e", which is Italian and
 * Portuguese "and"; the question particle "aa" ("free aa?", "include aa?") folds to "a" and counts
 * half, as it is also a shout.
 */
const TELUGU_AS_WRITTEN = new Set(["ee"]);
const TELUGU_WEAK_AS_WRITTEN = new Set(["aa"]);

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(foldWord));
}

export const TAGALOG_STRONG = toSet(TL_STRONG);
export const TAGALOG_WEAK = toSet(TL_WEAK);
export const CZECH_WORDS = toSet(CS_STRONG);
export const SLOVAK_WORDS = toSet(SK);
export const ENGLISH_WORDS = toSet(EN);
const HINDI_ROMAN = toSet(HI_ROMAN);
const MALAY_INDONESIAN = toSet(MS_ID);

// Words that are also Tagalog or Czech staples must not count as English evidence in mixed text.
for (const w of ["a", "i", "at", "may", "to", "so", "pa", "na"]) ENGLISH_WORDS.delete(w);

export interface WordEvidence {
  words: number;
  tl: number;
  cs: number;
  /** Czech-list words that are not also Slovak: what tells Czech from Slovak without diacritics. */
  csNotSk: number;
  sk: number;
  en: number;
  /**
   * Romanised Telugu: list words and verb endings count 1; words shared with a confuser count 1
   * beside two such words, else 0.5.
   */
  teRoman: number;
  /** Romanised Telugu words that are not shared with a confuser (list words and verb endings). */
  teStrong: number;
  /** Latin words that are English and not Tagalog staples (the English side of Taglish). */
  enNotTl: number;
  /** Words shared with a confuser that are not English as written ("lo", "ga", "mee"; not "me"). */
  teWeakNotEn: number;
  /** Words that are neither English nor any kind of romanised Telugu. */
  neitherEnTe: number;
  /** Romanised Hindi and Indonesian/Malay staples: evidence against romanised Telugu. */
  hiMs: number;
  /** The last word is a sure romanised Telugu word: Telugu puts the verb last. */
  teLast: boolean;
}

/** Tagalog affixes on English verbs and nouns ("nag-work", "ma-refund", "i-reschedule", "pa-check"). */
const TL_HYPHEN_PREFIX = /^(?:i|ma|mag|nag|na|pa|pag|maka|naka|ipa|magpa|nagpa|mapa|napa|ika|pang|pinag|ni|na-i)-/;

function englishStem(w: string): string {
  const bare = w.replace(TL_HYPHEN_PREFIX, "");
  // Tagalog reduplicates the first syllable: "nag-c-crash", "mag-u-update"
  return bare.replace(/^[a-z]{1,2}-/, "");
}

const LATIN_WORD = /[a-zA-Z\u00c0-\u024f\u1e00-\u1eff']+(?:-[a-zA-Z\u00c0-\u024f]+)?/g;

/** What one written word is evidence of. */
interface WordClass {
  /** Tagalog: 1 strong, 0.5 weak, 0 none. */
  tl: number;
  cs: boolean;
  sk: boolean;
  en: boolean;
  /** Romanised Telugu: 1 sure, 0.5 shared with a confuser, 0 none. */
  te: number;
  /** A romanised Hindi or Indonesian/Malay staple. */
  hiMs: boolean;
}

const CLASS_CACHE_LIMIT = 50_000;
const classCache = new Map<string, WordClass | null>();

/** Classify a written word (null when nothing is left after folding); cached, since words repeat. */
function classify(raw: string): WordClass | null {
  let c = classCache.get(raw);
  if (c !== undefined) return c;
  c = computeClass(raw);
  if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
  classCache.set(raw, c);
  return c;
}

function computeClass(raw: string): WordClass | null {
  const w = foldWord(raw).replace(/^'+|'+$/g, "");
  if (!w) return null;
  const tlStrong = TAGALOG_STRONG.has(w) || (w.length >= 6 && TL_AFFIX.test(w));
  const tlWeak = TAGALOG_WEAK.has(w);
  const sk = SLOVAK_WORDS.has(w);
  const cs = CZECH_WORDS.has(w);
  const stem = englishStem(w);
  const lower = raw.toLowerCase();
  // Telugu "mee" (your) folds to English "me".
  const en = (ENGLISH_WORDS.has(w) || (stem !== w && ENGLISH_WORDS.has(stem))) && !NOT_ENGLISH_AS_WRITTEN.has(lower);
  const hiMs = HINDI_ROMAN.has(w) || MALAY_INDONESIAN.has(w);
  return { tl: tlStrong ? 1 : tlWeak ? 0.5 : 0, cs, sk, en, hiMs, te: teluguClass(w, lower, en || tlStrong || tlWeak || sk || cs || hiMs) };
}

function isEnglish(stem: string): boolean {
  return ENGLISH_WORDS.has(stem);
}

/**
 * Romanised Telugu: 1 for a listed word, a verb form by its ending or a postposition written onto
 * a known noun; 0.5 for a word shared with a confuser. Endings and postpositions are not looked
 * for in words another language's list holds (`other`).
 */
function teluguClass(w: string, lower: string, other: boolean): number {
  if (TELUGU_ROMAN.has(w) || TELUGU_AS_WRITTEN.has(lower)) return 1;
  if (!other && (teluguVerbForm(w) || teluguClitic(w, isEnglish))) return 1;
  return TELUGU_ROMAN_WEAK.has(w) || TELUGU_WEAK_AS_WRITTEN.has(lower) ? 0.5 : 0;
}

/**
 * Count Latin-script words and their function-word evidence per language.
 *
 * @example
 * wordEvidence("Hindi po dumating yung order ko").tl; // 3.5
 */
export function wordEvidence(text: string): WordEvidence {
  const ev: WordEvidence = {
    words: 0,
    tl: 0,
    cs: 0,
    csNotSk: 0,
    sk: 0,
    en: 0,
    teRoman: 0,
    teStrong: 0,
    enNotTl: 0,
    teWeakNotEn: 0,
    neitherEnTe: 0,
    hiMs: 0,
    teLast: false,
  };
  LATIN_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let teWeak = 0;
  while ((m = LATIN_WORD.exec(text)) !== null) {
    const c = classify(m[0]);
    if (c === null) continue;
    ev.words++;
    ev.tl += c.tl;
    if (c.sk) ev.sk += 1;
    if (c.cs) {
      ev.cs += 1;
      if (!c.sk) ev.csNotSk += 1;
    }
    if (c.te === 1) {
      ev.teRoman += 1;
      ev.teStrong += 1;
    } else if (c.te === 0.5) {
      teWeak += 1;
      if (!c.en) ev.teWeakNotEn += 1;
    }
    if (c.te === 0 && !c.en) ev.neitherEnTe += 1;
    if (c.hiMs) ev.hiMs += 1;
    ev.teLast = c.te === 1;
    if (c.en) {
      ev.en += 1;
      if (c.tl === 0) ev.enNotTl += 1;
    }
  }
  // Postpositions and particles ("lo", "ki", "ga") are Telugu grammar once Telugu verbs are there
  // ("Geyser lo leakage ... kaaledu"); alone they are as likely Spanish "lo" or Indonesian "ga".
  ev.teRoman += ev.teStrong >= 2 ? teWeak : teWeak / 2;
  return ev;
}
