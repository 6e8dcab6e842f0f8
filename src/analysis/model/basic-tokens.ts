/**
 * A plain tokeniser (Intl.Segmenter words, Token-shaped) used only where the text step is not
 * available: the model's own unit tests and the first training runs. The pipeline and shipped
 * training use the text step (`model-tokens.ts` picks it when present).
 *
 * @example
 * basicTokens("Not good!!", "en").map((t) => t.fold); // ["not", "good", "!!"]
 */
import { tokenKey } from "../text/match-key.js";
import type { Token } from "../text/token.js";

const segmenters = new Map<string, Intl.Segmenter>();
const EMOJI = /\p{Extended_Pictographic}/u;
const NEGATORS = new Set(["not", "no", "never", "dont", "don't", "hindi", "wala", "walang", "ne", "nikdy", "ไม่", "ไม่ได้", "లేదు", "కాదు"]);

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: "word" });
    segmenters.set(lang, s);
  }
  return s;
}

function fold(norm: string): string {
  return norm
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/(\p{L})\1+/gu, "$1");
}

/** Tokenise `text` into Tokens with offsets, norm/fold and a 3-token negation scope. */
export function basicTokens(text: string, lang: string): Token[] {
  const out: Token[] = [];
  let negLeft = 0;
  let negBy = -1;
  for (const seg of segmenter(lang).segment(text)) {
    const raw = seg.segment;
    if (raw.trim() === "") continue;
    const norm = raw
      .normalize("NFC")
      .toLowerCase()
      .replace(/(\p{L})\1{2,}/gu, "$1$1");
    let kind: Token["kind"] = "punct";
    if (seg.isWordLike) kind = /^\p{N}+$/u.test(raw) ? "number" : "word";
    else if (EMOJI.test(raw)) kind = "emoji";
    const t: Token = { kind, start: seg.index, end: seg.index + raw.length, norm, fold: fold(norm), key: tokenKey(kind, norm) };
    if (kind === "word" && /(\p{L})\1{2,}/u.test(raw)) t.elongated = true;
    if (kind === "punct" && /[.!?;]/.test(raw)) negLeft = 0;
    if (kind === "word") {
      if (negLeft > 0) {
        t.negated = true;
        t.negatedBy = negBy;
        negLeft--;
      }
      if (NEGATORS.has(t.fold) || (lang === "th" && t.norm.startsWith("ไม่") && t.norm.length > 3)) {
        negLeft = 3;
        negBy = out.length;
      }
    }
    out.push(t);
  }
  return out;
}
