import type { Token } from "../text/token.js";
import { prefixEndsSyllable } from "../text/whole-word.js";
import { type CompiledCue, type CompiledLexicon, startKey } from "./compile-lexicon.js";
import type { Cue } from "./parse-lexicon.js";

/** A cue found in a message. */
export interface CueHit {
  cue: Cue;
  /** Token range `[first, last]`, inclusive. */
  first: number;
  last: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** A negator outside the cue governs it ("not happy"); negators inside it are part of its meaning. */
  negated: boolean;
  /** Largest intensifier/downtoner multiplier on the cue's tokens (1 when none). */
  intensity: number;
}

/**
 * Find every cue of the lexicon in the tokens. Where cues of one kind overlap, the longer one wins:
 * "not working" is one problem, not "working" negated plus "not working".
 *
 * @example
 * matchCues(tokens, lexicon).map((h) => h.cue.label); // ["delivery_or_wait", "frustration"]
 */
export function matchCues(tokens: Token[], lex: CompiledLexicon): CueHit[] {
  const keys = tokens.map((t) => t.key);
  const hits: CueHit[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const key = keys[i]!;
    if (key === "") continue;
    for (const c of candidates(lex, key)) tryWords(c, i);
  }
  if (lex.substring.length > 0) matchSubstrings();
  return dropContained(hits);

  function tryWords(c: CompiledCue, first: number): void {
    let t = first;
    for (const w of c.words) {
      if (t > first && isJoiner(t)) t++;
      const k = keys[t];
      if (k === undefined || k === "") return;
      if (w.prefix ? !(k.startsWith(w.key) && prefixEndsSyllable(k, w.key.length)) : k !== w.key) return;
      t++;
    }
    push(c.cue, first, t - 1);
  }

  /** A hyphen glued to words on both sides ("ipo-post", "e-mail") joins, rather than splits, a cue. */
  function isJoiner(t: number): boolean {
    const tok = tokens[t];
    const before = tokens[t - 1];
    const after = tokens[t + 1];
    return (
      tok !== undefined &&
      tok.kind === "punct" &&
      /^[-\u2010\u2011]$/.test(tok.norm) &&
      before?.end === tok.start &&
      after?.start === tok.end
    );
  }

  function matchSubstrings(): void {
    // Join the keys of unspaced-script tokens into one stream, remembering where each token starts.
    // Unlike every other cue, a Thai one is matched anywhere in the stream, not on word boundaries
    // (whole-word.ts): ICU's dictionary keeps compounds whole (บัญชีธนาคาร), so whole-word matching
    // loses real hits, and the shipped models were trained on these hits.
    let stream = "";
    const owner: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const k = keys[i]!;
      for (let j = 0; j < k.length; j++) owner.push(i);
      stream += k;
    }
    // One pass over the stream: at each position, only cues starting with the next two characters
    // (or the next one, for one-character cues) are tried.
    for (let at = 0; at < stream.length; at++) {
      const c = stream.charCodeAt(at);
      if (at + 1 < stream.length) tryAt(at, lex.substringByStart.get(startKey(c, stream.charCodeAt(at + 1))));
      tryAt(at, lex.substringByStart.get(c));
    }

    function tryAt(at: number, cues: CompiledCue[] | undefined): void {
      for (const c of cues ?? []) {
        const needle = c.substring!;
        if (stream.startsWith(needle, at)) push(c.cue, owner[at]!, owner[at + needle.length - 1]!);
      }
    }
  }

  function push(cue: Cue, first: number, last: number): void {
    let negated = false;
    let intensity = 1;
    for (let t = first; t <= last; t++) {
      const tok = tokens[t]!;
      if (tok.negated && (tok.negatedBy === undefined || tok.negatedBy < first || tok.negatedBy > last)) negated = true;
      if (tok.intensity !== undefined && Math.abs(tok.intensity - 1) > Math.abs(intensity - 1)) intensity = tok.intensity;
    }
    hits.push({ cue, first, last, start: tokens[first]!.start, end: tokens[last]!.end, negated, intensity });
  }
}

const NONE: readonly CompiledCue[] = [];
const CANDIDATE_CACHE_LIMIT = 50_000;
const candidateCache = new WeakMap<CompiledLexicon, Map<string, readonly CompiledCue[]>>();

/**
 * The cues whose first word can match a token with this key: exact ones, then prefix ones longest
 * first. Messages repeat the same words, so the lookup at every prefix length is done once per
 * word and lexicon (bounded cache).
 */
function candidates(lex: CompiledLexicon, key: string): readonly CompiledCue[] {
  let cache = candidateCache.get(lex);
  if (!cache) candidateCache.set(lex, (cache = new Map()));
  let found = cache.get(key);
  if (found !== undefined) return found;
  const list: CompiledCue[] = [...(lex.exact.get(key) ?? NONE)];
  for (const len of lex.prefixLengths) {
    if (len > key.length) continue;
    const more = lex.prefix.get(key.slice(0, len));
    if (more) list.push(...more);
  }
  found = list.length > 0 ? list : NONE;
  if (cache.size >= CANDIDATE_CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}

/**
 * Drop every hit that a longer hit of the same kind contains. One sweep in order of first token
 * (then last token, longest first): a hit is contained when an earlier-starting hit of its kind
 * reaches as far, or a same-starting one reaches further. Linear but for the sort, which V8's
 * TimSort does in about linear time here (hits arrive nearly in order of first token: word cues,
 * then substring cues); comparing every pair was quadratic (32,768 emoji, each a cue, took seconds).
 */
function dropContained(hits: CueHit[]): CueHit[] {
  const order = hits.map((_, i) => i).sort((a, b) => hits[a]!.first - hits[b]!.first || hits[b]!.last - hits[a]!.last);
  const dropped = new Uint8Array(hits.length);
  const sweeps = new Map<string, { first: number; reach: number; groupReach: number }>();
  for (const i of order) {
    const h = hits[i]!;
    let s = sweeps.get(h.cue.kind);
    if (!s) sweeps.set(h.cue.kind, (s = { first: -1, reach: -1, groupReach: -1 }));
    // reach: furthest last token of this kind's hits starting before h; groupReach: of those starting with h
    if (h.first !== s.first) [s.reach, s.first, s.groupReach] = [Math.max(s.reach, s.groupReach), h.first, h.last];
    if (s.reach >= h.last || s.groupReach > h.last) dropped[i] = 1;
  }
  return hits.filter((_, i) => dropped[i] === 0);
}
