import type { Reading, Span } from "../../core/reading.js";
import { isFunctionWord } from "../text/function-words.js";
import type { Token } from "../text/token.js";
import { clauseAt } from "./clauses.js";
import { toSpans, wholeText, type Range } from "./evidence.js";
import { isBareNegator, wholeWords } from "./whole-words.js";

/**
 * Evidence shows content words (issue 12, item 9: spans on "rin", "หน่อย", "మీరు" or "Paní" were
 * judged useless). Every span of a Reading is cut to whole tokens, and a span made only of function
 * words (a contrast word like "ale", a particle like "already") takes in the content words after it
 * in its clause ("ale baterie nevydrží"), or before it when the clause ends there; a span with none
 * near it is dropped. A label that loses every span shows its clause, so no label is left bare.
 */
const MAX_CONTENT = 3;
/** A token longer than this (a glued unspaced run) is not taken whole: the span keeps its own ends. */
const MAX_SNAP = 24;

interface Words {
  text: string;
  tokens: readonly Token[];
  lang: string;
}

const isContent = (t: Token, lang: string): boolean =>
  t.kind === "number" ||
  t.kind === "emoji" ||
  t.kind === "emoticon" ||
  t.kind === "hashtag" ||
  (t.kind === "word" && !isFunctionWord(t, lang));

/** A negator alone in its run shows nothing ("ไม่", "not"): it needs the word it negates. */
function lone(w: Words, i: number, a: number, b: number): boolean {
  return a === b && isBareNegator(w.tokens[i]!, w.lang);
}

/** Indices of the non-punctuation tokens a range overlaps. */
function covered(w: Words, r: Range): number[] {
  const out: number[] = [];
  w.tokens.forEach((t, i) => {
    if (t.kind !== "punct" && t.end > r.start && t.start < r.end) out.push(i);
  });
  return out;
}

/** Walk from token `from` by `step` inside `clause`, up to MAX_CONTENT content tokens; the last index taken. */
function reach(w: Words, from: number, step: 1 | -1, clause: Range): number {
  let last = -1;
  let content = 0;
  for (let i = from; i >= 0 && i < w.tokens.length && content < MAX_CONTENT; i += step) {
    const t = w.tokens[i]!;
    if (t.start < clause.start || t.end > clause.end || t.kind === "punct") break;
    // Thai writes a space where other languages put a comma.
    const prev = w.tokens[i - step];
    if (w.lang === "th" && prev && /\s/.test(step > 0 ? w.text.slice(prev.end, t.start) : w.text.slice(t.end, prev.start))) break;
    if (isContent(t, w.lang)) {
      content++;
      last = i;
    }
  }
  return last;
}

/** One range as content: whole tokens, and a function-word-only range widened to its clause's content words. */
function contentRange(w: Words, r: Range): Range | null {
  const idx = covered(w, r);
  if (idx.length === 0) return null;
  const { a, b } = wholeWords(w.tokens, { a: idx[0]!, b: idx[idx.length - 1]! }, w.lang);
  const first = w.tokens[a]!;
  const lastTok = w.tokens[b]!;
  const start = first.end - first.start <= MAX_SNAP ? Math.min(r.start, first.start) : r.start;
  const end = lastTok.end - lastTok.start <= MAX_SNAP ? Math.max(r.end, lastTok.end) : r.end;
  for (let i = a; i <= b; i++) if (isContent(w.tokens[i]!, w.lang) && !lone(w, i, a, b)) return { start, end };
  const clause = clauseAt(w.text, first.start);
  const right = reach(w, b + 1, 1, clause);
  if (right >= 0) return { start, end: w.tokens[right]!.end };
  const left = reach(w, a - 1, -1, clause);
  if (left < 0) return null;
  // What is glued on after the run reads with it ("ไม่" + "ได้": "cannot"), so the span does not stop mid-phrase.
  let last = b;
  while (last + 1 < w.tokens.length && w.tokens[last + 1]!.kind === "word" && w.tokens[last + 1]!.start === w.tokens[last]!.end) last++;
  return { start: w.tokens[left]!.start, end: Math.max(end, w.tokens[last]!.end) };
}

/**
 * Spans of `text` that show content words (see above); the clause of the first span when none does.
 *
 * @example
 * contentSpans(words, [{ start: 14, end: 17, text: "ale" }]); // [{..., text: "ale baterie nevydrží"}]
 */
export function contentSpans(w: Words, spans: readonly Span[], known?: Map<number, Range | null>): Span[] {
  if (spans.length === 0) return [];
  const ranges = spans.map((s) => knownRange(w, s, known)).filter((r): r is Range => r !== null);
  if (ranges.length > 0) return toSpans(w.text, ranges);
  const clause = clauseAt(w.text, spans[0]!.start);
  const trimmed = wholeText(w.text.slice(clause.start, clause.end))[0];
  return trimmed ? toSpans(w.text, [{ start: clause.start + trimmed.start, end: clause.start + trimmed.end }]) : [];
}

/**
 * `contentRange`, kept per message in `known` by the range's ends: the labels of one Reading often
 * show the same words (a tone, a feeling and a cause on "rude"), and the range depends on nothing
 * else (`toSpans` copies the ranges it merges, so one range may serve several labels).
 */
function knownRange(w: Words, r: Range, known: Map<number, Range | null> | undefined): Range | null {
  if (!known) return contentRange(w, r);
  // Ends are at most the input limit (65,536), so the pair packs into one exact number.
  const key = r.start * 0x20000 + r.end;
  let got = known.get(key);
  if (got === undefined) {
    got = contentRange(w, r);
    known.set(key, got);
  }
  return got;
}

/** Every evidence list of a Reading made content spans (`contentSpans`). */
export function contentEvidence<R extends Pick<Reading, "sentiment" | "emotions" | "needs" | "causes" | "stage" | "complaint" | "signals">>(
  reading: R,
  w: Words,
): R {
  const known = new Map<number, Range | null>();
  const fix = <T extends { evidence: Span[] }>(x: T): T => ({ ...x, evidence: contentSpans(w, x.evidence, known) });
  return {
    ...reading,
    sentiment: fix(reading.sentiment),
    emotions: reading.emotions.map(fix),
    needs: reading.needs.map(fix),
    causes: reading.causes.map(fix),
    stage: fix(reading.stage),
    complaint: fix(reading.complaint),
    signals: reading.signals.map(fix),
  };
}
