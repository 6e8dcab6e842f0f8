/**
 * A token of a message: the unit that cues, negation and model features work on. Offsets always
 * point into the caller's original text, whatever normalisation did, so evidence can be shown as is.
 */
export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "url" | "mention" | "hashtag" | "email" | "punct";

export interface Token {
  kind: TokenKind;
  /** Offsets `[start, end)` in the original text (UTF-16 code units). */
  start: number;
  end: number;
  /**
   * Matching form: NFC, lower case, runs of 3+ equal letters cut to 2 ("soooo" -> "soo"),
   * native digits turned ASCII. Czech keeps its diacritics here; see `fold`.
   */
  norm: string;
  /** `norm` with Latin diacritics removed and letter runs cut to 1 ("nejhorší" -> "nejhorsi", "soo" -> "so"). */
  fold: string;
  /** The key cues are matched on (`tokenKey`: matchKey of `norm`; "" for kinds no cue matches). */
  key: string;
  /** Numeric value for number tokens, native digits included ("๓" -> 3, "౩౦" -> 30). */
  value?: number;
  /** Written in capitals in a mostly lower-case message (shouting). */
  caps?: boolean;
  /** Had a letter repeated 3+ times ("sooo", "มากกกก"). */
  elongated?: boolean;
  /** Inside the scope of a negation (set by the negation step). */
  negated?: boolean;
  /** Index of the negator token whose scope covers this one. */
  negatedBy?: number;
  /** Multiplier from a preceding intensifier (>1) or downtoner (<1), set by the negation step. */
  intensity?: number;
}
