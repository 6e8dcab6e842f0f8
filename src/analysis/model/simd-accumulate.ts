/**
 * The hot loop of inference, in WebAssembly SIMD: add the weight rows (one biased byte per column)
 * of a message's feature buckets into per-slot, per-column 32-bit sums. A slot is a token of the
 * message (plus one for message-level features), so one pass over the 16 MB weight table gives
 * both the scores (sum of all slots) and every label's per-word evidence: the rows are read once,
 * while they are in cache, instead of once more per evidence request.
 *
 * Feature i has token tok[i] (-1: message-level) and, for a bigram, a second token tok2[i]; it goes
 * to slot tok + 1 and to slot tok2 + 1 (or tok + 1 again): a bigram adds its row to each of its
 * two words, a one-word feature adds it twice to its word, so every feature counts twice in the
 * total and a bigram gives each word half. The stored bytes are weight + 128; flipping their top
 * bit gives the signed weight. Consecutive features of one word (its character n-grams) are summed
 * in 16-bit lanes in locals and flushed into the slots when the word changes or after 256
 * features (256 x 128 fits 16 bits), so most features cost four vector loads and a few adds.
 *
 * The module is small enough to assemble here from named opcodes (no build step, no binary file).
 * Memory layout (bytes): [0, SLOTS x rowBytes x 4) sums; then the bucket and token arrays of one
 * call (CHUNK entries each); then the weights, each row padded to whole 16-byte vectors with 128
 * (weight 0).
 *
 * @example
 * const store = createWeightStore(bytes, stride, rows);       // copies the weights into wasm memory
 * const sums = store.slotSums(f.idx, f.tok, f.tok2, f.n, tokens.length + 1); // sums[slot * width + col]
 */

/** Features per wasm call; longer messages are summed in several calls. */
const CHUNK = 1 << 14;
/** Most slots (tokens + 1) a call can sum per token; longer messages are summed in one slot. */
export const MAX_SLOTS = 4096;
/** Features per 16-bit flush. */
const FLUSH = 256;

export interface WeightStore {
  /** Biased weights: weight of (row, col) = bytes[row * stride * 4 + col] - 128. */
  bytes: Uint8Array;
  /** Words per row (rows padded to whole 16-byte vectors). */
  stride: number;
  /** "simd", or "js" where the runtime has no WebAssembly SIMD (same sums, slower). */
  engine: "simd" | "js";
  /**
   * For i < n add the signed weights of row idx[i] to slot tok[i] + 1 and to slot tok2[i] + 1 (or
   * tok[i] + 1 again when tok2[i] < 0); token indices must be below `slots` - 1 <= MAX_SLOTS - 1.
   * With `slots` 1, everything goes to slot 0. Returns sums[slot * stride * 4 + col], a view valid
   * until the next call.
   */
  slotSums(idx: Uint32Array, tok: Int32Array, tok2: Int32Array, n: number, slots: number): Int32Array;
}

/**
 * The slice of the WebAssembly JS API used here. Node has it globally, but @types/node 20 does not
 * declare it (it lives in lib.dom), so the build would not type-check with `lib: ["ES2023"]` alone.
 */
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type SlotSumsWasm = (
  idxPtr: number,
  tokPtr: number,
  tok2Ptr: number,
  n: number,
  weightsPtr: number,
  sumsPtr: number,
  perToken: number,
) => void;

/** Copy weights laid out as `rows` rows of `stride` words into a store, rows padded to 16 bytes. */
export function createWeightStore(src: Uint8Array, stride: number, rows: number, engine: "simd" | "js" = "simd"): WeightStore {
  const vectors = Math.ceil(stride / 4);
  const rowBytes = vectors * 16;
  const sumsBytes = MAX_SLOTS * rowBytes * 4;
  const idxAt = sumsBytes;
  const weightsAt = idxAt + 3 * CHUNK * 4;
  const total = weightsAt + rows * rowBytes;
  let run: SlotSumsWasm | null = null;
  let buffer: ArrayBuffer;
  if (engine === "simd") {
    try {
      const memory = new wasmApi.Memory({ initial: Math.ceil(total / 65536) });
      const instance = new wasmApi.Instance(new wasmApi.Module(assemble(vectors, rowBytes)), { env: { memory } });
      run = instance.exports.slotSums as SlotSumsWasm;
      buffer = memory.buffer;
    } catch {
      // No SIMD in this runtime: the JS loop below gives the same sums.
      buffer = new ArrayBuffer(total);
    }
  } else buffer = new ArrayBuffer(total);

  const bytes = new Uint8Array(buffer, weightsAt, rows * rowBytes);
  const srcRow = stride * 4;
  if (srcRow === rowBytes) bytes.set(src.subarray(0, rows * rowBytes));
  else {
    bytes.fill(128);
    for (let r = 0; r < rows; r++) bytes.set(src.subarray(r * srcRow, (r + 1) * srcRow), r * rowBytes);
  }
  const width = rowBytes;
  const sums = new Int32Array(buffer, 0, MAX_SLOTS * width);
  const idxView = new Uint32Array(buffer, idxAt, CHUNK);
  const tokView = new Int32Array(buffer, idxAt + CHUNK * 4, CHUNK);
  const tok2View = new Int32Array(buffer, idxAt + 2 * CHUNK * 4, CHUNK);
  const wasm = run;
  return {
    bytes,
    stride: rowBytes / 4,
    engine: wasm ? "simd" : "js",
    slotSums(idx, tok, tok2, n, slots) {
      const perToken = slots > 1;
      sums.fill(0, 0, slots * width);
      if (!wasm) {
        slotSumsJs(bytes, width, idx, tok, tok2, n, perToken, sums);
        return sums;
      }
      for (let start = 0; start < n; start += CHUNK) {
        const m = Math.min(CHUNK, n - start);
        idxView.set(idx.subarray(start, start + m));
        tokView.set(tok.subarray(start, start + m));
        tok2View.set(tok2.subarray(start, start + m));
        wasm(idxAt, idxAt + CHUNK * 4, idxAt + 2 * CHUNK * 4, m, weightsAt, 0, perToken ? 1 : 0);
      }
      return sums;
    },
  };
}

