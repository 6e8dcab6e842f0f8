/**
 * Segmentation: Normalised text -> Tokens with offsets in the original text. URLs, e-mails,
 * mentions, hashtags and emoticons are cut out first; a linear UAX #29 word scanner does the rest,
 * with Intl.Segmenter's dictionaries for Thai and other scripts without spaces; emoji stay whole
 * grapheme clusters; a few language repairs follow (Thai elongation, detached Telugu suffixes).
 */
import type { Normalised } from "./normalise.js";
import { tokenKey } from "./match-key.js";
import { findSpecialSpans } from "./special-spans.js";
import type { Token, TokenKind } from "./token.js";
import { foldNorm, isElongated, normWord, numberValue } from "./word-forms.js";
import { scanWords } from "./word-scanner.js";

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT_ONLY = /^[\p{Nd}.,'\u00a0]+$/u;
const PUNCT = /[\p{P}\p{S}]/u;
const THAI = /^[\u0E00-\u0E7F]+$/;
const MARK = /\p{M}/u;
const TELUGU = /^[\u0C00-\u0C7F\u200C\u200D]+$/;
/** Telugu case and postposition suffixes that writers sometimes detach from the noun ("ఆర్డర్ కి"). */
const TELUGU_SUFFIXES = new Set(["కి", "కు", "ని", "ను", "లో", "తో", "పై", "లను", "లకు", "లో", "నుండి", "నుంచి", "వరకు", "గురించి", "కోసం"]);

/**
 * Most tokens kept from a run of the same token ("👍👍👍…", "no no no…"): as letter runs are cut in
 * `norm`, the 17th repeat says nothing the 16th did not, and a message of 32,768 "👍" must cost what
 * a short one does, not 32,768 tokens through every later step. 84 of the 219,175 training rows hold
 * a run of 16 or more.
 */
export const MAX_RUN = 16;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  const key = /^[a-z]{2,3}$/i.test(lang) ? lang.toLowerCase() : "und";
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(key === "und" ? undefined : key, { granularity: "word" });
    } catch {
      s = new Intl.Segmenter(undefined, { granularity: "word" });
    }
    segmenters.set(key, s);
  }
  return s;
}

/**
 * Cut a normalised message into tokens.
 *
 * @example
 * const t = segment(normalise("Sooo slow!!! 😡 www.x.cz"), "en");
 * t.map((x) => x.kind); // ["word", "word", "punct", "punct", "punct", "emoji", "url"]
 * t[0].norm;            // "soo"
 */
export function segment(n: Normalised, lang: string): Token[] {
  const text = n.text;
  const raw: RawToken[] = [];
  const specials = findSpecialSpans(text);
  const seg = segmenterFor(lang);
  let pos = 0;
  for (const sp of specials) {
    if (sp.start > pos) segmentGap(seg, text, pos, sp.start, raw);
    raw.push({ kind: sp.kind, start: sp.start, end: sp.end });
    pos = sp.end;
  }
  if (pos < text.length) segmentGap(seg, text, pos, text.length, raw);
  const merged = repair(raw, text);
  return finish(merged, n);
}

interface RawToken {
  kind: TokenKind;
  start: number;
  end: number;
}

/**
 * Intl.Segmenter handles only scripts written without spaces (Thai, Lao, Khmer, Myanmar, Han,
 * Kana), fed in pieces of at most CHUNK code units: V8's segment iterator costs time in proportion
 * to the string per step, so long inputs would otherwise take quadratic time.
 */
const CHUNK = 256;

function segmentGap(seg: Intl.Segmenter, text: string, from: number, to: number, out: RawToken[]): void {
  scanWords(text, from, to, out, (a, b) => dictionaryRun(seg, text, a, b, out));
}

function dictionaryRun(seg: Intl.Segmenter, text: string, from: number, to: number, out: RawToken[]): void {
  let a = from;
  while (a < to) {
    const b = to - a <= CHUNK ? to : safeCut(text, a + CHUNK);
    const rep = repeatStart(text, a, b);
    if (rep >= 0) {
      // A long run of one letter ("มากกกกกกกก", or garbage): the segmenter sees its first two,
      // the rest becomes one token that `repair` glues back onto the word before it.
      if (rep + 2 > a) segmentPiece(seg, text, a, rep + 2, out);
      let e = rep + 2;
      while (e < to && text.charCodeAt(e) === text.charCodeAt(rep)) e++;
      out.push({ kind: "word", start: rep + 2, end: e });
      a = e;
      continue;
    }
    segmentPiece(seg, text, a, b, out);
    a = b;
  }
}

