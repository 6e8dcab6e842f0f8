/**
 * Romanised Telugu words (how most Telugu speakers type on a phone), recognised three ways: a list
 * of sure words, the inflectional endings of Telugu verbs on a stem of some length, and Telugu
 * postpositions written onto a known noun ("accountlo", "officeki", "gantanunchi"). Everything is
 * in fold form (lower case, no diacritics, letter runs cut to one: "cheppaaru" is "cheparu",
 * "ayyindi" is "ayindi"), so aa/a, ee/e, oo/o and doubled consonants need no second spelling;
 * dh/d and th/t do, and both are listed.
 */
import { foldWord } from "../text/word-forms.js";

/**
 * Sure words: pronouns, question words, negation, conjunctions, time and quantity words, polite
 * forms and frequent inflected verbs, in the spellings people actually use (chaala/chala,
 * ledu/ledhu, cheyyandi/cheyandi). Verb forms too short for the endings below ("aindi", "avvadam")
 * are listed whole.
 */
const SURE = `nenu neenu memu manam meeru miru nuvvu nuvu vaallu vallu atanu aayana ayana vaadu vaaru
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
undali undaali enti ento
aindi ayndi poindi aipoindi ayipoindi kaaledu kaledhu avvadam avvadamledu cheyyadam raavadam ivvadam
aite ayite aithe ayithe cheste vasthe ichina vachina ayina poyina
raalenu cheyalenu chudalenu raaleru cheyyaleru ivvaleru cheppaleru chudaleru raaru raadhu icchanu ichaanu vachaanu vacharu vellaru chusaaru
undatledu undadu cheyyatledu panicheyatledu kattanu kattali kattaanu kattaru kattina
ippativaraku intavaraku inthavaraku ippatiki tondaraga tvaraga twaraga sepu sepati lopu daaka mundhu
evvaru evvariki entandi emandi deeniki daaniki dheeniki dhaaniki deenilo
manchidi chedda cheddaga ibbandi ibbandulu kashtam kastam nashtam tappu gurthu gurtu keka
naatho meetho vaallatho maatho neetho vaallaki ammaki nannaki pillalaki pillalu
unnaya unnara unnava vastara vasthara chesthara ravacha raavachaa enduko emito ekkado evaro chusi kaligina
ayyinda poyinda maayam rendosari moodosari unte ekkuve takkuve nijame nijamga nijanga`;

/**
 * Words that are also common in a confuser language ("lo" in Spanish, "ga" in Indonesian chat,
 * "na" in Tagalog and Czech, "ela" in Portuguese, "mana" in Indonesian; "chinna" folds to "china",
 * "kinda" and "peru" are English as written, "manchi" and "vaste" are Italian and Dutch, "avi" a
 * file type): they count half.
 */
const WEAK = `naa mee maa lo ki ku ni nu ga em ela ani ante mari kuda ala adi ide emo sari kada tho nela anni vere
aame yenni ninna malli maata raadu tappa ayye kinda chinna anta mana peru ane manchi vaste avi ivi`;

/**
 * Inflectional endings of romanised Telugu verbs (in fold form), each with its forms: past
 * "-indi/-ayindi/-poyindi" (vachindi, ayipoyindi), "-aru" (chesaru, annaru, cheparu, ayaru),
 * "-anu" (chesanu, ichanu), "-adu" (chesadu, adigadu); negative "-ledu/-ledhu" (raledu, cheyaledu),
 * "-lenu" (raalenu); progressive "-tunnanu/-tunnaru/-tunnamu/-tunnayi"; habitual and future
 * "-tundi/-thundi/-stanu/-sthanu/-staru/-stharu"; imperative "-andi" after a verb stem (cheyandi,
 * ivvandi, pettandi, vellandi); obligative "-ali" (cheyali, ivvali), "-alsi"; conditional
 * "-ite/-ithe" after "ay" (ayite, poyithe) and "-sthe"; verbal nouns "-adam" and their dative
 * "-aniki" (cheyadaniki); questions "-aya", "-inda" (vastaya, chesinda); "-ocha" (cheyocha).
 * Tagalog "hindi" or Czech "dostanu" are kept out by the lists of those languages and the minimum
 * stem. Endings a confuser language shares ("-ite" in English, "-aite" in French, "-stara" in
 * Spanish, "-leru" in Czech, "-alu" in Czech and Malay, "-ulu" in Indonesian, "-inda" in Tagalog
 * "tinda") are not here, and their Telugu words are listed whole.
 */
