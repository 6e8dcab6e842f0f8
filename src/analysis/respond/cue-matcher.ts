/**
 * Finds reply cues (apology, ownership, blame, time expressions, ...) in a text and returns their
 * spans. Cues are plain phrases kept as data; each list compiles once into a single regular
 * expression of escaped literals, so matching a reply is one linear scan per list.
 *
 * Cue syntax (see cues/README.md): words separated by spaces match any run of whitespace; a trailing
 * `*` matches any continuation of the word (`apologi*`, also inside a phrase: `dárkov* kart*`), a
 * leading `*` any beginning (`*స్తాను`, a first-person verb ending); `#` stands for a number
 * (`within # hours`); `~` for up to eight words of the same sentence (`left ~ in the rain`).
 * Cues and texts are folded alike, by the same folding as the lexicon's token keys (text/fold.ts):
 * case-insensitive, `'` and `’` the same, native digits as ASCII, and for languages that fold
 * (Czech, Spanish, Portuguese) Latin diacritics ignored on both sides.
 *
 * @example
 * const m = compileCues(["i will", "i'll", "sorry"], "latin");
 * findCues(m, prepare("Sorry! I’ll fix it.")); // two spans: "Sorry", "I’ll"
 */
import type { Span } from "../../core/reading.js";
import { prepare, type PreparedText } from "../text/fold.js";
import { onWordBoundaries, prefixEndsSyllable, thaiWordBoundaries } from "../text/whole-word.js";

/**
 * How word boundaries work in a script: `latin` needs a boundary on both sides (unless the cue ends
 * with `*`), `prefix` only at the start (Telugu, Hindi: suffixes attach to stems), `nospace`
 * matches anywhere (Thai is written without spaces between words).
 */
export type BoundaryMode = "latin" | "prefix" | "nospace";

