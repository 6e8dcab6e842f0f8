import { describe, expect, it } from "vitest";
import { seededRandom } from "../../core/seeded-random.js";
import { accumulateSwar, createWeightStore } from "./simd-accumulate.js";

/** Random biased weights of `rows` x `stride` words and the SWAR reference sums for `idx`. */
function fixture(columns: number, rows: number, seed: number) {
  const rand = seededRandom(seed);
  const stride = Math.ceil(columns / 4);
  const src = new Uint8Array(rows * stride * 4);
  for (let i = 0; i < src.length; i++) src[i] = Math.floor(rand() * 256);
  const pick = (n: number) => Uint32Array.from({ length: n }, () => Math.floor(rand() * rows));
  return { stride, src, pick };
}

describe("weight store", () => {
  it.each([58, 8, 33, 64])("SIMD sums equal the SWAR reference for %i columns, across flush and chunk edges", (columns) => {
    const { stride, src, pick } = fixture(columns, 1 << 10, columns);
    const store = createWeightStore(src, stride, 1 << 10);
    expect(store.engine).toBe("simd");
    for (const n of [0, 1, 255, 256, 257, 1000, 20_000]) {
      const idx = pick(n);
      const got = new Int32Array(store.stride * 4);
      store.accumulate(idx, n, got);
      const want = new Int32Array(stride * 4);
      accumulateSwar(new Uint32Array(src.buffer), stride, idx, n, want);
      expect(Array.from(got.subarray(0, columns))).toEqual(Array.from(want.subarray(0, columns)));
    }
  });

  it("keeps every weight readable at the padded row stride", () => {
    const { stride, src } = fixture(58, 64, 9);
    const store = createWeightStore(src, stride, 64);
    for (const [row, col] of [[0, 0], [5, 57], [63, 31]] as const) {
      expect(store.bytes[row * store.stride * 4 + col]).toBe(src[row * stride * 4 + col]);
    }
  });

  it("the SWAR fallback gives the same sums", () => {
    const { stride, src, pick } = fixture(58, 256, 4);
    const simd = createWeightStore(src, stride, 256);
    const swar = createWeightStore(src, stride, 256, "swar");
    const idx = pick(777);
    const a = new Int32Array(simd.stride * 4);
    const b = new Int32Array(swar.stride * 4);
    simd.accumulate(idx, idx.length, a);
    swar.accumulate(idx, idx.length, b);
    expect(Array.from(a.subarray(0, 58))).toEqual(Array.from(b.subarray(0, 58)));
  });
});
