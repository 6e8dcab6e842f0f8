/**
 * Cuts a text at the edges of evidence spans: each piece carries the labels of the spans covering
 * it, so overlapping evidence shows as one mark with both labels. Offsets are UTF-16 code units as
 * in the Reading; spans out of range are clipped, empty ones dropped, and a cut never splits a
 * surrogate pair.
 *
 * @example
 * segments("so angry, no refund", [{ start: 3, end: 8, label: "anger" }]);
 * // [{ text: "so ", labels: [] }, { text: "angry", labels: ["anger"] }, { text: ", no refund", labels: [] }]
 */
export interface LabeledSpan {
  start: number;
  end: number;
  label: string;
}

export interface Segment {
  text: string;
  labels: string[];
}

export function segments(text: string, spans: readonly LabeledSpan[]): Segment[] {
  const fix = (i: number) => {
    let x = Math.max(0, Math.min(text.length, Math.floor(i)));
    // Never cut between the halves of a surrogate pair.
    if (x > 0 && x < text.length && isLow(text.charCodeAt(x)) && isHigh(text.charCodeAt(x - 1))) x--;
    return x;
  };
  const clean = spans
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => ({ start: fix(s.start), end: fix(s.end), label: s.label }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]!;
    const b = edges[i + 1]!;
    if (b <= a) continue;
    const labels = [...new Set(clean.filter((s) => s.start <= a && s.end >= b).map((s) => s.label))];
    const prev = out[out.length - 1];
    if (prev && prev.labels.join() === labels.join()) prev.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), labels });
  }
  return out;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
