import type { Cue } from "./parse-lexicon.js";
import { matchKey } from "../text/match-key.js";

/** A cue made ready for matching: word keys for spaced scripts, one key for unspaced ones. */
export interface CompiledCue {
  cue: Cue;
  /** Word keys; a word written with a trailing `*` matches any token starting with it. */
  words: { key: string; prefix: boolean }[];
  /** For Thai and other unspaced scripts: matched as a substring of the joined token keys. */
  substring: string | null;
}

/** Cues indexed for fast lookup by a token's key. */
export interface CompiledLexicon {
  langs: string[];
  exact: Map<string, CompiledCue[]>;
  prefix: Map<string, CompiledCue[]>;
  /** The lengths of the keys in `prefix`, longest first: a token is looked up at these lengths only. */
  prefixLengths: number[];
  substring: CompiledCue[];
  /**
   * Substring cues by their first two UTF-16 code units (`startKey`), or by the one code unit of a
   * one-unit cue, for a single pass over the text without slicing it.
   */
  substringByStart: Map<number, CompiledCue[]>;
  size: number;
}

// Scripts written without spaces between words: cues there cannot rely on word boundaries.
const UNSPACED = /[\u0E00-\u0EFF\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF]/u;

/** The index key of a two-code-unit start (one-unit starts use the code unit itself, below 65,536). */
export function startKey(first: number, second: number): number {
  return (first + 1) * 65536 + second;
}

/**
 * Index cues of one or more languages for matching.
 *
 * @example
 * const lex = compileLexicon(parseLexicon(tsv, "cs"));
 * lex.prefix.get("zklam"); // cues written `zklam*`
 */
export function compileLexicon(cues: Cue[]): CompiledLexicon {
  const lex: CompiledLexicon = {
    langs: [],
    exact: new Map(),
    prefix: new Map(),
    prefixLengths: [],
    substring: [],
    substringByStart: new Map(),
    size: 0,
  };
  const seen = new Set<string>();
  for (const cue of cues) {
    if (!lex.langs.includes(cue.lang)) lex.langs.push(cue.lang);
    const id = `${cue.kind}\u0000${cue.label}\u0000${cue.polarity}\u0000${cue.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    lex.size++;
    if (UNSPACED.test(cue.text)) {
      lex.substring.push({ cue, words: [], substring: matchKey(cue.text.replace(/\s+/g, "").replace(/\*$/, "")) });
      continue;
    }
    const words = cue.text
      .split(/\s+/)
      .filter((w) => w !== "")
      .map((w) => {
        const prefix = w.length > 1 && w.endsWith("*");
        return { key: matchKey(prefix ? w.slice(0, -1) : w), prefix };
      });
    const first = words[0];
    if (first === undefined || first.key === "") continue;
    const compiled: CompiledCue = { cue, words, substring: null };
    const index = first.prefix ? lex.prefix : lex.exact;
    const list = index.get(first.key);
    if (list) list.push(compiled);
    else index.set(first.key, [compiled]);
  }
  lex.prefixLengths = [...new Set([...lex.prefix.keys()].map((k) => k.length))].sort((a, b) => b - a);
  for (const c of lex.substring) {
    const needle = c.substring!;
    if (needle === "") continue;
    const start = needle.length >= 2 ? startKey(needle.charCodeAt(0), needle.charCodeAt(1)) : needle.charCodeAt(0);
    const list = lex.substringByStart.get(start);
    if (list) list.push(c);
    else lex.substringByStart.set(start, [c]);
  }
  return lex;
}
