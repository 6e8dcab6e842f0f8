import { describe, expect, it } from "vitest";
import { seededRandom } from "../../core/seeded-random.js";
import { createWeightStore, MAX_SLOTS, slotSumsJs } from "./simd-accumulate.js";

/** Random biased weights, and random features: runs of one token (a word's n-grams), bigrams and message-level ones. */
function fixture(columns: number, rows: number, seed: number) {
  const rand = seededRandom(seed);
  const stride = Math.ceil(columns / 4);
  const src = new Uint8Array(rows * stride * 4);
  for (let i = 0; i < src.length; i++) src[i] = Math.floor(rand() * 256);
  const features = (n: number, slots: number) => {
    const idx = new Uint32Array(n);
    const tok = new Int32Array(n);
    const tok2 = new Int32Array(n);
    let t = -1;
    for (let i = 0; i < n; i++) {
      if (rand() < 0.05) t = Math.floor(rand() * slots) - 1;
      idx[i] = Math.floor(rand() * rows);
      tok[i] = t;
      tok2[i] = t >= 0 && rand() < 0.1 ? Math.floor(rand() * (slots - 1)) : -1;
    }
    return { idx, tok, tok2 };
  };
  return { stride, src, features };
}

function reference(
  store: { bytes: Uint8Array; stride: number },
  f: { idx: Uint32Array; tok: Int32Array; tok2: Int32Array },
  slots: number,
): Int32Array {
  const width = store.stride * 4;
  const out = new Int32Array(slots * width);
  slotSumsJs(store.bytes, width, f.idx, f.tok, f.tok2, f.idx.length, slots > 1, out);
  return out;
}

describe("weight store", () => {
  it.each([58, 8, 33, 64])("SIMD slot sums equal the plain loop for %i columns, across run, flush and chunk edges", (columns) => {
    const { stride, src, features } = fixture(columns, 1 << 10, columns);
    const store = createWeightStore(src, stride, 1 << 10);
    expect(store.engine).toBe("simd");
    for (const [n, slots] of [
      [0, 1],
      [1, 1],
      [255, 2],
      [256, 1],
      [257, 3],
      [600, 1],
      [1000, 40],
      [40_000, MAX_SLOTS],
    ] as const) {
      const f = features(n, slots > 1 ? slots : 3);
      const got = store.slotSums(f.idx, f.tok, f.tok2, n, slots).slice(0, slots * store.stride * 4);
      expect(got).toEqual(reference(store, f, slots));
    }
  });

  it("keeps every weight readable at the padded row stride", () => {
    const { stride, src } = fixture(58, 64, 9);
    const store = createWeightStore(src, stride, 64);
    for (const [row, col] of [
      [0, 0],
      [5, 57],
      [63, 31],
    ] as const) {
      expect(store.bytes[row * store.stride * 4 + col]).toBe(src[row * stride * 4 + col]);
    }
  });

  it("the JS fallback gives the same sums", () => {
    const { stride, src, features } = fixture(58, 256, 4);
    const simd = createWeightStore(src, stride, 256);
    const js = createWeightStore(src, stride, 256, "js");
    expect(js.engine).toBe("js");
    const f = features(777, 20);
    expect(js.slotSums(f.idx, f.tok, f.tok2, 777, 20).slice(0, 20 * 64)).toEqual(
      simd.slotSums(f.idx, f.tok, f.tok2, 777, 20).slice(0, 20 * 64),
    );
  });
});
