import { describe, expect, it } from "vitest";
import { seededRandom } from "../../core/seeded-random.js";
import { createWeightStore, MAX_SLOTS, slotSumsJs } from "./simd-accumulate.js";
import { windowSums } from "./window-sums.js";

/** Features of a long message: word runs, bigrams of neighbours (some across window edges), far cue tokens, message-level ones. */
function longFeatures(tokens: number, seed: number) {
  const rand = seededRandom(seed);
  const idx: number[] = [];
  const tok: number[] = [];
  const tok2: number[] = [];
  const add = (t: number, t2: number) => {
    idx.push(Math.floor(rand() * 512));
    tok.push(t);
    tok2.push(t2);
  };
  for (let t = 0; t < tokens; t++) {
    for (let k = 0; k < 3; k++) add(t, -1);
    if (t > 0) add(t - 1, t);
  }
  for (let k = 0; k < 50; k++) add(Math.floor(rand() * tokens), -1);
  add(-1, -1);
  const n = idx.length;
  return { n, idx: Uint32Array.from(idx), tok: Int32Array.from(tok), tok2: Int32Array.from(tok2), value: 1 / Math.sqrt(n) };
}

describe("window sums", () => {
  it.each([MAX_SLOTS - 1, MAX_SLOTS * 2 + 17, 32_768])(
    "give every token of a %i-token message the sums one long accumulation gives",
    (tokens) => {
      const rand = seededRandom(tokens);
      const src = new Uint8Array(512 * 64);
      for (let i = 0; i < src.length; i++) src[i] = Math.floor(rand() * 256);
      const store = createWeightStore(src, 16, 512);
      const f = longFeatures(tokens, tokens + 1);
      const width = store.stride * 4;
      const want = new Int32Array((tokens + 1) * width);
      slotSumsJs(store.bytes, width, f.idx, f.tok, f.tok2, f.n, true, want);
      want.fill(0, 0, width); // message-level features are not evidence of any token
      const got = windowSums(store, f, tokens);
      expect(got.width).toBe(width);
      expect(got.sums.length).toBe(want.length);
      // The first differing cell, not a 2-million-cell diff that vitest would take seconds to print.
      expect(got.sums.findIndex((v, i) => v !== want[i])).toBe(-1);
    },
  );
});
