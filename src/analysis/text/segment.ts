/**
 * Segmentation: Normalised text -> Tokens with offsets in the original text. Intl.Segmenter does
 * the words (dictionary-based for Thai); URLs, e-mails, mentions, hashtags and emoticons are cut
 * out first, emoji are kept as whole grapheme clusters, and a few language repairs follow
 * (Thai letter elongation, detached Telugu case suffixes).
 */
import type { Normalised } from "./normalise.js";
import { findSpecialSpans } from "./special-spans.js";
import type { Token, TokenKind } from "./token.js";
import { foldWord, isElongated, normWord, numberValue } from "./word-forms.js";

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT_ONLY = /^[\p{Nd}.,'\u00a0]+$/u;
const PUNCT = /[\p{P}\p{S}]/u;
const UPPER = /\p{Lu}/gu;
const LOWER = /\p{Ll}/gu;
const THAI = /^[\u0E00-\u0E7F]+$/;
const TELUGU = /^[\u0C00-\u0C7F\u200C\u200D]+$/;
/** Telugu case and postposition suffixes that writers sometimes detach from the noun ("ఆర్డర్ కి"). */
const TELUGU_SUFFIXES = new Set(["కి", "కు", "ని", "ను", "లో", "తో", "పై", "లను", "లకు", "లో", "నుండి", "నుంచి", "వరకు", "గురించి", "కోసం"]);

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

function segmentGap(seg: Intl.Segmenter, text: string, from: number, to: number, out: RawToken[]): void {
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
    // whitespace and lone marks are not tokens
  }
}

function repair(raw: RawToken[], text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const t of raw) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === "word" && t.kind === "word") {
      const cur = text.slice(t.start, t.end);
      const before = text.slice(prev.start, prev.end);
      // Thai "มากกกก" comes back as "มาก|กก|กก": glue runs of the last letter back on.
      if (t.start === prev.end && THAI.test(cur) && isRunOf(cur, before[before.length - 1]!)) {
        prev.end = t.end;
        continue;
      }
      // "ఆర్డర్ కి": a detached case suffix stays with its noun.
      if (TELUGU.test(before) && TELUGU_SUFFIXES.has(cur) && /^[ \u00a0]$/.test(text.slice(prev.end, t.start))) {
        prev.end = t.end;
        continue;
      }
    }
    out.push({ ...t });
  }
  return out;
}

function isRunOf(s: string, ch: string): boolean {
  for (const c of s) if (c !== ch) return false;
  return true;
}

function finish(raw: RawToken[], n: Normalised): Token[] {
  const text = n.text;
  const shouting = shoutingMode(raw, text);
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const surface = text.slice(r.start, r.end);
    const isWord = r.kind === "word";
    const [norm, fold] = forms(r.kind, surface);
    const tok: Token = { kind: r.kind, start: n.toOriginal[r.start]!, end: n.toOriginal[r.end]!, norm, fold };
    if (r.kind === "number") {
      const v = numberValue(surface);
      if (v !== undefined) tok.value = v;
    }
    if (isWord || r.kind === "hashtag") {
      if (isElongated(surface)) tok.elongated = true;
      if (isWord && isCapsWord(surface) && (shouting.all || shouting.runs.has(i) || letterCount(surface) >= 4)) tok.caps = true;
    }
    tokens.push(tok);
  }
  return tokens;
}

const SKIN_TONE_OR_VS = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu;

/** URLs and e-mails only lower-case; emoji keep their ZWJ sequence, `fold` drops skin tones. */
function forms(kind: TokenKind, surface: string): [string, string] {
  if (kind === "url" || kind === "email") {
    const lower = surface.toLowerCase();
    return [lower, lower];
  }
  if (kind === "emoji") return [surface, surface.replace(SKIN_TONE_OR_VS, "") || surface];
  return [normWord(surface).replace(/[ \u00a0]/g, ""), foldWord(surface).replace(/[ \u00a0]/g, "")];
}

function letterCount(s: string): number {
  let n = 0;
  for (const ch of s) if (HAS_LETTER.test(ch)) n++;
  return n;
}

function isCapsWord(s: string): boolean {
  const up = s.match(UPPER)?.length ?? 0;
  const low = s.match(LOWER)?.length ?? 0;
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
    const s = text.slice(r.start, r.end);
    const up = s.match(UPPER)?.length ?? 0;
    const low = s.match(LOWER)?.length ?? 0;
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
