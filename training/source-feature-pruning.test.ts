import { describe, expect, it } from "vitest";
import { sourceIndicativeBuckets, withoutBuckets, type SourcedRow } from "./source-feature-pruning.js";

/** `n` rows of one source; bucket 1 in every row, `extra` buckets in the first `k` rows. */
function rowsOf(source: string, lang: string, n: number, extra: number[], k: number): SourcedRow[] {
  return Array.from({ length: n }, (_, i) => ({ source, lang, idx: Uint32Array.from(i < k ? [1, ...extra] : [1]) }));
}

const opts = { maxShare: 0.9, minRows: 5, minSourceRows: 10 };

describe("sourceIndicativeBuckets", () => {
  it("drops a bucket that one source of the language holds and keeps one every source shares", () => {
    const rows = [...rowsOf("a", "en", 100, [7], 40), ...rowsOf("b", "en", 100, [], 0)];
    const drop = sourceIndicativeBuckets(rows, opts);
    expect(drop.has(7)).toBe(true);
    expect(drop.has(1)).toBe(false);
  });

  it("judges by rate, so a bucket spread evenly over a big and a small source is kept", () => {
    // 50% of a 1,000-row source and 50% of a 20-row source: counts 500 vs 10, rates equal.
    const rows = [...rowsOf("big", "cs", 1000, [3], 500), ...rowsOf("small", "cs", 20, [3], 10)];
    expect(sourceIndicativeBuckets(rows, opts).has(3)).toBe(false);
  });

  it("prunes nothing in a language with a single source (source and language cannot be told apart)", () => {
    const rows = [...rowsOf("only", "te", 100, [9], 50), ...rowsOf("a", "en", 100, [], 0), ...rowsOf("b", "en", 100, [], 0)];
    expect(sourceIndicativeBuckets(rows, opts).size).toBe(0);
  });

  it("leaves buckets seen in fewer than minRows rows alone", () => {
    const rows = [...rowsOf("a", "en", 100, [5], 4), ...rowsOf("b", "en", 100, [], 0)];
    expect(sourceIndicativeBuckets(rows, opts).has(5)).toBe(false);
    expect(sourceIndicativeBuckets(rows, { ...opts, minRows: 3 }).has(5)).toBe(true);
  });

  it("ignores sources under minSourceRows", () => {
    const rows = [...rowsOf("a", "en", 100, [], 0), ...rowsOf("tiny", "en", 8, [6], 8)];
    expect(sourceIndicativeBuckets(rows, opts).has(6)).toBe(false);
  });
});

describe("withoutBuckets", () => {
  it("removes the dropped buckets and leaves the input untouched", () => {
    const idx = Uint32Array.of(1, 7, 2, 7);
    expect([...withoutBuckets(idx, new Set([7]))]).toEqual([1, 2]);
    expect([...idx]).toEqual([1, 7, 2, 7]);
  });
});
