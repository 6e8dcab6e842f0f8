/**
 * The matching forms of a word (`norm`, `fold`) and native digits. Exported so the cue matcher
 * can put cue words through exactly the same transformation as message tokens.
 */

// eslint-disable-next-line no-misleading-character-class -- each joiner is matched alone, to be removed
const JOINERS = /[\u200B\u200C\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const COMBINING_DIACRITIC = /[\u0300-\u036f]/;
const LATIN_BASE = /\p{Script=Latin}/u;

/** Zero values of the decimal digit blocks attune reads: ASCII, Devanagari, Bengali, Telugu, Thai, ... */
const DIGIT_ZEROS = [0x30, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x660, 0x6f0, 0xff10];

/**
 * The ASCII value 0-9 of a decimal digit character from a supported block, or -1.
 *
 * @example
 * digitValue("๓".charCodeAt(0)); // 3
 */
export function digitValue(code: number): number {
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return code - zero;
  }
  return -1;
}

/**
 * Replace native decimal digits (Thai, Telugu, Devanagari, ...) with ASCII digits.
 *
 * @example
 * asciiDigits("౩౦ రోజులు"); // "30 రోజులు"
 */
export function asciiDigits(s: string): string {
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x39 && digitValue(c) >= 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return s;
  let out = s.slice(0, first);
  let changed = false;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c > 0x39 ? digitValue(c) : -1;
    if (d >= 0) {
      out += String.fromCharCode(0x30 + d);
      changed = true;
    } else {
      out += s[i]!;
    }
  }
  return changed ? out : s;
}

/**
 * The numeric value of a number token ("1,299.50", "๑๒๓", "౩౦"), or undefined.
 * A comma followed by exactly three digits is a thousands separator; otherwise a decimal comma.
 *
 * @example
 * numberValue("1,299.50"); // 1299.5
 * numberValue("2,5");      // 2.5
 */
export function numberValue(raw: string): number | undefined {
  const s = asciiDigits(raw);
  if (!/^[0-9][0-9.,\u00a0' ]*$/.test(s)) return undefined;
  let t = s.replace(/[\u00a0' ]/g, "");
  if (/,\d{3}(?!\d)/.test(t) && (t.includes(".") || /^\d{1,3}(?:,\d{3})+$/.test(t))) {
    t = t.replace(/,/g, "");
  } else if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(t) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(t)) {
    t = t.replace(/\./g, "").replace(",", ".");
  } else {
    t = t.replace(",", ".");
  }
  if (!/^\d+(?:\.\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Whether a word has a letter repeated three or more times in a row ("sooo", "มากกก").
 *
 * @example
 * isElongated("pleeease"); // true
 */
export function isElongated(word: string): boolean {
  return firstRun(word, 3) >= 0;
}

/** Index of the first run of `min`+ equal letters or marks, or -1 (a plain loop: no regex backtracking). */
function firstRun(s: string, min: number): number {
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) === s.charCodeAt(i - 1)) {
      run++;
      if (run >= min && isLetterOrMark(s, i)) return i - run + 1;
    } else {
      run = 1;
    }
  }
  return -1;
}

function isLetterOrMark(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER_OR_MARK.test(s[i]!);
}

/** Cut every run of more than `keep` equal letters or marks to `keep`. */
function cutRuns(s: string, keep: number): string {
  const first = firstRun(s, keep + 1);
  if (first < 0) return s;
  const parts: string[] = [s.slice(0, first)];
  let run = 0;
  let runIsLetter = false;
  let copyFrom = first;
  for (let i = first; i < s.length; i++) {
    if (i > 0 && s.charCodeAt(i) === s.charCodeAt(i - 1)) {
      run++;
    } else {
      run = 1;
      runIsLetter = isLetterOrMark(s, i);
    }
    if (run > keep && runIsLetter) {
      if (copyFrom < i) parts.push(s.slice(copyFrom, i));
      copyFrom = i + 1;
    }
  }
  if (copyFrom < s.length) parts.push(s.slice(copyFrom));
  return parts.join("");
}

/**
 * `norm`: lower case, native digits as ASCII, typographic apostrophes as "'", zero-width joiners
 * removed, runs of 3+ equal letters cut to 2.
 *
 * @example
 * normWord("SOOOO"); // "soo"
 * normWord("ఆర్డర్\u200Cకి"); // "ఆర్డర్కి"
 */
export function normWord(word: string): string {
  // Plain ASCII (most English, Tagalog and Czech-without-diacritics words) needs only case and runs.
  if (isPlainAscii(word)) return cutRuns(word.toLowerCase(), 2);
  return cutRuns(asciiDigits(word.normalize("NFC").toLowerCase()).replace(JOINERS, "").replace(APOSTROPHES, "'"), 2);
}

function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c === 0x60) return false;
  }
  return true;
}

/**
 * `fold`: `norm` with diacritics removed from Latin letters (not from Indic or Thai marks) and
 * every run of equal letters cut to one. Put cue words through this too before comparing.
 *
 * @example
 * foldWord("nejhorší"); // "nejhorsi"
 * foldWord("sooo");     // "so"
 */
export function foldWord(word: string): string {
  return foldNorm(normWord(word));
}

/**
 * `fold` computed from an existing `norm` (saves normalising twice).
 *
 * @example
 * foldNorm("nejhorší"); // "nejhorsi"
 */
export function foldNorm(norm: string): string {
  return cutRuns(stripLatinDiacritics(norm), 1);
}

const SPECIAL_LATIN: Record<string, string> = { đ: "d", ł: "l", ø: "o", ı: "i", ħ: "h", ŧ: "t" };

function stripLatinDiacritics(s: string): string {
  // Fast path: plain ASCII and non-Latin scripts have nothing to strip.
  if (!/[\u00c0-\u024f\u1e00-\u1eff]/.test(s)) return s;
  const d = s.normalize("NFD");
  let out = "";
  let prevLatin = false;
  for (const ch of d) {
    if (COMBINING_DIACRITIC.test(ch)) {
      if (!prevLatin) out += ch;
      continue;
    }
    prevLatin = LATIN_BASE.test(ch);
    out += SPECIAL_LATIN[ch] ?? ch;
  }
  return out.normalize("NFC");
}
