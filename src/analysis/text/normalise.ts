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
  if (safe.normalize("NFC") === safe) {
    return { original, text: safe, toOriginal: identityMap(safe.length) };
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

/**
 * NFC only rewrites a base character together with the marks that follow it (and Hangul jamo
 * runs), so the text is cut into such clusters; a changed cluster maps all its output units to the
 * cluster start, everything else maps one to one.
 */
function composeWithMap(original: string, safe: string): Normalised {
  const parts: string[] = [];
  const map: number[] = [];
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
      const ch = safe.slice(i, i + len);
      if (MARK.test(ch) || (jamo && isJamo(c))) {
        i += len;
      } else {
        break;
      }
    }
    const cluster = safe.slice(start, i);
    const composed = cluster.length === 1 && cluster.charCodeAt(0) < 0x300 ? cluster : cluster.normalize("NFC");
    if (composed === cluster) {
      for (let k = 0; k < cluster.length; k++) map.push(start + k);
    } else {
      for (let k = 0; k < composed.length; k++) map.push(start);
    }
    parts.push(composed);
  }
  map.push(n);
  return { original, text: parts.join(""), toOriginal: Int32Array.from(map) };
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
