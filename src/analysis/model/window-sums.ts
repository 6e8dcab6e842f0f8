/**
 * Per-token weight sums of a message longer than the accumulator's slots (MAX_SLOTS), summed in
 * windows of tokens so the SIMD loop does the work: where a second pass over every feature's row
 * per evidence label cost 17% of reading a 32,768-emoji message, this is one pass for all labels.
 *
 * @example
 * const { sums, width } = windowSums(models.store, f, tokens.length); // sums[(t + 1) * width + col]
 */
import type { Features } from "./features.js";
import { MAX_SLOTS, type WeightStore } from "./simd-accumulate.js";

/** Tokens per window: slot 0 holds message-level features, the last slot a partner outside the window. */
const WINDOW = MAX_SLOTS - 2;
const DUMP = WINDOW;

/** Features regrouped by window, with token indices local to their window. */
interface Buckets {
  start: Int32Array;
  idx: Uint32Array;
  tok: Int32Array;
  tok2: Int32Array;
}

/**
 * Each feature goes to the window of its token; a bigram whose two tokens sit in different windows
 * goes to both, each copy sending the other token's share to the dump slot, so every token gets
 * exactly the share it would get in one long accumulation. Message-level features are left out.
 * Two plain passes (count, then place), as a counting sort: this runs over every feature of the
 * longest messages.
 */
function bucket(f: Features, windows: number): Buckets {
  const start = new Int32Array(windows + 1);
  for (let i = 0; i < f.n; i++) {
    const t = f.tok[i]!;
    if (t < 0) continue;
    const t2 = f.tok2[i]!;
    const w = (t / WINDOW) | 0;
    start[w + 1]!++;
    if (t2 >= 0 && ((t2 / WINDOW) | 0) !== w) start[((t2 / WINDOW) | 0) + 1]!++;
  }
  for (let w = 0; w < windows; w++) start[w + 1]! += start[w]!;
  const total = start[windows]!;
  const out: Buckets = { start: start.slice(), idx: new Uint32Array(total), tok: new Int32Array(total), tok2: new Int32Array(total) };
  const at = start;
  const put = (w: number, row: number, t: number, t2: number): void => {
    const k = at[w]!++;
    out.idx[k] = row;
    out.tok[k] = t;
    out.tok2[k] = t2;
  };
  for (let i = 0; i < f.n; i++) {
    const t = f.tok[i]!;
    if (t < 0) continue;
    const t2 = f.tok2[i]!;
    const w = (t / WINDOW) | 0;
    const w2 = t2 < 0 ? w : (t2 / WINDOW) | 0;
    if (w2 === w) put(w, f.idx[i]!, t - w * WINDOW, t2 < 0 ? -1 : t2 - w * WINDOW);
    else {
      put(w, f.idx[i]!, t - w * WINDOW, DUMP);
      put(w2, f.idx[i]!, t2 - w2 * WINDOW, DUMP);
    }
  }
  return out;
}

/** Per-token sums of all columns, laid out as the short-message path lays them out (slot 0 empty). */
export function windowSums(store: WeightStore, f: Features, tokens: number): { sums: Int32Array; width: number } {
  const width = store.stride * 4;
  const windows = Math.max(1, Math.ceil(tokens / WINDOW));
  const b = bucket(f, windows);
  const sums = new Int32Array((tokens + 1) * width);
  for (let w = 0; w < windows; w++) {
    const from = b.start[w]!;
    const to = b.start[w + 1]!;
    const n = Math.min(WINDOW, tokens - w * WINDOW);
    const slots = store.slotSums(b.idx.subarray(from, to), b.tok.subarray(from, to), b.tok2.subarray(from, to), to - from, WINDOW + 2);
    sums.set(slots.subarray(width, (n + 1) * width), (w * WINDOW + 1) * width);
  }
  return { sums, width };
}
