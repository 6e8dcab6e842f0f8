/**
 * The hot loop of inference, in WebAssembly SIMD: for every feature of a message, add its bucket's
 * row of biased int8 weights (one byte per column) into per-column sums. A row is read as 16-byte
 * vectors; each vector is widened to two i16x8 halves and added to 16-bit accumulators held in
 * locals, which are flushed into 32-bit sums every 256 features (255 x 256 still fits 16 bits
 * unsigned). The JS SWAR loop it replaces (`accumulateSwar`) does the same with 32-bit words and is
 * kept as the fallback and as the reference the tests compare against.
 *
 * The module is small enough to assemble here from named opcodes, so no build step or binary file
 * is needed. Layout of the memory it works on (bytes):
 *   [0, OUT_BYTES)                  32-bit sums, one per column (padded to whole vectors)
 *   [OUT_BYTES, + CHUNK * 4)        the feature buckets of one call
 *   [WEIGHTS_AT, + rows * rowBytes) the weights, each row padded to whole 16-byte vectors (pad = 128, weight 0)
 *
 * @example
 * const store = createWeightStore(bytes, stride, rows);   // copies the weights into wasm memory
 * store.accumulate(idx, n, sums);                          // sums[c] = sum of biased bytes of column c
 */

/** Buckets per wasm call; longer messages are summed in several calls. */
const CHUNK = 1 << 14;
/** Features per 16-bit flush: 256 x 255 (largest biased byte) < 65,536. */
const FLUSH = 256;

export interface WeightStore {
  /** Biased weights: weight of (row, col) = bytes[row * stride * 4 + col] - 128. */
  bytes: Uint8Array;
  /** The same memory in 32-bit words. */
  packed: Uint32Array;
  /** Words per row (a multiple of 4 when the SIMD path is on, so rows are whole vectors). */
  stride: number;
  /** "simd" or "swar": which loop `accumulate` runs. */
  engine: "simd" | "swar";
  /**
   * sums[c] = sum over the first n buckets in idx of bytes[idx * rowBytes + c] (biased: subtract
   * 128 x n for the weight sum). `sums` must hold stride * 4 entries.
   */
  accumulate(idx: Uint32Array, n: number, sums: Int32Array): void;
}

/**
 * Copy weights laid out as `rows` rows of `stride` words into a store with the fastest available
 * accumulate loop. The copy pads rows to whole 16-byte vectors.
 */
export function createWeightStore(src: Uint8Array, stride: number, rows: number, engine: "simd" | "swar" = "simd"): WeightStore {
  if (engine === "simd") {
    try {
      return simdStore(src, stride, rows);
    } catch {
      // No SIMD in this runtime (or no memory for it): the SWAR loop gives the same sums.
    }
  }
  const bytes = new Uint8Array(src.length);
  bytes.set(src);
  const packed = new Uint32Array(bytes.buffer);
  return { bytes, packed, stride, engine: "swar", accumulate: (idx, n, sums) => accumulateSwar(packed, stride, idx, n, sums) };
}

let lo = new Uint32Array(16);
let hi = new Uint32Array(16);

/**
 * The portable loop: each 32-bit word holds four biased bytes; masking even and odd bytes gives two
 * 16-bit lanes per word, which cannot overflow within 256 additions.
 */
export function accumulateSwar(packed: Uint32Array, stride: number, idx: Uint32Array, n: number, sums: Int32Array): void {
  if (lo.length < stride) { lo = new Uint32Array(stride); hi = new Uint32Array(stride); }
  sums.fill(0, 0, stride * 4);
  for (let start = 0; start < n; start += FLUSH) {
    lo.fill(0);
    hi.fill(0);
    const end = Math.min(n, start + FLUSH);
    for (let i = start; i < end; i++) {
      const base = idx[i]! * stride;
      for (let q = 0; q < stride; q++) {
        const w = packed[base + q]!;
        lo[q] = lo[q]! + (w & 0x00ff00ff);
        hi[q] = hi[q]! + ((w >>> 8) & 0x00ff00ff);
      }
    }
    for (let q = 0; q < stride; q++) {
      const c = q * 4;
      sums[c] = sums[c]! + (lo[q]! & 0xffff);
      sums[c + 1] = sums[c + 1]! + (hi[q]! & 0xffff);
      sums[c + 2] = sums[c + 2]! + (lo[q]! >>> 16);
      sums[c + 3] = sums[c + 3]! + (hi[q]! >>> 16);
    }
  }
}

function simdStore(src: Uint8Array, srcStride: number, rows: number): WeightStore {
  const vectors = Math.ceil(srcStride / 4);
  const rowBytes = vectors * 16;
  const outBytes = vectors * 16 * 4;
  const idxAt = outBytes;
  const weightsAt = idxAt + CHUNK * 4;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((weightsAt + rows * rowBytes) / 65536) });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(assemble(vectors, rowBytes)), { env: { memory } });
  const run = instance.exports.accumulate as (idxPtr: number, n: number, weightsPtr: number, outPtr: number) => void;

  const bytes = new Uint8Array(memory.buffer, weightsAt, rows * rowBytes);
  const srcRow = srcStride * 4;
  if (srcRow === rowBytes) bytes.set(src.subarray(0, rows * rowBytes));
  else {
    bytes.fill(128);
    for (let r = 0; r < rows; r++) bytes.set(src.subarray(r * srcRow, (r + 1) * srcRow), r * rowBytes);
  }
  const idxView = new Uint32Array(memory.buffer, idxAt, CHUNK);
  const out = new Int32Array(memory.buffer, 0, vectors * 16);
  return {
    bytes,
    packed: new Uint32Array(memory.buffer, weightsAt, (rows * rowBytes) / 4),
    stride: rowBytes / 4,
    engine: "simd",
    accumulate(idx, n, sums) {
      out.fill(0);
      for (let start = 0; start < n; start += CHUNK) {
        const m = Math.min(CHUNK, n - start);
        idxView.set(idx.subarray(start, start + m));
        run(idxAt, m, weightsAt, 0);
      }
      sums.set(out.subarray(0, Math.min(out.length, sums.length)));
    },
  };
}

