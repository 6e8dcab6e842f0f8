/**
 * The whole-word rules of cue matching, in one place for both cue matchers: the lexicon's, on a
 * message's tokens (lexicon/match-cues.ts, for the Reading), and the reply cues', on a reply's text
 * (respond/cue-matcher.ts, for the empathy check). A cue is evidence only as a whole word or run of
 * words, never as part of one, in every script:
 *
 * - spaced scripts (Latin, Telugu): the matcher's own boundaries (token keys compared whole, or a
 *   letter on neither side); a cue written with a trailing `*` may stop inside a word, but only at
 *   the end of a syllable (`prefixEndsSyllable`): Telugu బాధ is not the start of బాధ్యులం;
 * - scripts written without spaces (Thai): the match must start and end on word boundaries found
 *   by Intl.Segmenter's dictionary (`onWordBoundaries`): เสีย is not เสียใจ.
 *
 * Negation is the callers' business: the lexicon marks a hit negated from its tokens, the reply
 * check has negated cues of its own.
 *
 * @example
 * prefixEndsSyllable("బాధ్యులం", 3);                    // false: ధ joins the next consonant
 * onWordBoundaries(thaiWordBoundaries("เสียใจมาก"), 0, 4); // false: เสีย is inside เสียใจ
 */

/** Viramas (Indic scripts, Thai phinthu, Myanmar, Khmer): after one, the consonant goes on. */
const VIRAMA = /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u0e3a\u1039\u17d2\u200d]/u;

/**
 * True when a prefix cue that covers `word` up to `end` stops at the end of a syllable: a vowel
 * sign, a nasal mark or the next consonant may follow (suffixes attach to stems: కోప in కోపంగా,
 * బాధ in బాధపడుతున్నా), a virama may not, since it makes the cue's last consonant the start of a
 * cluster that belongs to another word (బాధ in బాధ్యులం, "responsible").
 */
export function prefixEndsSyllable(word: string, end: number): boolean {
  return end >= word.length || !VIRAMA.test(word.charAt(end));
}

const thaiWords = new Intl.Segmenter("th", { granularity: "word" });

/**
 * The word boundaries of a text in a script written without spaces, by Intl.Segmenter's Thai
 * dictionary (which also cuts every other script at its spaces and punctuation); includes the end.
 */
export function thaiWordBoundaries(text: string): Set<number> {
  const bounds = new Set<number>([text.length]);
  for (const seg of thaiWords.segment(text)) bounds.add(seg.index);
  return bounds;
}

/**
 * True when a match `[start, end)` is whole words: it starts on a boundary and ends on one. ICU's
 * dictionary sometimes moves one letter across a boundary ("ความ|โกรธข|อง", "โปร|โม|ชั่|นข|อง"),
 * so an end one letter from a boundary passes; a cue that stops two or more letters inside a word
 * (เสีย in เสียใจ) does not.
 */
export function onWordBoundaries(bounds: ReadonlySet<number>, start: number, end: number): boolean {
  const near = (at: number) => bounds.has(at) || bounds.has(at - 1) || bounds.has(at + 1);
  return bounds.has(start) && near(end);
}