const ENDINGS = `indi ndhi tundi tondi thundi thondi ledu ledhu lenu
tunaru tunanu tunam tunamu tunadu tunadi tunayi thunaru thunanu stuna thuna ltuna gutuna ntuna utuna
unaru unanu unadi unayi unara unaya tunda tunte utaya staya ntaya yinda sinda chinda
stanu staru stamu stam stadu sthanu stharu sthamu sthadu sthaya
yandi vandi pandi dandi kondi chandi tandi landi yandhi vandhi pandhi chandhi
yali vali pali lali chali agali udali ndali vala lala chala yala
alsi alsina alsindi sanu ganu chanu panu tanu lanu vanu danu nanu yanu galanu
saru paru varu maru naru charu taru daru garu yaru
sadu chadu nadu yadu padu tadu gadu ayi yite yithe
vocha yocha gocha vochu yochu gochu avacha avachu daniki
vadam yadam dadam chadam aniki inadi ithe sthe yaka chaka ukuna koni galara galaru galava apudu`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Postpositions and particles written onto the word before them ("accountlo", "officeki",
 * "naatho", "gantanunchi", "thanksandi"). Dative "-ku", "-ni" and "-ga" are left out: Malay and
 * Indonesian write "-ku" (my) onto English nouns, Czech adjectives end in "-ni", Hindi has "-ga".
 */
const CLITICS = ["lo", "ki", "tho", "kuda", "lone", "loki", "nundi", "nunchi", "ninchi", "kosam", "andi", "daka", "varaku"];
/**
 * Nouns a postposition is often written onto that the English list lacks ("gantanunchi", "rojuki",
 * "ammaki", "officeki"); not every Telugu word, since "moodu" + "lo" would take Italian "modulo"
 * and "nanna" + "lo" Tagalog "nanalo".
 */
const CLITIC_NOUNS = `ganta gantala roju rojula vaaram vaarala nela nelala inti amma pillala vaalla office hospital clinic`;
/** A stem must keep at least this many letters, so "solo" and "kilo" are not "so" + "lo". */
const MIN_CLITIC_STEM = 3;
/** A verb form must keep at least this many letters before its ending, and this many in all. */
const MIN_VERB_STEM = 2;
const MIN_VERB_FORM = 5;

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(foldWord));
}

/**
 * Romanised Telugu words, in fold form: sure ones, and ones shared with a confuser language.
 *
 * @example
 * TELUGU_ROMAN.has("raledu"); // true ("raaledu" folds to it)
 * TELUGU_ROMAN_WEAK.has("lo"); // true (also Spanish)
 */
export const TELUGU_ROMAN = toSet(SURE);
export const TELUGU_ROMAN_WEAK = toSet(WEAK);
const TELUGU_NOUN_STEMS = toSet(CLITIC_NOUNS);

/** A romanised Telugu verb form by its ending; plain string checks, linear in the word's length. */
export function teluguVerbForm(w: string): boolean {
  if (w.length < MIN_VERB_FORM || !/^[a-z]+$/.test(w)) return false;
  for (const e of ENDINGS) if (w.length >= e.length + MIN_VERB_STEM && w.endsWith(e)) return true;
  return false;
}

/**
 * A Telugu postposition written onto a known noun: a Telugu one, or one the caller knows
 * (`isEnglish`: a word from the customer-message list): "accountlo", "refundki", "gantanunchi".
 *
 * @example
 * teluguClitic("accountlo", (s) => s === "acount"); // true
 */
export function teluguClitic(w: string, isEnglish: (stem: string) => boolean): boolean {
  for (const c of CLITICS) {
    if (w.length < c.length + MIN_CLITIC_STEM || !w.endsWith(c)) continue;
    const stem = w.slice(0, -c.length);
    if (TELUGU_NOUN_STEMS.has(stem) || isEnglish(stem)) return true;
  }
  return false;
}