// --- A small WebAssembly assembler: just what the accumulate function needs. ---

const OP = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, i32Const: 0x41, i32Eqz: 0x45, i32LtU: 0x49, i32GeU: 0x4f, i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32Shl: 0x74,
  simd: 0xfd,
} as const;
/** SIMD opcodes (after the 0xfd prefix, LEB128-encoded). */
const SIMD = {
  v128Load: 0x00, v128Store: 0x0b, v128Const: 0x0c,
  i16x8ExtendLowI8x16U: 0x89, i16x8ExtendHighI8x16U: 0x8a, i16x8Add: 0x8e,
  i32x4ExtendLowI16x8U: 0xa9, i32x4ExtendHighI16x8U: 0xaa, i32x4Add: 0xae,
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
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) { out.push(b); return out; }
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

/**
 * accumulate(idxPtr, n, weightsPtr, outPtr): for i < n, row = weightsPtr + idx[i] * rowBytes; add the
 * row's `vectors` 16-byte vectors, widened, into the 32-bit sums at outPtr (which the caller zeroes).
 */
function assemble(vectors: number, rowBytes: number): Uint8Array<ArrayBuffer> {
  // Locals: 0 idxPtr, 1 n, 2 weightsPtr, 3 outPtr (params); 4 i, 5 row, 6 left; 7 v; 8.. accumulators.
  const [IDX, N, W, OUT, I, ROW, LEFT, V] = [0, 1, 2, 3, 4, 5, 6, 7];
  const acc = (j: number): number => 8 + j;
  const halves = vectors * 2;
  const body: number[] = [];
  const emit = (...parts: number[][]): void => { for (const p of parts) body.push(...p); };

  emit([OP.block, VOID], [OP.loop, VOID]);
  // A flush group of up to FLUSH features: zero the 16-bit accumulators.
  for (let j = 0; j < halves; j++) emit(simd(SIMD.v128Const), new Array<number>(16).fill(0), set(acc(j)));
  emit(i32(FLUSH), set(LEFT));
  emit([OP.block, VOID], [OP.loop, VOID]);
  emit(get(I), get(N), [OP.i32GeU], [OP.brIf, 1]);
  emit(get(LEFT), [OP.i32Eqz], [OP.brIf, 1]);
  // row = weightsPtr + idx[i] * rowBytes
  emit(get(IDX), get(I), i32(2), [OP.i32Shl], [OP.i32Add], [OP.i32Load], mem(2, 0), i32(rowBytes), [OP.i32Mul], get(W), [OP.i32Add], set(ROW));
  for (let s = 0; s < vectors; s++) {
    emit(get(ROW), simd(SIMD.v128Load), mem(4, s * 16), [OP.localTee, V]);
    emit(simd(SIMD.i16x8ExtendLowI8x16U), get(acc(2 * s)), simd(SIMD.i16x8Add), set(acc(2 * s)));
    emit(get(V), simd(SIMD.i16x8ExtendHighI8x16U), get(acc(2 * s + 1)), simd(SIMD.i16x8Add), set(acc(2 * s + 1)));
  }
  emit(get(I), i32(1), [OP.i32Add], set(I));
  emit(get(LEFT), i32(1), [OP.i32Sub], set(LEFT));
  emit([OP.br, 0], [OP.end], [OP.end]);
  // Flush: accumulator j holds columns 8j..8j+7; widen each half to i32x4 and add into the sums.
  for (let j = 0; j < halves; j++) {
    const at = j * 32;
    emit(get(OUT), get(OUT), simd(SIMD.v128Load), mem(4, at), get(acc(j)), simd(SIMD.i32x4ExtendLowI16x8U), simd(SIMD.i32x4Add), simd(SIMD.v128Store), mem(4, at));
    emit(get(OUT), get(OUT), simd(SIMD.v128Load), mem(4, at + 16), get(acc(j)), simd(SIMD.i32x4ExtendHighI16x8U), simd(SIMD.i32x4Add), simd(SIMD.v128Store), mem(4, at + 16));
  }
  emit(get(I), get(N), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end], [OP.end], [OP.end]);

  const locals = vec([[...uleb(3), I32], [...uleb(1 + halves), V128]]);
  const code = [...locals, ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32]]), ...vec([])]])),
    ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([uleb(0)])),
    ...section(7, vec([[...name("accumulate"), 0x00, ...uleb(0)]])),
    ...section(10, vec([[...uleb(code.length), ...code]])),
  ];
  return new Uint8Array(bytes);
}
