import { isFunctionWord } from "../text/function-words.js";
import { rulesFor } from "../text/negation-rules.js";
import type { Token } from "../text/token.js";

/**
 * The whole words around a run of tokens, for evidence. Two repairs: Thai loanwords and compounds
 * that the dictionary segmenter cut into pieces ("ออ|เด|อร์" of "ออเดอร์", "ยัง|ไง") are joined
 * again, piece by piece, where nothing separates them; and a negator goes with what it negates
 * ("ไม่" alone shows nothing, "ไม่ต่อ" does; "not" + "working").
 */
export interface TokenRun {
  /** First and last token index, inclusive. */
  a: number;
  b: number;
}

/** A piece no word is made of alone: two code units or fewer, a cancelled consonant (์) or a leading vowel sign. */
function isThaiPiece(t: Token): boolean {
  return (
    t.kind === "word" && /^[\u0E00-\u0E7F]+$/.test(t.norm) && (t.norm.length <= 2 || t.norm.includes("\u0E4C") || /^\p{M}/u.test(t.norm))
  );
}

/** Longest span the joining makes, in code units: a word or a short compound, not a glued clause. */
const MAX_JOINED = 16;

/** Two short Thai syllables glued together are most often one compound ("ล่วง|หน้า", "ยัง|ไง"). */
const bothShort = (x: Token, y: Token): boolean => isThai(x) && isThai(y) && x.norm.length <= 4 && y.norm.length <= 4;
const isThai = (t: Token): boolean => t.kind === "word" && /^[\u0E00-\u0E7F]+$/.test(t.norm);

const glued = (tokens: readonly Token[], i: number, j: number): boolean => tokens[i]!.end === tokens[j]!.start;

/** Join Thai pieces glued to the run on either side (not function words: "นะ" stays out). */
function joinPieces(tokens: readonly Token[], run: TokenRun, lang: string): TokenRun {
  let { a, b } = run;
  const word = (t: Token): boolean => !isFunctionWord(t, lang) && !isBareNegator(t, lang);
  const joinable = (i: number, edge: number): boolean => {
    const [t, e] = [tokens[i]!, tokens[edge]!];
    if (!word(t) || !word(e)) return false;
    // Pieces always join (a word is never shown in part); short syllables only up to a compound's length.
    if (isThaiPiece(t) || isThaiPiece(e)) return true;
    return bothShort(t, e) && Math.max(tokens[b]!.end, t.end) - Math.min(tokens[a]!.start, t.start) <= MAX_JOINED;
  };
  while (a > 0 && glued(tokens, a - 1, a) && joinable(a - 1, a)) a--;
  while (b + 1 < tokens.length && glued(tokens, b, b + 1) && joinable(b + 1, b)) b++;
  return { a, b };
}

/**
 * Take in the negator next to the run (before it, or after it as Telugu's "లేదు"), and the negated
 * word next to a negator in the run.
 */
function joinNegation(tokens: readonly Token[], run: TokenRun, lang: string): TokenRun {
  let { a, b } = run;
  for (let i = run.a; i <= run.b; i++) {
    const by = tokens[i]!.negatedBy;
    if (by === a - 1) a = by;
    else if (by === b + 1) b = by;
  }
  const negatedByRun = (i: number): boolean => {
    const t = tokens[i];
    if (t === undefined || t.negatedBy === undefined || t.negatedBy < run.a || t.negatedBy > run.b) return false;
    // A bare negator takes its helper too ("ไม่ได้"); a longer run only content words ("nefunguje", not "prosím").
    return run.a === run.b || !isFunctionWord(t, lang);
  };
  if (negatedByRun(b + 1)) b++;
  if (negatedByRun(a - 1)) a--;
  return { a, b };
}

/**
 * True for a token that is a negator and nothing else ("not", "ไม่", "hindi", "లేదు"): alone it
 * shows nothing. Self-negating words ("nefunguje", "ไม่เข้าใจ") are content.
 */
export function isBareNegator(t: Token, lang: string): boolean {
  return rulesFor(lang)?.entries[1]?.get(t.fold)?.kind === "negator";
}

/**
 * The run widened to whole words: Thai pieces joined, negation kept together.
 *
 * @example
 * wholeWords(tokensOf("ขอโทษที่ออเดอร์ล่าช้า"), { a: 2, b: 2 }, "th"); // the run of "ออ|เด|อร์"
 */
export function wholeWords(tokens: readonly Token[], run: TokenRun, lang: string): TokenRun {
  const joined = lang === "th" ? joinPieces(tokens, run, lang) : run;
  return joinNegation(tokens, joined, lang);
}
