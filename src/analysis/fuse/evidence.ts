import type { Span } from "../../core/reading.js";

/** A place in the original text, before its words are copied in. */
export interface Range {
  start: number;
  end: number;
}

/** Every match of a global pattern as a range of the text (the pattern's lastIndex is reset first). */
export function matchRanges(text: string, re: RegExp): Range[] {
  const out: Range[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
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
