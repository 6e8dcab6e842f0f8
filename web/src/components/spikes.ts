/**
 * Days whose count stands out from the days before them: above the trailing mean by `z` standard
 * deviations (with a floor, so a quiet channel going from 0 to 1 is not a spike).
 *
 * @example
 * spikes([1, 2, 1, 2, 1, 2, 1, 9], { window: 7 }); // [7]
 */
export function spikes(counts: readonly number[], o: { window?: number; z?: number; min?: number } = {}): number[] {
  const w = o.window ?? 7;
  const z = o.z ?? 2;
  const min = o.min ?? 3;
  const out: number[] = [];
  for (let i = 1; i < counts.length; i++) {
    const base = counts.slice(Math.max(0, i - w), i);
    const mean = base.reduce((s, x) => s + x, 0) / base.length;
    const sd = Math.sqrt(base.reduce((s, x) => s + (x - mean) ** 2, 0) / base.length);
    const c = counts[i]!;
    if (c >= min && c > mean + z * Math.max(sd, 1)) out.push(i);
  }
  return out;
}
