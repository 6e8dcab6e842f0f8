/**
 * The one text folding of cue matching, for both cue matchers: the lexicon's token keys
 * (match-key.ts, the Reading's) and the reply cues' prepared text (respond/cue-matcher.ts, the
 * empathy check's). Both go through `foldKey`, one UTF-16 unit at a time, so a cue and a text meet
 * alike in both: lower case, `’` `‘` `ʼ` as `'`, Thai, Telugu, Devanagari, Arabic-Indic and
 * full-width digits as ASCII ones, and (where the language folds) Latin diacritics removed, so
 * "zklamaný" and "zklamany" meet. Marks on other scripts' letters (Telugu and Thai vowel signs) are
 * letters in their own right and are never folded. The key has the text's length, so match offsets
 * are offsets in the original; the lexicon's token-level steps (letter runs, emoji variation
 * selectors) are match-key.ts's.
 *
 * @example
 * foldKey("Zklamaný", true);  // "zklamany"
 * foldKey("I’ll", false);     // "i'll"
 * foldKey("๑๒ ชม.", false);   // "12 ชม."
 */

/** Latin letters with diacritics: Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (Vietnamese). */
export function isLatinLetter(code: number): boolean {
  return (code >= 0xc0 && code < 0x250) || (code >= 0x1e00 && code < 0x1f00);
}

/** The text without its combining marks after canonical decomposition ("ắ" -> "a"). */
export function stripMarks(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "");
}

/** A text prepared for matching: same length as the original, so offsets carry over. */
export interface PreparedText {
  readonly original: string;
  readonly key: string;
  readonly fold: boolean;
}

/**
 * The text with its folded key (`foldKey`), for matching reply cues on it.
 *
 * @example
 * prepare("Omlouvám se", true).key; // "omlouvam se"
 */
export function prepare(text: string, fold = false): PreparedText {
  return { original: text, key: foldKey(text, fold), fold };
}

/**
 * The folded key of a text, one UTF-16 unit per unit: lower case, apostrophes and native digits
 * as ASCII, and with `fold` the Latin diacritics removed.
 */
export function foldKey(text: string, fold: boolean): string {
  const lower = text.toLowerCase();
  // Whole-string lower-casing is fast; it is only usable when no character changed length
  // ("İ" becomes two code units), which per-character work below then handles.
  const base = lower.length === text.length ? lower : perChar(text);
  return base.replace(NON_ASCII, (ch) => keyChar(ch.charCodeAt(0), ch, fold));
}

// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/g;

function perChar(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch;
  }
  return out;
}

const keyCache = new Map<number, string>();

function keyChar(code: number, ch: string, fold: boolean): string {
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const cacheKey = fold ? -code - 1 : code;
  const hit = keyCache.get(cacheKey);
  if (hit !== undefined) return hit;
  let out = ch;
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) out = "'";
  else if (code >= 0xd800 && code <= 0xdfff) out = ch;
  else {
    const digit = nativeDigit(code);
    if (digit >= 0) out = String(digit);
    else {
      const lower = ch.toLowerCase();
      out = lower.length === 1 ? lower : ch;
      if (fold && isLatinLetter(code)) {
        // Only a one-unit result keeps offsets in the original text; every Latin letter gives one.
        // Lower-cased again: "İ" has no one-unit lower case, but its base "I" has.
        const base = stripMarks(out);
        if (base.length === 1) out = base.toLowerCase();
      }
    }
  }
  keyCache.set(cacheKey, out);
  return out;
}

/** Thai, Telugu, Devanagari, Arabic-Indic and full-width digits to their value; -1 otherwise. */
function nativeDigit(code: number): number {
  const zeros = [0x0e50, 0x0c66, 0x0966, 0x0660, 0x06f0, 0xff10];
  for (const z of zeros) if (code >= z && code <= z + 9) return code - z;
  return -1;
}
