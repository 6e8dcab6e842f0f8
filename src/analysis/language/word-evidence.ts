/**
 * Function-word evidence for the cases where fastText is weak on short customer messages:
 * Tagalog (often read as Indonesian, Slovak or English), Czech written without diacritics (read as
 * Serbian, Slovak or Polish), romanised Telugu, and the English side of Taglish and Telugu-English.
 * Lists hold words that are frequent in one language and rare in its confusers; all in fold form
 * (lower case, no diacritics, letter runs cut to one).
 */
import { foldWord } from "../text/word-forms.js";

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
 * Romanised Telugu (how most Telugu speakers type on a phone): pronouns, question words,
 * negation, conjunctions, time and quantity words, polite forms and frequent inflected verbs, in
 * the spellings people actually use (chaala/chala, ledu/ledhu, cheyyandi/cheyandi; letter runs
 * fold to one, so "chaala" and "chala" are one entry). Words that are also common in a confuser
 * language ("lo" in Spanish, "ga" in Indonesian chat, "na" in Tagalog and Czech, "ela" in
 * Portuguese; "chinna" folds to "china", "kinda" is English chat) are in TE_ROMAN_WEAK and count half.
 */
const TE_ROMAN = `nenu neenu memu manam meeru miru nuvvu nuvu vaallu vallu atanu aayana ayana vaadu vaaru
naaku naku maaku meeku miku neeku manaku vaallaki nannu mammalni mimmalni meedi maadi naadi
ledu ledhu leda ledha kaadu kadu kaadhu vaddu undi undhi unnadi unnai unnayi unnaru unnanu unnam unda undha
untundi untunda untaya untara akkarledu avasaram parledu paravaledu
emi emiti enti yenti emaindi emayyindi emaina emanna edaina endhuku enduku yenduku eppudu yeppudu epudu
ekkada yekkada ekkadiki ekkadi evaru yevaru evari evariki enni entha yela
kaani kani inka inkaa inkoka inkokati inkeppudu kooda ayithe aithe kabatti anduke anduku andukane leka lekapothe lekunda
ledante tarvata tharvatha taruvata tarwata mundu munde ippudu ipudu ippude appudu ventane antha
chala chaala baaga bagaa baagane bagane baagundi bagundi baaledu baledu pedda konchem koncham ekkuva takkuva
sarigga sariga repu roju rojulu rojullo rojula vaaram vaaralu nelalu ganta gantalu gantallo nimishalu
nimishallo saarlu sarlu okasari prathi okkati okati okate rendu moodu nalugu idi ikkada akkada ila ilaa
ilanti alanti dayachesi namaskaram dhanyavadalu dhanyavaadaalu danyavadalu kruthagnathalu krutagnatalu
garu gaaru andi dabbulu dabbu paisalu samasya samasyalu samadhanam samaadhanam vasthuvu vastuvu pani panulu seva
nammakam bhayam kopam baadha santosham anandam intiki intlo abbai abbayi ammayi manishi khaata vishayam
sangathi vivaralu samacharam samaachaaram prashna kosam valla
cheyandi cheyyandi cheyali cheyyali chesanu chesaru chesindi chesina chesi chestanu chestaru chestunnaru
cheyaledu cheyyaledu chestara chestunda chesaka chesthe cheste chesa chesta cheppandi cheppanu cheppaaru cheppaledu
cheppali cheppu cheppina ivvandi ivvaledu ivvali icharu ichaaru ichanu isthanu istanu istara pampandi
pampinchandi pamparu pampanu pampistanu vachindi vacchindi vachi vastundi vastondi raavali raledu raaledu raledhu
raavatledu ayindi ayyindi ayyayi avutundi avutondi avvatledu avtundi kavali kaavali telidu teliyadu
teliyatledu chudandi choodandi chusanu chusaanu chusaru adiganu adigaanu adigaru adigadu matladaru matladadu
matladandi annaru annadu annanu ammaru konnanu jarigindi poyindi poyayi vellanu vellali vellipoyindi
teesukunnaru teeskunnaru anukunta anukuntunna anukuntunnanu kadha chupincharu kanipinchatledu
nundi nunchi ninchi kotha oka matram matrame mathram asalu chotla daggara daggare meeda lopala bayata varaku
gurinchi kalisi patu badulu laga lanti laanti ayyi ayyaka ayyanu ayyadu ayyaru avvali avvadu levu
raavu ivvaru cheyaru vaadu chesthunna chestunna vastunna ostundi osthundi aipoyindi ayipoyindi emi kaadu
undali undaali enti ento`;

