/**
 * The evidence check of issue 12, item 9: is a span of a Reading's evidence a content word, or a
 * lone function word (data/function-words/) or a piece of a word? Word boundaries come from
 * Intl.Segmenter, independent of the pipeline's own segmenter, so the check does not grade itself.
 *
 * @example
 * spanFault("Sira rin po", { start: 5, end: 8 }, "tl"); // "function"
 * spanFault("Sira rin po", { start: 0, end: 4 }, "tl"); // null
 */
import { isFunctionForm } from "../src/analysis/text/function-words.js";
import { fnv1a } from "../src/analysis/model/holdout.js";

/** Why a span is not content: a lone function word, part of a word, or no word at all. */
export type SpanFault = "function" | "fragment" | "no-word" | null;

const segmenters = new Map<string, Intl.Segmenter>();
const PICTO = /\p{Extended_Pictographic}/u;

interface Word {
  start: number;
  end: number;
  text: string;
}

function words(text: string, lang: string): Word[] {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: "word" })));
  const out: Word[] = [];
  for (const w of s.segment(text))
    if (w.isWordLike || PICTO.test(w.segment)) out.push({ start: w.index, end: w.index + w.segment.length, text: w.segment });
  return out;
}

/** The fault of one evidence span of `text`, or null when it shows at least one whole content word. */
export function spanFault(text: string, span: { start: number; end: number }, lang: string): SpanFault {
  const inside = words(text, lang).filter((w) => w.end > span.start && w.start < span.end);
  if (inside.length === 0) return "no-word";
  // Cut inside a word: a stem or a syllable, "shorter than a content word".
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  if (span.start > first.start || span.end < last.end) {
    const whole = inside.filter((w) => w.start >= span.start && w.end <= span.end);
    if (whole.length === 0) return "fragment";
    return whole.every((w) => isFunctionForm(w.text, lang)) ? "function" : null;
  }
  return inside.every((w) => !PICTO.test(w.text) && isFunctionForm(w.text, lang)) ? "function" : null;
}

/** The first `n` of `items` in a fixed pseudo-random order (by hash of seed and id). */
export function fixedSample<T extends { id: string }>(items: readonly T[], n: number, seed: string): T[] {
  return [...items].sort((a, b) => fnv1a(seed + a.id) - fnv1a(seed + b.id) || a.id.localeCompare(b.id)).slice(0, n);
}
