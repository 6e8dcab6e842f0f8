/**
 * Content words of a message, reduced to rough stems, so the check can see whether a reply speaks
 * about what the customer wrote ("objednávka" / "objednávku", "delivered" / "delivery"). A stem is
 * a short prefix of the folded word: crude, but the same on both sides and cheap enough to run on
 * every check.
 *
 * @example
 * contentStems(prepare("My parcel never arrived"), "latin", stop); // stems "parce", "never", "arriv"
 */
import type { BoundaryMode } from "./cue-matcher.js";
import type { PreparedText } from "../text/fold.js";

const thaiSegmenter = new Intl.Segmenter("th", { granularity: "word" });
const WORD = /[\p{L}\p{M}\p{N}'’-]+/gu;

export interface Stem {
  stem: string;
  start: number;
  end: number;
}

/** Stems of the words of `text` that are not stop words, with their positions. */
export function contentStems(text: PreparedText, mode: BoundaryMode, stopwords: ReadonlySet<string>): Stem[] {
  const key = text.key;
  const out: Stem[] = [];
  if (mode === "nospace") {
    for (const seg of thaiSegmenter.segment(key)) {
      if (!seg.isWordLike) continue;
      const w = seg.segment;
      if (w.length < 2 || stopwords.has(w) || /^[0-9]+$/.test(w)) continue;
      out.push({ stem: w, start: seg.index, end: seg.index + w.length });
    }
    return out;
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(key); m !== null; m = WORD.exec(key)) {
    const w = m[0];
    const first = w.charCodeAt(0);
    if ((first >= 48 && first <= 57) || stopwords.has(w)) continue;
    const s = stemOf(w, mode);
    if (s !== null) out.push({ stem: s, start: m.index, end: m.index + w.length });
  }
  return out;
}

function stemOf(word: string, mode: BoundaryMode): string | null {
  if (mode === "prefix") return word.length >= 3 ? word.slice(0, 4) : null;
  return word.length >= 4 ? word.slice(0, 5) : null;
}

/** Tokens with a digit and at least three characters: order numbers, amounts, dates. */
export function specificNumbers(text: string): string[] {
  const out: string[] = [];
  if (!/[0-9]/.test(text)) return out;
  for (const m of text.matchAll(/[\p{L}\p{N}#/-]*[0-9][\p{L}\p{N}#/.-]*/gu)) {
    const t = m[0].replace(/[.-]+$/, "");
    if (t.replace(/[^0-9A-Za-z]/g, "").length >= 3) out.push(t.toLowerCase());
  }
  return out;
}