const TE_ROMAN_WEAK = `naa mee maa lo ki ku ni nu ga em ela ani ante mari kuda ala adi ide emo sari kada tho nela anni vere
aame yenni ninna malli maata raadu tappa ayye kinda chinna`;

/**
 * Inflectional endings of romanised Telugu verbs (in fold form): "vachindi", "vastundi",
 * "raledu", "chestunnaru", "chestanu", "cheyandi", "kavali", "vellalsi", "chesanu", "annaru",
 * "vachadu", "ayyayi", "cheyocha". Tagalog "hindi" or Czech "stanu" are excluded by the lists of
 * those languages; a minimum length keeps short words of other languages out.
 */
const TE_ENDINGS = `indi ndhi tundi tondi ledu ledhu tunaru tunanu tunam tunadu tunadi tunayi stuna thuna ltuna gutuna
unaru unanu unadi unayi unara unaya tunda utaya staya ntaya stanu staru stamu stam stadu yandi
vandi pandi dandi kondi chandi yali vali pali lali chali agali udali ndali vala lala chala yala
alsi alsina alsindi sanu ganu chanu panu tanu lanu vanu danu nanu yanu saru paru varu maru naru
charu taru daru garu sadu chadu nadu yadu padu tadu ayi vocha yocha gocha vochu yochu gochu daniki
vadam yadam dadam ithe sthe yaka chaka ukuna koni galara galaru galava apudu`
  .split(/\s+/)
  .filter(Boolean);

/** Words written so that they fold into an English word they are not. */
const NOT_ENGLISH_AS_WRITTEN = new Set(["mee"]);
/**
 * Telugu words recognised only as written: "ee" (this) folds to "e", which is Italian and
 * Portuguese "and".
 */
const TELUGU_AS_WRITTEN = new Set(["ee"]);

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(foldWord));
}

export const TAGALOG_STRONG = toSet(TL_STRONG);
export const TAGALOG_WEAK = toSet(TL_WEAK);
export const CZECH_WORDS = toSet(CS_STRONG);
export const SLOVAK_WORDS = toSet(SK);
export const ENGLISH_WORDS = toSet(EN);
/**
 * Romanised Telugu words, in fold form: sure ones, and ones shared with a confuser language.
 *
 * @example
 * TELUGU_ROMAN.has("raledu"); // true ("raaledu" folds to it)
 * TELUGU_ROMAN_WEAK.has("lo"); // true (also Spanish)
 */
export const TELUGU_ROMAN = toSet(TE_ROMAN);
export const TELUGU_ROMAN_WEAK = toSet(TE_ROMAN_WEAK);

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
}

/** Tagalog affixes on English verbs and nouns ("nag-work", "ma-refund", "i-reschedule", "pa-check"). */
const TL_HYPHEN_PREFIX = /^(?:i|ma|mag|nag|na|pa|pag|maka|naka|ipa|magpa|nagpa|mapa|napa|ika|pang|pinag|ni|na-i)-/;

function englishStem(w: string): string {
  const bare = w.replace(TL_HYPHEN_PREFIX, "");
  // Tagalog reduplicates the first syllable: "nag-c-crash", "mag-u-update"
  return bare.replace(/^[a-z]{1,2}-/, "");
}

const LATIN_WORD = /[a-zA-Z\u00c0-\u024f\u1e00-\u1eff']+(?:-[a-zA-Z\u00c0-\u024f]+)?/g;

/** A romanised Telugu verb form by its ending; plain string checks, linear in the word's length. */
function teluguEnding(w: string): boolean {
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return false;
  for (const e of TE_ENDINGS) if (w.length >= e.length + 2 && w.endsWith(e)) return true;
  return false;
}

/** What one written word is evidence of. */
interface WordClass {
  /** Tagalog: 1 strong, 0.5 weak, 0 none. */
  tl: number;
  cs: boolean;
  sk: boolean;
  en: boolean;
  /** Romanised Telugu: 1 sure, 0.5 shared with a confuser, 0 none. */
  te: number;
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
  const teSure = TELUGU_ROMAN.has(w) || TELUGU_AS_WRITTEN.has(lower) || (!en && !tlStrong && !tlWeak && !sk && !cs && teluguEnding(w));
  return { tl: tlStrong ? 1 : tlWeak ? 0.5 : 0, cs, sk, en, te: teSure ? 1 : TELUGU_ROMAN_WEAK.has(w) ? 0.5 : 0 };
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
