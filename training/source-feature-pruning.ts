/**
 * Source-indicative feature pruning (issue 12, generalisation to unseen sources): a hashed bucket
 * whose rows sit almost all in one training source of its language says more about that source
 * (its topic, register, platform) than about feeling, and is what fails to transfer. Such buckets
 * are dropped from the training rows, so the head never gives them weight.
 *
 * Concentration is measured per language, on rates (rows with the bucket / rows of the source), so
 * a big source does not look indicative merely for being big. Languages with one usable source
 * cannot tell source from language and prune nothing.
 *
 * @example
 * const drop = sourceIndicativeBuckets(rows.map((r) => ({ idx: r.idx, source: r.set, lang: r.lang })), { maxShare: 0.9 });
 * const idx = withoutBuckets(rows[0].idx, drop);
 */

/** One training row as pruning sees it. */
export interface SourcedRow {
  idx: Uint32Array;
  /** Source id (data set, and language when one set spans several). */
  source: string;
  lang: string;
}

export interface PruneOptions {
  /** A bucket is source-indicative when one source holds more than this share of its language's rate mass. */
  maxShare: number;
  /** Buckets seen in fewer rows of a language are left alone (too rare to judge). */
  minRows?: number;
  /** Sources with fewer rows are left out of the measure (their rates are noise). */
  minSourceRows?: number;
}

/** Per language: its usable sources' indices and the row count of each. */
function sourcesByLanguage(
  rows: readonly SourcedRow[],
  minSourceRows: number,
): { ids: Map<string, number>; n: number[]; langOf: string[] } {
  const count = new Map<string, { n: number; lang: string }>();
  for (const r of rows) {
    const c = count.get(r.source) ?? { n: 0, lang: r.lang };
    c.n++;
    count.set(r.source, c);
  }
  const ids = new Map<string, number>();
  const n: number[] = [];
  const langOf: string[] = [];
  for (const [s, c] of [...count.entries()].sort()) {
    if (c.n < minSourceRows) continue;
    ids.set(s, n.length);
    n.push(c.n);
    langOf.push(c.lang);
  }
  return { ids, n, langOf };
}

/**
 * Buckets to drop: within some language with two or more usable sources, seen in at least
 * `minRows` of its rows, and more than `maxShare` of the bucket's per-source rate in one source.
 * A bucket is dropped only when the languages where it is indicative hold most of its rows.
 */
export function sourceIndicativeBuckets(rows: readonly SourcedRow[], opts: PruneOptions): Set<number> {
  const { ids, n, langOf } = sourcesByLanguage(rows, opts.minSourceRows ?? 200);
  const S = n.length;
  let maxIdx = 0;
  for (const r of rows) for (const b of r.idx) if (b > maxIdx) maxIdx = b;
  const counts = new Uint32Array((maxIdx + 1) * S);
  const stamp = new Int32Array(maxIdx + 1).fill(-1);
  rows.forEach((r, i) => {
    const s = ids.get(r.source);
    if (s === undefined) return;
    for (const b of r.idx) {
      if (stamp[b] === i) continue;
      stamp[b] = i;
      counts[b * S + s]!++;
    }
  });
  const langs = [...new Set(langOf)].filter((l) => langOf.filter((x) => x === l).length >= 2);
  const drop = new Set<number>();
  for (let b = 0; b <= maxIdx; b++) if (indicative(counts, b, S, n, langOf, langs, opts)) drop.add(b);
  return drop;
}

/** Whether bucket `b` is source-indicative in the languages that hold most of its rows. */
function indicative(
  counts: Uint32Array,
  b: number,
  S: number,
  n: readonly number[],
  langOf: readonly string[],
  langs: readonly string[],
  opts: PruneOptions,
): boolean {
  let total = 0;
  let inIndicative = 0;
  for (let s = 0; s < S; s++) total += counts[b * S + s]!;
  if (total === 0) return false;
  for (const lang of langs) {
    let rows = 0;
    let sum = 0;
    let max = 0;
    for (let s = 0; s < S; s++) {
      if (langOf[s] !== lang) continue;
      const c = counts[b * S + s]!;
      rows += c;
      const rate = c / n[s]!;
      sum += rate;
      if (rate > max) max = rate;
    }
    if (rows >= (opts.minRows ?? 5) && max / sum > opts.maxShare) inIndicative += rows;
  }
  return inIndicative * 2 > total;
}

/** The row's buckets without the dropped ones (a fresh array; the input is left as is). */
export function withoutBuckets(idx: Uint32Array, drop: ReadonlySet<number>): Uint32Array {
  return idx.filter((b) => !drop.has(b));
}