/** The same sums in plain JS: the fallback, and the reference the tests hold the SIMD loop to. */
export function slotSumsJs(
  bytes: Uint8Array,
  width: number,
  idx: Uint32Array,
  tok: Int32Array,
  tok2: Int32Array,
  n: number,
  perToken: boolean,
  sums: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const row = idx[i]! * width;
    const a = perToken ? tok[i]! + 1 : 0;
    const b = perToken && tok2[i]! >= 0 ? tok2[i]! + 1 : a;
    const sa = a * width;
    const sb = b * width;
    for (let c = 0; c < width; c++) {
      const w = bytes[row + c]! - 128;
      sums[sa + c] = sums[sa + c]! + w;
      sums[sb + c] = sums[sb + c]! + w;
    }
  }
}

// --- A small WebAssembly assembler: just what slotSums needs. ---

const OP = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  select: 0x1b,
  i32Load: 0x28,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  simd: 0xfd,
} as const;
/** SIMD opcodes (after the 0xfd prefix, LEB128-encoded). */
const SIMD = {
  v128Load: 0x00,
  v128Store: 0x0b,
  v128Const: 0x0c,
  v128Xor: 0x51,
  i16x8ExtendLowI8x16S: 0x87,
  i16x8ExtendHighI8x16S: 0x88,
  i16x8Add: 0x8e,
  i32x4ExtendLowI16x8S: 0xa7,
  i32x4ExtendHighI16x8S: 0xa8,
  i32x4Add: 0xae,
} as const;
const VOID = 0x40;
const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const simd = (op: number): number[] => [OP.simd, ...uleb(op)];
const get = (l: number): number[] => [OP.localGet, ...uleb(l)];
const set = (l: number): number[] => [OP.localSet, ...uleb(l)];
const i32 = (v: number): number[] => [OP.i32Const, ...sleb(v)];
/** memarg: alignment (log2) and offset. */
const mem = (align: number, offset: number): number[] => [...uleb(align), ...uleb(offset)];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...Buffer.from(s, "utf8")].map((b) => [b]));

// Params 0-6; locals: 7 i, 8 row, 9 left, 10 slotA, 11 slotB (byte addresses), 12 at (i * 4),
// 13 a (slot index); 14 v, 15 the 0x80 bytes; 16.. accumulators.
const [IDX, TOK, TOK2, N, W, SUMS, PER_TOKEN, I, ROW, LEFT, SA, SB, AT, SLOT, V, TOP] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
];
const acc = (j: number): number => 16 + j;
const code = (...parts: number[][]): number[] => parts.flat();

/** The byte address of the slot whose index `slot` leaves on the stack. */
const address = (slot: number[], slotBytes: number): number[] => [...slot, ...i32(slotBytes), OP.i32Mul, ...get(SUMS), OP.i32Add];

/** a = (tok[i] + 1) * perToken */
const slotOfTok = (): number[] =>
  code(get(TOK), get(AT), [OP.i32Add, OP.i32Load], mem(2, 0), i32(1), [OP.i32Add], get(PER_TOKEN), [OP.i32Mul]);

/** b = tok2[i] < 0 ? a : (tok2[i] + 1) * perToken, with a in SLOT */
const slotOfTok2 = (): number[] =>
  code(
    get(SLOT),
    get(TOK2),
    get(AT),
    [OP.i32Add, OP.i32Load],
    mem(2, 0),
    i32(1),
    [OP.i32Add],
    get(PER_TOKEN),
    [OP.i32Mul],
    get(TOK2),
    get(AT),
    [OP.i32Add, OP.i32Load],
    mem(2, 0),
    i32(0),
    [OP.i32LtS, OP.select],
  );

