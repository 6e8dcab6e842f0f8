/**
 * Latin diacritic folding, shared by both cue matchers: the lexicon's token keys (match-key.ts)
 * and the reply cues' prepared text (respond/cue-matcher.ts), so "zklamaný" and "zklamany" meet
 * alike in both. Marks on other scripts' letters (Telugu and Thai vowel signs) are letters in
 * their own right and are never folded.
 *
 * @example
 * isLatinLetter("ý".codePointAt(0)!) ? stripMarks("ý") : "ý"; // "y"
 */

/** Latin letters with diacritics: Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (Vietnamese). */
export function isLatinLetter(code: number): boolean {
  return (code >= 0xc0 && code < 0x250) || (code >= 0x1e00 && code < 0x1f00);
}

/** The text without its combining marks after canonical decomposition ("ắ" -> "a"). */
export function stripMarks(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "");
}
