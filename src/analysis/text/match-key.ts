import { foldKey, isLatinLetter } from "./fold.js";

/**
 * The key a cue word and a token are compared on: the one folding of cue matching (`foldKey` in
 * fold.ts, the reply cues' too: lower case, Latin diacritics removed, apostrophes and native digits
 * as ASCII), then two token-level steps: emoji variation selectors and stray combining diacritics
 * dropped, Latin letter runs cut to one (runs of three or more in other scripts). Both sides go
 * through this same function, so "Zklamanýýý", "zklamany" and the cue `zklamaný` meet, and "soooo"
 * meets "so". Marks on non-Latin letters (Telugu and Thai vowel signs) are letters in their own
 * right and are kept.
 *
 * @example
 * matchKey("Nejhoršíííí"); // "nejhorsi"
 * matchKey("ఆర్డర్‌కి");     // unchanged apart from case folding
 */
export function matchKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    // Messages repeat the same few thousand words; a bounded cache saves most of the work.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = computeKey(word);
    cache.set(word, key);
  }
  return key;
}

/** Token kinds that cues can match. */
const MATCHABLE = new Set(["word", "number", "emoji", "emoticon", "hashtag"]);

/**
 * The match key of a token: its `norm` (a hashtag without its `#`) through `matchKey`, or "" for
 * kinds no cue matches (punctuation, URLs, mentions, e-mails).
 *
 * @example
 * tokenKey("hashtag", "#zklamaný"); // "zklamany"
 */
export function tokenKey(kind: string, norm: string): string {
  if (!MATCHABLE.has(kind)) return "";
  return matchKey(kind === "hashtag" ? norm.slice(1) : norm);
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

// Variation selectors make "❤️" and "❤" differ only in presentation.
const VARIATION_SELECTOR = /[\uFE0E\uFE0F]/g;
// A combining diacritic NFC could not join to its letter ("q̃"): Latin marks fold away.
const STRAY_DIACRITIC = /[\u0300-\u036f]/g;

function computeKey(word: string): string {
  const folded = foldKey(word.normalize("NFC").replace(VARIATION_SELECTOR, ""), true).replace(STRAY_DIACRITIC, "");
  const chars = [...folded];
  let out = "";
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    let j = i + 1;
    while (j < chars.length && chars[j] === ch) j++;
    const run = j - i;
    // Letter runs are cut so stretched words meet their plain form. In Latin script a double is
    // rarely meaningful ("soo" = "so"); in Thai and Telugu it is ("งง" is not "ง"), so only runs of
    // three or more, which no word has, are cut there.
    const letter = /\p{L}|\p{M}/u.test(ch);
    const keep = !letter ? run : isLatin(ch) ? 1 : run >= 3 ? 1 : run;
    out += ch.repeat(keep);
    i = j;
  }
  return out;
}

function isLatin(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  // Basic Latin and Latin-1, and the Latin letters (fold.ts).
  return cp < 0xc0 || isLatinLetter(cp);
}