/** Leave the enclosing block when every feature is done (i >= n). */
const leaveAtEnd = (): number[] => code(get(I), get(N), [OP.i32GeU, OP.brIf, 1]);

/** at = i * 4 and SLOT = feature i's first slot. */
const featureSlot = (): number[] => code(get(I), i32(2), [OP.i32Shl], set(AT), slotOfTok(), set(SLOT));

/**
 * slotSums(idxPtr, tokPtr, tok2Ptr, n, weightsPtr, sumsPtr, perToken): runs of features with the
 * same slot pair (at most FLUSH long) are summed in 16-bit lanes, then widened and added into both
 * slots' sums.
 */
function assemble(vectors: number, rowBytes: number): Uint8Array<ArrayBuffer> {
  const halves = vectors * 2;
  const slotBytes = rowBytes * 4;
  const body = code(
    simd(SIMD.v128Const),
    new Array<number>(16).fill(0x80),
    set(TOP),
    [OP.block, VOID, OP.loop, VOID],
    // A run starts at feature i: its slots, zeroed accumulators.
    leaveAtEnd(),
    featureSlot(),
    address(get(SLOT), slotBytes),
    set(SA),
    address(slotOfTok2(), slotBytes),
    set(SB),
    ...Array.from({ length: halves }, (_, j) => code(simd(SIMD.v128Const), new Array<number>(16).fill(0), set(acc(j)))),
    i32(FLUSH),
    set(LEFT),
    sumRun(vectors, rowBytes, slotBytes),
    flushRun(halves),
    // Back to the next run; then the ends of the loop, the block and the function.
    [OP.br, 0, OP.end, OP.end, OP.end],
  );
  const locals = vec([
    [...uleb(7), I32],
    [...uleb(2 + halves), V128],
  ]);
  return wasmModule([...locals, ...body]);
}

/** The inner loop: add each feature's row to the accumulators while its slots stay those of the run (at most FLUSH features). */
function sumRun(vectors: number, rowBytes: number, slotBytes: number): number[] {
  const rows = Array.from({ length: vectors }, (_, s) =>
    code(
      // Signed weights: the stored byte with its top bit flipped.
      get(ROW),
      simd(SIMD.v128Load),
      mem(4, s * 16),
      get(TOP),
      simd(SIMD.v128Xor),
      [OP.localTee, V],
      simd(SIMD.i16x8ExtendLowI8x16S),
      get(acc(2 * s)),
      simd(SIMD.i16x8Add),
      set(acc(2 * s)),
      get(V),
      simd(SIMD.i16x8ExtendHighI8x16S),
      get(acc(2 * s + 1)),
      simd(SIMD.i16x8Add),
      set(acc(2 * s + 1)),
    ),
  );
  return code(
    [OP.block, VOID, OP.loop, VOID],
    leaveAtEnd(),
    get(LEFT),
    [OP.i32Eqz, OP.brIf, 1],
    featureSlot(),
    address(get(SLOT), slotBytes),
    get(SA),
    [OP.i32Ne, OP.brIf, 1],
    address(slotOfTok2(), slotBytes),
    get(SB),
    [OP.i32Ne, OP.brIf, 1],
    // row = weightsPtr + idx[i] * rowBytes
    get(IDX),
    get(AT),
    [OP.i32Add, OP.i32Load],
    mem(2, 0),
    i32(rowBytes),
    [OP.i32Mul],
    get(W),
    [OP.i32Add],
    set(ROW),
    ...rows,
    get(I),
    i32(1),
    [OP.i32Add],
    set(I),
    get(LEFT),
    i32(1),
    [OP.i32Sub],
    set(LEFT),
    [OP.br, 0, OP.end, OP.end],
  );
}

/** Flush the run into slot A and slot B: accumulator j holds columns 8j..8j+7, widened to 32 bits. */
function flushRun(halves: number): number[] {
  const add = (slot: number, at: number, widen: number, j: number): number[] =>
    code(
      get(slot),
      get(slot),
      simd(SIMD.v128Load),
      mem(4, at),
      get(acc(j)),
      simd(widen),
      simd(SIMD.i32x4Add),
      simd(SIMD.v128Store),
      mem(4, at),
    );
  return [SA, SB].flatMap((slot) =>
    Array.from({ length: halves }, (_, j) =>
      code(add(slot, j * 32, SIMD.i32x4ExtendLowI16x8S, j), add(slot, j * 32 + 16, SIMD.i32x4ExtendHighI16x8S, j)),
    ).flat(),
  );
}

/** A module of one function, slotSums(i32 x 7), over the imported memory `env.memory`. */
function wasmModule(fn: number[]): Uint8Array<ArrayBuffer> {
  const magicAndVersion = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array([
    ...magicAndVersion,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])]])),
    ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([uleb(0)])),
    ...section(7, vec([[...name("slotSums"), 0x00, ...uleb(0)]])),
    ...section(10, vec([[...uleb(fn.length), ...fn]])),
  ]);
}
