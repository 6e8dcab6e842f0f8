import type { Token } from "../text/token.js";
import type { CompiledCue, CompiledLexicon } from "./compile-lexicon.js";
import type { Cue } from "./parse-lexicon.js";
import { matchKey } from "./match-key.js";

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

const MATCHABLE = new Set(["word", "number", "emoji", "emoticon", "hashtag"]);

/**
 * Find every cue of the lexicon in the tokens. Where cues of one kind overlap, the longer one wins:
 * "not working" is one problem, not "working" negated plus "not working".
 *
 * @example
 * matchCues(tokens, lexicon).map((h) => h.cue.label); // ["delivery_or_wait", "frustration"]
 */
export function matchCues(tokens: Token[], lex: CompiledLexicon): CueHit[] {
  const keys = tokens.map((t) => (MATCHABLE.has(t.kind) ? matchKey(t.kind === "hashtag" ? t.norm.slice(1) : t.norm) : ""));
  const hits: CueHit[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const key = keys[i]!;
    if (key === "") continue;
    for (const c of lex.exact.get(key) ?? []) tryWords(c, i);
    for (const len of lex.prefixLengths) {
      if (len > key.length) continue;
      for (const c of lex.prefix.get(key.slice(0, len)) ?? []) tryWords(c, i);
    }
  }
  if (lex.substring.length > 0) matchSubstrings();
  return dropContained(hits);

  function tryWords(c: CompiledCue, first: number): void {
    let t = first;
    for (const w of c.words) {
      if (t > first && isJoiner(t)) t++;
      const k = keys[t];
      if (k === undefined || k === "") return;
      if (w.prefix ? !k.startsWith(w.key) : k !== w.key) return;
      t++;
    }
    push(c.cue, first, t - 1);
  }

  /** A hyphen glued to words on both sides ("ipo-post", "e-mail") joins, rather than splits, a cue. */
  function isJoiner(t: number): boolean {
    const tok = tokens[t];
    const before = tokens[t - 1];
    const after = tokens[t + 1];
    return tok !== undefined && tok.kind === "punct" && /^[-\u2010\u2011]$/.test(tok.norm) && before?.end === tok.start && after?.start === tok.end;
  }

  function matchSubstrings(): void {
    // Join the keys of unspaced-script tokens into one stream, remembering where each token starts.
    let stream = "";
    const owner: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const k = keys[i]!;
      for (let j = 0; j < k.length; j++) owner.push(i);
      stream += k;
    }
    // One pass over the stream: at each position, only cues starting with the next one or two
    // characters are tried (the index holds two-character starts, and one for one-character cues).
    for (let at = 0; at < stream.length; at++) {
      const two = stream.slice(at, at + 2);
      tryAt(at, lex.substringByStart.get(two));
      if (two.length === 2) tryAt(at, lex.substringByStart.get(stream[at]!));
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

function dropContained(hits: CueHit[]): CueHit[] {
  return hits.filter(
    (h) =>
      !hits.some(
        (o) =>
          o !== h &&
          o.cue.kind === h.cue.kind &&
          o.first <= h.first &&
          o.last >= h.last &&
          o.last - o.first > h.last - h.first,
      ),
  );
}
