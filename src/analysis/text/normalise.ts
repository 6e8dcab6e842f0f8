/**
 * The first pipeline step: make the text safe and canonical (NFC, no lone surrogates, no control
 * characters) while remembering, for every offset of the result, where it came from, so evidence
 * spans can always be shown on the caller's original text.
 */

export interface Normalised {
  /** The caller's text, untouched. */
  original: string;
  /** NFC text with lone surrogates as U+FFFD and control characters (except \n, \t) as spaces. */
  text: string;
  /** Length `text.length + 1`: offset in `text` -> offset in `original`. */
  toOriginal: Int32Array;
}

// C0 and C1 controls except \t (09) and \n (0A); \r becomes a space too, so "\r\n" reads as " \n".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const MARK = /\p{M}/u;

/**
 * Normalise a message and keep an offset map back to the original.
 *
 * @example
 * const n = normalise("Cafe\u0301!");
 * n.text;            // "Café!"
 * n.toOriginal[5];   // 6 (the "!" was at 5 in the original, the end maps to 6)
 */
export function normalise(original: string): Normalised {
  // Both replacements keep the length, so offsets stay one-to-one up to here.
  const safe = toWellFormed(original).replace(CONTROL, " ");
  const nf = safe.normalize("NFC");
  if (nf === safe) {
    return { original, text: safe, toOriginal: identityMap(safe.length) };
  }
  if (!HANGUL_JAMO.test(safe)) {
    const map = new OffsetMap(nf.length + 1);
    if (alignClusters(safe, nf, 0, map)) {
      map.push(safe.length);
      return { original, text: nf, toOriginal: map.done() };
    }
  }
  return composeWithMap(original, safe);
}

function identityMap(length: number): Int32Array {
  const map = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

function toWellFormed(s: string): string {
  const native = (s as { toWellFormed?: () => string }).toWellFormed;
  if (typeof native === "function") return native.call(s);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
      out += "\uFFFD";
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += "\uFFFD";
    } else {
      out += s[i]!;
    }
  }
  return out;
}

/** Block size for the slow path: blocks already in NFC are copied with an identity map. */
const BLOCK = 4096;

/**
 * NFC only rewrites a base character together with the marks that follow it (and Hangul jamo
 * runs), so a changed block is redone cluster by cluster; a changed cluster maps all its output
 * units to the cluster start, everything else maps one to one.
 */
function composeWithMap(original: string, safe: string): Normalised {
  const parts: string[] = [];
  const map = new OffsetMap(safe.length + 16);
  const n = safe.length;
  let start = 0;
  while (start < n) {
    let end = Math.min(n, start + BLOCK);
    // Cut before a character that never combines backwards, so NFC cannot act across blocks. A
    // run of 512+ marks (only in garbage) is cut anyway: bounded work beats exact reordering there.
    const limit = Math.min(n, end + 512);
    while (end < limit && !isSafeCut(safe, end)) end++;
    if (end < n && isLowSurrogate(safe.charCodeAt(end))) end++;
    const block = safe.slice(start, end);
    const nf = block.normalize("NFC");
    if (nf === block) {
      parts.push(block);
      map.pushRange(start, block.length);
    } else {
      composeBlock(block, nf, start, parts, map);
    }
    start = end;
  }
  map.push(n);
  return { original, text: parts.join(""), toOriginal: map.done() };
}

/** A growable Int32Array: the map of a 1 MB text is built without a million-element JS array. */
class OffsetMap {
  private buf: Int32Array;
  private len = 0;
  constructor(capacity: number) {
    this.buf = new Int32Array(capacity);
  }
  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const next = new Int32Array(Math.max(this.buf.length * 2, this.len + extra));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  push(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v;
  }
  /** Push `from, from+1, ..., from+count-1`. */
  pushRange(from: number, count: number): void {
    this.ensure(count);
    for (let k = 0; k < count; k++) this.buf[this.len++] = from + k;
  }
  /** Push `value` `count` times. */
  pushSame(value: number, count: number): void {
    this.ensure(count);
    this.buf.fill(value, this.len, this.len + count);
    this.len += count;
  }
  get length(): number {
    return this.len;
  }
  truncate(length: number): void {
    this.len = length;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.len);
  }
}

function isSafeCut(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x300) return true;
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return !MARK.test(s[i]!) && !isJamo(c);
}

/**
 * Map one block onto its NFC form without re-normalising piece by piece: NFC keeps every
 * "base + marks" cluster a cluster, so the two strings agree unit for unit except inside the
 * clusters it rewrote; each rewritten cluster maps all its output units to the cluster start.
 * Conjoining Hangul jamo (several bases into one syllable) take the exact per-cluster loop.
 */
function composeBlock(block: string, nf: string, offset: number, parts: string[], map: OffsetMap): void {
  const mark = map.length;
  if (!HANGUL_JAMO.test(block) && alignClusters(block, nf, offset, map)) {
    parts.push(nf);
    return;
  }
  map.truncate(mark);
  slowComposeBlock(block, offset, parts, map);
}

/** Push the offsets of `nf` (the NFC of `src`) onto `map`; false when the clusters do not align. */
function alignClusters(src: string, nf: string, offset: number, map: OffsetMap): boolean {
  const n = src.length;
  let i = 0;
  let k = 0;
  while (i < n) {
    let q = i;
    while (q < n && src.charCodeAt(q) === nf.charCodeAt(k + q - i)) q++;
    if (q === n) break;
    let c = q;
    while (c > i && (isLowSurrogate(src.charCodeAt(c)) || isMarkAt(src, c))) c--;
    map.pushRange(offset + i, c - i);
    let bEnd = c + unitLength(src, c);
    while (bEnd < n && isMarkAt(src, bEnd)) bEnd++;
    const kc = k + (c - i);
    if (kc >= nf.length) return false;
    let kEnd = kc + unitLength(nf, kc);
    while (kEnd < nf.length && isMarkAt(nf, kEnd)) kEnd++;
    map.pushSame(offset + c, kEnd - kc);
    i = bEnd;
    k = kEnd;
  }
  const rest = n - i;
  if (k + rest !== nf.length) return false;
  map.pushRange(offset + i, rest);
  return true;
}

const HANGUL_JAMO = /[\u1100-\u11ff]/;

function isMarkAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x300 && !(c >= 0xd800 && c <= 0xdfff) && MARK.test(s[i]!);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Hangul jamo and NFC singletons (Ω sign, CJK compatibility ideographs) need the full loop. */
function slowComposeBlock(safe: string, offset: number, parts: string[], map: OffsetMap): void {
  const n = safe.length;
  let i = 0;
  while (i < n) {
    const start = i;
    i += unitLength(safe, i);
    const jamo = isJamo(safe.charCodeAt(start)) || isHangulSyllable(safe.charCodeAt(start));
    while (i < n) {
      const c = safe.charCodeAt(i);
      if (c < 0x300) break;
      const len = unitLength(safe, i);
      if (MARK.test(safe.slice(i, i + len)) || (jamo && isJamo(c))) i += len;
      else break;
    }
    const cluster = safe.slice(start, i);
    const composed = cluster.length === 1 && cluster.charCodeAt(0) < 0x300 ? cluster : cluster.normalize("NFC");
    if (composed === cluster) map.pushRange(offset + start, cluster.length);
    else map.pushSame(offset + start, composed.length);
    parts.push(composed);
  }
}

function unitLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

function isJamo(c: number): boolean {
  return c >= 0x1100 && c <= 0x11ff;
}

function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}