export interface CompiledCues {
  readonly re: RegExp | null;
  readonly fold: boolean;
  /** Spans grow to whole words (not in Thai, which has no word boundaries in writing). */
  readonly wholeWords: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
const LETTER_AFTER = "(?![\\p{L}\\p{M}\\p{N}])";
// Native digits are turned to ASCII by `prepare`, so one class covers every script.
const NUMBER = "[0-9]{1,4}(?:[.,:][0-9]{1,2})?";
// `~`: up to eight words between two parts of a cue, within one sentence ("left my parcel in the
// rain", "gift card I got for my birthday says invalid"). Distinct classes keep it linear.
// A comma, semicolon or colon may end the word before the gap ("roaming, když mám balíček").
const GAP = "[,;:]?\\s+(?:[^\\s.!?]+\\s+){0,8}";
const THAI_GAP = "[^.!?\\n]{0,40}?";
// `*` ending a word inside a phrase: any continuation of that word ("dárkov* kart*"), across the
// zero-width (non-)joiners Telugu writes between a stem and its ending ("టికెట్‌ను").
const WORD_REST = "[\\p{L}\\p{M}\\p{N}\\u200c\\u200d]*";

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type CueShape = "whole" | "prefix" | "suffix" | "free";

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * One pattern for many cues, with shared beginnings factored out ("you should have (checked|
 * read)"), so the engine decides at each position from the first character instead of trying
 * every cue in turn. Only literals, `\s+` and bounded number runs appear, and each level is an
 * alternation of distinct first units: matching stays linear.
 */
function trie(cues: string[][]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const units of cues) {
    let node = root;
    for (const u of units) {
      let child = node.next.get(u);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(u, child);
      }
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

function emit(node: TrieNode): string {
  const parts = [...node.next].map(([u, child]) => u + emit(child));
  if (parts.length === 0) return "";
  const body = parts.length === 1 ? (parts[0] as string) : `(?:${parts.join("|")})`;
  // Greedy optional: the longer phrase is tried first, the shorter one is still a match.
  return node.end ? `(?:${body})?` : body;
}

/** Turn one cue into a pattern without boundaries, and say which boundaries it needs. */
function cueFragment(cue: string, mode: BoundaryMode, fold: boolean): { units: string[]; shape: CueShape } {
  const suffixCue = cue.startsWith("*") && cue.length > 1;
  const prefixCue = cue.endsWith("*");
  const text = cue.slice(suffixCue ? 1 : 0, prefixCue ? -1 : undefined);
  const key = prepare(text.trim(), fold).key;
  const words = key.split(/\s+/).filter((w) => w.length > 0);
  // Thai writers may or may not put a space between the words of a phrase.
  const space = mode === "nospace" ? "\\s*" : "\\s+";
  const units: string[] = [];
  words.forEach((w, i) => {
    // A gap stands in for the space before the next word: "left ~ in the rain".
    if (w === "~") {
      units.push(mode === "nospace" ? THAI_GAP : GAP);
      return;
    }
    if (i > 0 && words[i - 1] !== "~") units.push(space);
    const chars = [...w];
    chars.forEach((ch, j) => {
      if (ch === "#") units.push(NUMBER);
      else if (ch === "*" && j === chars.length - 1) units.push(WORD_REST);
      else units.push(escapeLiteral(ch));
    });
  });
  // A suffix cue (`*ాను`: any verb in the first person) must end its word in every mode.
  if (suffixCue) return { units, shape: "suffix" };
  if (mode === "nospace") return { units, shape: "free" };
  if (mode === "prefix" || prefixCue) return { units, shape: "prefix" };
  return { units, shape: "whole" };
}

/**
 * Compile a cue list. Longer cues come first in each alternation, so among cues of the same
 * shape the longest phrase wins at a position ("sorry for the inconvenience" before "sorry").
 */
export function compileCues(cues: readonly string[], mode: BoundaryMode, fold = false): CompiledCues {
  const unique = [...new Set(cues.map((c) => c.trim()).filter((c) => c.length > 0))];
  const wholeWords = mode !== "nospace";
  if (unique.length === 0) return { re: null, fold, wholeWords };
  unique.sort((a, b) => b.length - a.length);
  const groups: Record<CueShape, string[][]> = { whole: [], prefix: [], suffix: [], free: [] };
  for (const c of unique) {
    const { units, shape } = cueFragment(c, mode, fold);
    groups[shape].push(units);
  }
  // One boundary assertion per group, not per cue: Unicode property classes are costly to
  // compile, and a list holds hundreds of cues.
  const alt = (xs: string[][]) => trie(xs);
  const branches: string[] = [];
  if (groups.whole.length > 0) branches.push(`${LETTER_BEFORE}${alt(groups.whole)}${LETTER_AFTER}`);
  if (groups.prefix.length > 0) branches.push(`${LETTER_BEFORE}${alt(groups.prefix)}`);
  if (groups.suffix.length > 0) branches.push(`${alt(groups.suffix)}${LETTER_AFTER}`);
  if (groups.free.length > 0) branches.push(alt(groups.free));
  return { re: new RegExp(branches.join("|"), "gu"), fold, wholeWords };
}

/** Several labelled cue lists in one pattern: one scan finds the spans of every list. */
export interface CompiledGroups<L extends string> {
  readonly re: RegExp | null;
  readonly labels: readonly L[];
  readonly wholeWords: boolean;
}

/**
 * Compile labelled lists (the feeling words of each emotion, the topic words of each cause) into
 * one pattern with one capturing group per list. A scan is one pass instead of one per list; where
 * lists share a phrase, the first list takes it.
 */
export function compileGroups<L extends string>(
  lists: readonly (readonly [L, readonly string[]])[],
  mode: BoundaryMode,
  fold = false,
): CompiledGroups<L> {
  const labels: L[] = [];
  const parts: string[] = [];
  for (const [label, cues] of lists) {
    const compiled = compileCues(cues, mode, fold);
    if (!compiled.re) continue;
    labels.push(label);
    parts.push(`(${compiled.re.source})`);
  }
  const re = parts.length > 0 ? new RegExp(parts.join("|"), "gu") : null;
  return { re, labels, wholeWords: mode !== "nospace" };
}

/** The spans of each labelled list found in the prepared text. */
export function findGroups<L extends string>(groups: CompiledGroups<L>, text: PreparedText): Map<L, Span[]> {
  const out = new Map<L, Span[]>();
  for (const { match, span } of matchSpans(groups.re, groups.wholeWords, text)) {
    let g = 0;
    while (g < groups.labels.length && match[g + 1] === undefined) g++;
    const label = groups.labels[g] as L;
    const list = out.get(label) ?? [];
    list.push(span);
    out.set(label, list);
  }
  return out;
}

/** All non-overlapping matches of the cues in the prepared text, as spans of the original. */
export function findCues(cues: CompiledCues, text: PreparedText): Span[] {
  return [...matchSpans(cues.re, cues.wholeWords, text)].map((m) => m.span);
}

/** Every non-empty match of `re` in the prepared text, with its span in the original. */
function* matchSpans(re: RegExp | null, wholeWords: boolean, text: PreparedText): Generator<{ match: RegExpExecArray; span: Span }> {
  if (re === null) return;
  re.lastIndex = 0;
  for (let m = re.exec(text.key); m !== null; m = re.exec(text.key)) {
    let start = m.index;
    let end = start + m[0].length;
    if (end === start) {
      re.lastIndex++;
      continue;
    }
    if (!wholeWords && !atWordBoundaries(text, start, end)) {
      // Thai: a cue is a whole word or run of words, never part of one (เสีย is not เสียใจ).
      re.lastIndex = start + 1;
      continue;
    }
    if (wholeWords) {
      // A prefix cue must end between letters, not inside one (Telugu బాధ is not the start of
      // బాధ్యులం, where ధ joins the next consonant); a cue that does is no match at all.
      if (!prefixEndsSyllable(text.key, end)) {
        re.lastIndex = start + 1;
        continue;
      }
      // A prefix or suffix cue matched part of a word; the evidence is the whole word. Done here,
      // not in the pattern, so matching stays linear on very long "words".
      while (start > 0 && WORD_CHAR.test(text.key.charAt(start - 1))) start--;
      while (end < text.key.length && WORD_CHAR.test(text.key.charAt(end))) end++;
      re.lastIndex = end;
    }
    yield { match: m, span: { start, end, text: text.original.slice(start, end) } };
  }
}

const wordBoundaryCache = new WeakMap<PreparedText, Set<number>>();

/** True when the match is whole words of a Thai text (boundaries computed once per text). */
function atWordBoundaries(text: PreparedText, start: number, end: number): boolean {
  let bounds = wordBoundaryCache.get(text);
  if (!bounds) wordBoundaryCache.set(text, (bounds = thaiWordBoundaries(text.key)));
  return onWordBoundaries(bounds, start, end);
}
