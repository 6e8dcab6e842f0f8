import type { Span } from "../../core/reading.js";

/** A place in the original text, before its words are copied in. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Every match of a global pattern as a range of the text (the pattern's lastIndex is reset first).
 * Most texts hold no match of a rule's pattern: its pre-check (`loosened`) says so first, cheaply.
 */
export function matchRanges(text: string, re: RegExp): Range[] {
  if (ruledOut(text, re)) return [];
  const out: Range[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Whether a global pattern matches anywhere in the text: `matchRanges(text, re).length > 0`, without finding every match. */
export function hasMatch(text: string, re: RegExp): boolean {
  if (ruledOut(text, re)) return false;
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** True when the pattern's pre-check shows the text holds no match. */
function ruledOut(text: string, re: RegExp): boolean {
  let pre = PRECHECKS.get(re);
  if (pre === undefined) PRECHECKS.set(re, (pre = loosened(re)));
  return pre !== null && !pre.test(text);
}

/**
 * Turn ranges into evidence spans of `text`: sorted, overlaps merged, empty or out-of-range ones
 * dropped, so every span a Reading shows is real text.
 *
 * @example
 * toSpans("so rude and slow", [{start: 3, end: 7}, {start: 12, end: 16}]);
 * // [{start: 3, end: 7, text: "rude"}, {start: 12, end: 16, text: "slow"}]
 */
export function toSpans(text: string, ranges: readonly Range[], max = 6): Span[] {
  const valid = ranges
    .filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of valid) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged.slice(0, max).map((r) => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end) }));
}

/** The whole message minus surrounding blanks: the evidence for a judgement about all of it. */
export function wholeText(text: string): Range[] {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? [{ start, end }] : [];
}

/** Each pattern's pre-check, made on its first use (null: none worth having). */
const PRECHECKS = new WeakMap<RegExp, RegExp | null>();

/**
 * The pattern without its lookarounds (word edges such as `(?<![\p{L}\p{M}])`), as a plain test.
 * Dropping a zero-width condition only lets more texts match, so a text it does not match holds no
 * match of the pattern; and without a lookbehind in front, the regex engine can skip ahead to the
 * letters a match starts with instead of trying every position (rule patterns: 1.5-4x faster).
 * Null when the pattern has no lookaround, or when dropping one could change what the rest means
 * (a back-reference, or a quantifier right after it).
 */
export function loosened(re: RegExp): RegExp | null {
  const src = re.source;
  if (re.flags.includes("v") || /\\(?:[1-9]|k<)/.test(src)) return null;
  let out = "";
  let i = 0;
  while (i < src.length) {
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) {
      const end = groupEnd(src, i);
      if (end < 0 || /[*+?{]/.test(src[end + 1] ?? "")) return null;
      i = end + 1;
      continue;
    }
    const next = tokenEnd(src, i);
    out += src.slice(i, next);
    i = next;
  }
  if (out === src) return null;
  try {
    return new RegExp(out, re.flags.replace(/[gy]/g, ""));
  } catch {
    return null;
  }
}

/** The index after the source token at `i`: an escape, a character class, or one character. */
function tokenEnd(src: string, i: number): number {
  if (src[i] === "\\") return i + 2;
  if (src[i] !== "[") return i + 1;
  let j = i + 1;
  while (j < src.length && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
  return j + 1;
}

/** The index of the parenthesis closing the group opened at `i`, or -1. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j = tokenEnd(src, j)) {
    if (src[j] === "(") depth++;
    else if (src[j] === ")" && --depth === 0) return j;
  }
  return -1;
}