/** Move a cut off a low surrogate or a combining mark, so no character is split. */
function safeCut(text: string, p: number): number {
  let q = p;
  while (q > p - 8) {
    const c = text.charCodeAt(q);
    if (!(c >= 0xdc00 && c <= 0xdfff) && !MARK.test(text[q]!)) return q;
    q--;
  }
  return p;
}

/** Start of the first run of 8+ equal code units (not surrogates) in [a, b), or -1. */
function repeatStart(text: string, a: number, b: number): number {
  let runStart = a;
  for (let k = a + 1; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c !== text.charCodeAt(k - 1) || (c >= 0xd800 && c <= 0xdfff)) runStart = k;
    else if (k - runStart + 1 >= 8) return runStart;
  }
  return -1;
}

function segmentPiece(seg: Intl.Segmenter, text: string, from: number, to: number, out: RawToken[]): void {
  const part = text.slice(from, to);
  for (const s of seg.segment(part)) {
    const str = s.segment;
    const start = from + s.index;
    const end = start + str.length;
    if (s.isWordLike) {
      out.push({ kind: HAS_LETTER.test(str) ? "word" : HAS_DIGIT_ONLY.test(str) ? "number" : "word", start, end });
    } else if (EMOJI.test(str)) {
      out.push({ kind: "emoji", start, end });
    } else if (PUNCT.test(str)) {
      out.push({ kind: "punct", start, end });
    }
  }
}

