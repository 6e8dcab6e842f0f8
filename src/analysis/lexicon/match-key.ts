/**
 * The key a cue word and a token are compared on: lower case, Latin diacritics removed, letter runs
 * cut to one. Both sides go through this same function, so "Zklamanýýý", "zklamany" and the cue
 * `zklamaný` meet, and "soooo" meets "so". Marks on non-Latin letters (Telugu and Thai vowel signs)
 * are letters in their own right and are kept.
 *
 * @example
 * matchKey("Nejhoršíííí"); // "nejhorsi"
 * matchKey("ఆర్డర్‌కి");     // unchanged apart from case folding
 */
export function matchKey(word: string): string {
  const lower = word.normalize("NFC").toLowerCase();
  let out = "";
  let last = "";
  for (const ch of lower) {
    // Variation selectors make "❤️" and "❤" differ only in presentation.
    if (ch === "\uFE0F" || ch === "\uFE0E") continue;
    const base = isLatin(ch) ? stripMarks(ch) : ch;
    // Cut runs only for letters: "100" and "!!!" keep their meaning elsewhere.
    if (base === last && /\p{L}/u.test(base)) continue;
    out += base;
    last = base;
  }
  return out;
}

function isLatin(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x250 || (cp >= 0x1e00 && cp < 0x1f00);
}

function stripMarks(ch: string): string {
  return ch.normalize("NFD").replace(/\p{M}/gu, "");
}
