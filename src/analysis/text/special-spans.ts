/**
 * Spans that word segmentation would tear apart: URLs, e-mail addresses, @mentions, #hashtags and
 * ASCII emoticons. Found with linear scans (no backtracking-prone patterns), before the segmenter
 * runs on the text between them.
 */

export type SpecialKind = "url" | "email" | "mention" | "hashtag" | "emoticon";

export interface SpecialSpan {
  kind: SpecialKind;
  start: number;
  end: number;
}

const URL_START = /\b(?:https?:\/\/|www\.)/gi;
const URL_TRAIL = new Set([".", ",", "!", "?", ";", ":", ")", "]", "}", "'", '"', "»", "”", "’"]);
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9\-.]/;
const TAG_BODY = /[\p{L}\p{M}\p{N}_]+/uy;
const MENTION_BODY = /[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,38}[A-Za-z0-9_])?/y;
const WORDISH_BEFORE = /[\p{L}\p{M}\p{N}_@#.]/u;
// Each branch is bounded ({1,6} etc.) or a fixed string, so a failed attempt costs O(1).
const EMOTICON =
  // eslint-disable-next-line no-useless-escape -- the escapes keep this dense emoticon pattern readable
  /(?:>?[:;=][\-'^o]?[()[\]DPpOo3\/\\|*$@}{Xx]{1,6}|[)(\]\[][\-'^]?[:;=](?![:;=])|(?<![\p{L}\p{N}])[xX][dD]{1,4}(?![\p{L}\p{N}])|\^[_.\-]?\^|(?<![\p{L}\p{N}])[Tt][_.][Tt](?![\p{L}\p{N}])|;_;|-_-|(?<![\p{L}\p{N}])[oO0][_.][oO0](?![\p{L}\p{N}])|<\/?3{1,4})/gu;

/**
 * Find URLs, e-mails, mentions, hashtags and emoticons; the spans never overlap and are sorted.
 *
 * @example
 * findSpecialSpans("see https://x.io/a, ping @ana :)").map((s) => s.kind); // ["url", "mention", "emoticon"]
 */
export function findSpecialSpans(text: string): SpecialSpan[] {
  const found: SpecialSpan[] = [];
  for (const s of findUrls(text)) found.push({ kind: "url", ...s });
  for (const s of findEmails(text)) found.push({ kind: "email", ...s });
  findTags(text, found);
  findEmoticons(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SpecialSpan[] = [];
  let last = -1;
  for (const s of found) {
    if (s.start >= last) {
      out.push(s);
      last = s.end;
    }
  }
  return out;
}

/**
 * URLs starting with http(s):// or www., trailing punctuation excluded.
 *
 * @example
 * findUrls("go to www.shop.ph/track.").map((s) => [s.start, s.end]); // [[6, 23]]
 */
export function findUrls(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  URL_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  let minStart = 0;
  while ((m = URL_START.exec(text)) !== null) {
    const start = m.index;
    if (start < minStart) continue;
    let end = start + m[0].length;
    while (end < text.length && !isUrlStop(text.charCodeAt(end))) end++;
    while (end > start + m[0].length && URL_TRAIL.has(text[end - 1]!)) {
      // keep a closing parenthesis that closes one opened inside the URL (wikipedia style)
      if (text[end - 1] === ")" && count(text, start, end, "(") >= count(text, start, end, ")")) break;
      end--;
    }
    if (end > start + m[0].length) out.push({ start, end });
    minStart = end;
    URL_START.lastIndex = Math.max(end, start + 1);
  }
  return out;
}

function count(s: string, from: number, to: number, ch: string): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s[i] === ch) n++;
  return n;
}

function isUrlStop(c: number): boolean {
  // whitespace, quotes and angle brackets end a URL; so does anything outside printable ASCII+Latin-1
  // except letters of other scripts, which IDN paths may contain.
  return c <= 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x7f || (c >= 0x2000 && c <= 0x206f) || c === 0x3000;
}

/**
 * E-mail addresses, found by expanding around each "@" (linear in the text length).
 *
 * @example
 * findEmails("write to ana.k@shop.cz now"); // [{ start: 9, end: 22 }]
 */
export function findEmails(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  let lastEnd = 0;
  for (;;) {
    const at = text.indexOf("@", from);
    if (at < 0) break;
    from = at + 1;
    let s = at;
    // 64 is the RFC limit for the local part; the bound also keeps "@" runs linear.
    while (s > lastEnd && at - s < 64 && LOCAL_CHAR.test(text[s - 1]!)) s--;
    while (s < at && (text[s] === "." || text[s] === "-")) s++;
    if (s === at) continue;
    let e = at + 1;
    while (e < text.length && e - at <= 253 && DOMAIN_CHAR.test(text[e]!)) e++;
    while (e > at + 1 && (text[e - 1] === "." || text[e - 1] === "-")) e--;
    const domain = text.slice(at + 1, e);
    const dot = domain.lastIndexOf(".");
    if (dot <= 0 || !/^[A-Za-z]{2,24}$/.test(domain.slice(dot + 1)) || domain.includes("..")) continue;
    out.push({ start: s, end: e });
    lastEnd = e;
    from = e;
  }
  return out;
}

function findTags(text: string, found: SpecialSpan[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "@" && c !== "#") continue;
    if (i > 0 && wordishBefore(text, i - 1)) continue;
    const re = c === "@" ? MENTION_BODY : TAG_BODY;
    re.lastIndex = i + 1;
    const m = re.exec(text);
    if (!m) continue;
    // "#1" or "#5" is a number reference, not a hashtag
    if (c === "#" && /^\p{N}+$/u.test(m[0])) continue;
    found.push({ kind: c === "@" ? "mention" : "hashtag", start: i, end: i + 1 + m[0].length });
    i += m[0].length;
  }
}

function wordishBefore(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  if (c < 0x80)
    return (
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x5f ||
      c === 0x40 ||
      c === 0x23 ||
      c === 0x2e
    );
  return WORDISH_BEFORE.test(text[j]!);
}

function findEmoticons(text: string, found: SpecialSpan[]): void {
  EMOTICON.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMOTICON.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start > 0 ? text[start - 1]! : " ";
    const after = end < text.length ? text[end]! : " ";
    // "10:30", "a:b", "(see)" and "f(x)" are not faces: a face stands apart from digits and,
    // except for the eyes-first kind after a word ("thanks:)"), from letters.
    const eyesFirst = /^>?[:;=]/.test(m[0]);
    const okBefore = !/\p{N}/u.test(before) && (eyesFirst || !/\p{L}/u.test(before));
    const okAfter = !/[\p{L}\p{N}]/u.test(after);
    if (okBefore && okAfter && !(eyesFirst && /^[:;=][-'^o]?[Oo3Xx]$/.test(m[0]) && /\p{L}/u.test(before))) {
      found.push({ kind: "emoticon", start, end });
    }
  }
}