function repair(raw: RawToken[], text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const t of raw) {
    const prev = out[out.length - 1];
    // only Thai runs, long letter runs and short Telugu suffixes are ever glued: test cheaply first
    if (prev && prev.kind === "word" && t.kind === "word" && mayGlue(text, prev, t)) {
      const cur = text.slice(t.start, t.end);
      const before = text.slice(prev.start, prev.end);
      // Thai "มากกกก" comes back as "มาก|กก|กก", long runs come as their own token: glue runs of
      // the last letter back on.
      if (t.start === prev.end && (THAI.test(cur) || cur.length >= 6) && isRunOf(cur, before[before.length - 1]!)) {
        prev.end = t.end;
        continue;
      }
      // "ఆర్డర్ కి": a detached case suffix stays with its noun.
      if (TELUGU.test(before) && TELUGU_SUFFIXES.has(cur) && /^[ \u00a0]$/.test(text.slice(prev.end, t.start))) {
        prev.end = t.end;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

function mayGlue(text: string, prev: RawToken, t: RawToken): boolean {
  const c = text.charCodeAt(t.start);
  if (t.start === prev.end) return (c >= 0x0e00 && c <= 0x0e7f) || (t.end - t.start >= 6 && c === text.charCodeAt(prev.end - 1));
  const p = text.charCodeAt(prev.start);
  return p >= 0x0c00 && p <= 0x0c7f && c >= 0x0c00 && c <= 0x0c7f && t.end - t.start <= 6;
}

function isRunOf(s: string, ch: string): boolean {
  for (const c of s) if (c !== ch) return false;
  return true;
}

interface Forms {
  norm: string;
  fold: string;
  key: string;
  elongated: boolean;
  capsWord: boolean;
  letters: number;
}

/** Forms per token kind and surface, shared by all messages: messages repeat the same words. */
const formsCache = new Map<TokenKind, Map<string, Forms>>();
let formsCached = 0;
/** Bound on cached surfaces (garbage input can be all distinct tokens). */
const FORMS_CACHE_LIMIT = 200_000;

function formsOf(kind: TokenKind, surface: string): Forms {
  let cache = formsCache.get(kind);
  if (!cache) {
    cache = new Map();
    formsCache.set(kind, cache);
  }
  let f = cache.get(surface);
  if (!f) {
    f = computeForms(kind, surface);
    if (formsCached >= FORMS_CACHE_LIMIT) {
      for (const c of formsCache.values()) c.clear();
      formsCached = 0;
    }
    cache.set(surface, f);
    formsCached++;
  }
  return f;
}

function finish(raw: RawToken[], n: Normalised): Token[] {
  const text = n.text;
  const shouting = shoutingMode(raw, text);
  const tokens: Token[] = [];
  let run = 0;
  // single ASCII punctuation marks are most tokens of symbol-heavy text: no slicing for them
  const asciiPunct: (Forms | undefined)[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const code = r.end - r.start === 1 ? text.charCodeAt(r.start) : 0x80;
    const surface = r.kind === "punct" && code < 0x80 ? "" : text.slice(r.start, r.end);
    const f = surface === "" ? (asciiPunct[code] ??= computeForms("punct", text[r.start]!)) : formsOf(r.kind, surface);
    const tok: Token = { kind: r.kind, start: n.toOriginal[r.start]!, end: n.toOriginal[r.end]!, norm: f.norm, fold: f.fold, key: f.key };
    if (r.kind === "number") {
      const v = numberValue(surface);
      if (v !== undefined) tok.value = v;
    }
    if (f.elongated) tok.elongated = true;
    if (r.kind === "word" && f.capsWord && (shouting.all || shouting.runs.has(i) || f.letters >= 4)) tok.caps = true;
    const prev = tokens[tokens.length - 1];
    run = prev && prev.kind === tok.kind && prev.norm === tok.norm ? run + 1 : 1;
    if (run <= MAX_RUN) tokens.push(tok);
  }
  return tokens;
}

function computeForms(kind: TokenKind, surface: string): Forms {
  if (kind === "punct") return { norm: surface, fold: surface, key: "", elongated: false, capsWord: false, letters: 0 };
  const [norm, fold] = forms(kind, surface);
  const key = tokenKey(kind, norm);
  const wordish = kind === "word" || kind === "hashtag";
  const capsWord = kind === "word" && isCapsWord(surface);
  return { norm, fold, key, elongated: wordish && isElongated(surface), capsWord, letters: capsWord ? letterCount(surface) : 0 };
}

// eslint-disable-next-line no-misleading-character-class -- each modifier and selector is matched alone, on purpose
const SKIN_TONE_OR_VS = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu;

/** URLs and e-mails only lower-case; emoji keep their ZWJ sequence, `fold` drops skin tones. */
function forms(kind: TokenKind, surface: string): [string, string] {
  if (kind === "url" || kind === "email") {
    const lower = surface.toLowerCase();
    return [lower, lower];
  }
  if (kind === "emoji") return [surface, surface.replace(SKIN_TONE_OR_VS, "") || surface];
  const norm = normWord(surface).replace(/[ \u00a0]/g, "");
  return [norm, foldNorm(norm)];
}

function letterCount(s: string): number {
  let n = 0;
  for (const ch of s) if (HAS_LETTER.test(ch)) n++;
  return n;
}

function isCapsWord(s: string): boolean {
  const [up, low] = caseCounts(s, 0, s.length);
  return up >= 2 && low === 0;
}

/**
 * Whole-message caps (3+ cased words, none with lower case) makes every caps word shouting; in a
 * normal message a caps word shouts when it has 4+ letters or stands next to another caps word,
 * so that "OK", "ID" or "SMS" alone are read as acronyms.
 */
function shoutingMode(raw: RawToken[], text: string): { all: boolean; runs: Set<number> } {
  let cased = 0;
  let caps = 0;
  const runs = new Set<number>();
  let prevCaps = -1;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.kind !== "word") {
      prevCaps = -1;
      continue;
    }
    const [up, low] = caseCounts(text, r.start, r.end);
    if (up + low === 0) continue;
    cased++;
    if (up >= 2 && low === 0) {
      caps++;
      if (prevCaps >= 0) {
        runs.add(prevCaps);
        runs.add(i);
      }
      prevCaps = i;
    } else {
      prevCaps = -1;
    }
  }
  return { all: cased >= 3 && caps === cased, runs };
}

/** Upper- and lower-case letter counts; ASCII counted directly, other scripts by Unicode class. */
function caseCounts(text: string, start: number, end: number): [number, number] {
  let up = 0;
  let low = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) up++;
    else if (c >= 0x61 && c <= 0x7a) low++;
    else if ((c >= 0xc0 && c < 0x0250) || (c >= 0x0370 && c < 0x0530)) {
      const ch = text[i]!;
      if (ch !== ch.toLowerCase()) up++;
      else if (ch !== ch.toUpperCase()) low++;
    }
  }
  return [up, low];
}
