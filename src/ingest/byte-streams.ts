/**
 * Bounded byte plumbing for uploads and files: a size cap on what arrives, gunzip with a cap on what
 * comes out (the bomb check), and line splitting with a cap per line. All work chunk by chunk, so a
 * 100 MB field or a 1 GB bomb never sits in memory.
 *
 * @example
 * for await (const line of splitLines(inflateIfGzip(capBytes(req.body, 1e8), 1e9), 1 << 20)) { ... }
 */
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AttuneError } from "../core/errors.js";

export type ByteSource = AsyncIterable<Uint8Array>;

/** Passes chunks through until `max` bytes; beyond that fails with input.too_large. */
export async function* capBytes(source: ByteSource, max: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > max) throw new AttuneError("input.too_large", { limit: max });
    yield chunk;
  }
}

/**
 * Gunzips when the stream starts with the gzip magic bytes (or `force`), failing with
 * input.compressed_bomb once the output passes `maxOut`.
 */
export async function* inflateIfGzip(source: ByteSource, maxOut: number, force = false): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const rest: ByteSource = {
    [Symbol.asyncIterator]: async function* () {
      yield head;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        yield n.value;
      }
    },
  };
  const gz = head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (!gz && !force) {
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const input = Readable.from(rest);
  input.on("error", (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let out = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      out += chunk.byteLength;
      if (out > maxOut) throw new AttuneError("input.compressed_bomb", { limit: maxOut });
      yield chunk;
    }
  } catch (err) {
    if (err instanceof AttuneError) throw err;
    throw new AttuneError("input.unsupported_format", { reason: "gzip" }, { cause: err });
  } finally {
    input.unpipe(gunzip);
    input.destroy();
    gunzip.destroy();
  }
}

export interface Line {
  /** 1-based line number. */
  no: number;
  /** The line's bytes without the newline; undefined when the line was longer than the cap. */
  bytes?: Uint8Array;
  /** Length in bytes (also for over-long lines, counted up to where it was cut). */
  size: number;
}

/** Splits on \n (dropping a trailing \r); over-long lines are reported without their bytes. */
export async function* splitLines(source: ByteSource, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let partLen = 0;
  let tooLong = false;
  let no = 0;
  const emit = (): Line => {
    no += 1;
    if (tooLong) return { no, size: partLen };
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partLen);
    if (bytes.byteLength && bytes[bytes.byteLength - 1] === 0x0d) bytes = bytes.subarray(0, bytes.byteLength - 1);
    return { no, bytes, size: bytes.byteLength };
  };
  for await (const chunk of source) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.byteLength : nl;
      const piece = chunk.subarray(start, end);
      partLen += piece.byteLength;
      if (!tooLong && partLen > maxLineBytes) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong && piece.byteLength) parts.push(piece);
      if (nl === -1) break;
      yield emit();
      parts = [];
      partLen = 0;
      tooLong = false;
      start = nl + 1;
    }
    // Keep our own copy of a partial line: the producer may reuse its buffer.
    if (!tooLong && parts.length) parts = [Buffer.concat(parts)];
  }
  if (partLen > 0 || parts.length) yield emit();
}

/** Decodes UTF-8 strictly, chunk by chunk; invalid bytes fail with input.invalid_utf8. */
export async function* decodeUtf8(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of source) {
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield s;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (err) {
    if (err instanceof TypeError) throw new AttuneError("input.invalid_utf8", {});
    throw err;
  }
}

/** Reads a whole (already capped) byte stream into one buffer. */
export async function collectBytes(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let len = 0;
  for await (const c of source) {
    parts.push(c);
    len += c.byteLength;
  }
  return Buffer.concat(parts, len);
}
