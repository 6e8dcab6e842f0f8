import { describe, expect, it } from "vitest";
import { seededRandom } from "../../core/seeded-random.js";
import { createWeightStore, MAX_SLOTS, slotSumsJs } from "./simd-accumulate.js";

/** Random biased weights, and random features: runs of one slot (a word's n-grams) and bigrams. */
function fixture(columns: number, rows: number, seed: number) {
  const rand = seededRandom(seed);
  const stride = Math.ceil(columns / 4);
  const src = new Uint8Array(rows * stride * 4);
  for (let i = 0; i < src.length; i++) src[i] = Math.floor(rand() * 256);
  const features = (n: number, slots: number) => {
    const idx = new Uint32Array(n);
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    let slot = 0;
    for (let i = 0; i < n; i++) {
      if (rand() < 0.05) slot = Math.floor(rand() * slots);
      idx[i] = Math.floor(rand() * rows);
      a[i] = slot;
      b[i] = rand() < 0.1 ? Math.floor(rand() * slots) : slot;
    }
    return { idx, a, b };
  };
  return { stride, src, features };
}

function reference(store: { bytes: Uint8Array; stride: number }, f: { idx: Uint32Array; a: Uint32Array; b: Uint32Array }, slots: number): Int32Array {
  const width = store.stride * 4;
  const out = new Int32Array(slots * width);
  slotSumsJs(store.bytes, width, f.idx, f.a, f.b, f.idx.length, out);
  return out;
}

describe("weight store", () => {
  it.each([58, 8, 33, 64])("SIMD slot sums equal the plain loop for %i columns, across run, flush and chunk edges", (columns) => {
    const { stride, src, features } = fixture(columns, 1 << 10, columns);
    const store = createWeightStore(src, stride, 1 << 10);
    expect(store.engine).toBe("simd");
    for (const [n, slots] of [[0, 1], [1, 1], [255, 2], [256, 1], [257, 3], [1000, 40], [40_000, MAX_SLOTS]] as const) {
      const f = features(n, slots);
      const got = store.slotSums(f.idx, f.a, f.b, n, slots).slice(0, slots * store.stride * 4);
      expect(got).toEqual(reference(store, f, slots));
    }
  });

  it("keeps every weight readable at the padded row stride", () => {
    const { stride, src } = fixture(58, 64, 9);
    const store = createWeightStore(src, stride, 64);
    for (const [row, col] of [[0, 0], [5, 57], [63, 31]] as const) {
      expect(store.bytes[row * store.stride * 4 + col]).toBe(src[row * stride * 4 + col]);
    }
  });

  it("the JS fallback gives the same sums", () => {
    const { stride, src, features } = fixture(58, 256, 4);
    const simd = createWeightStore(src, stride, 256);
    const js = createWeightStore(src, stride, 256, "js");
    expect(js.engine).toBe("js");
    const f = features(777, 20);
    expect(js.slotSums(f.idx, f.a, f.b, 777, 20).slice(0, 20 * 64)).toEqual(simd.slotSums(f.idx, f.a, f.b, 777, 20).slice(0, 20 * 64));
  });
});
