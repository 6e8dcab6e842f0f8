/**
 * Per-language negation and intensity rules, read from the data files in ./data and compiled to
 * lookup tables on the `fold` form of tokens, so "nefunguje"/"nefungujeee" and Czech without
 * diacritics match the same entries.
 */
import cs from "./data/cs.json" with { type: "json" };
import en from "./data/en.json" with { type: "json" };
import es from "./data/es.json" with { type: "json" };
import hi from "./data/hi.json" with { type: "json" };
import id from "./data/id.json" with { type: "json" };
import pt from "./data/pt.json" with { type: "json" };
import te from "./data/te.json" with { type: "json" };
import th from "./data/th.json" with { type: "json" };
import tl from "./data/tl.json" with { type: "json" };
import { foldWord } from "./word-forms.js";

/** The shape of a data/<lang>.json file. */
export interface NegationData {
  lang: string;
  /** How tokens of a multi-token entry are joined: " " (default) or "" for Thai. */
  joiner?: string;
  /** Whitespace between tokens ends a clause (Thai writes clauses without punctuation). */
  spaceIsBoundary?: boolean;
  scope: { direction: "forward" | "backward" | "both"; window: number };
  negators: string[];
  /** Token endings that make a token a negator ("n't"). */
  negatorSuffixes?: string[];
  /** A token matching this (on its fold) carries its own negation: "nefunguje", "రాలేదు". */
  selfNegating?: { pattern: string; except: string[] };
  /** Whole words that are negative verb forms (Telugu "చేయను"). */
  negativeVerbs?: string[];
  contrast: string[];
  /** Particles and function words that neither end a scope nor count toward its window. */
  skip: string[];
  intensifiers: Record<string, number>;
  intensifierPrefixes?: Record<string, number>;
  postIntensifiers?: Record<string, number>;
  downtoners: Record<string, number>;
  postDowntoners?: Record<string, number>;
}

export type EntryKind = "negator" | "contrast" | "pre" | "post";

export interface Entry {
  kind: EntryKind;
  /** Number of tokens of the entry. */
  length: number;
  factor: number;
  /** Scope of a negator borrowed from English in code-mixed text ("hindi gumagana, not working"). */
  scope?: { direction: "forward" | "backward" | "both"; window: number };
}

export interface CompiledRules {
  lang: string;
  joiner: string;
  spaceIsBoundary: boolean;
  direction: "forward" | "backward" | "both";
  window: number;
  /** Joined fold form -> entry, per token count (index 1..3). */
  entries: Map<string, Entry>[];
  /** Every prefix of every joined entry: a multi-token match is only extended while this holds. */
  entryPrefixes: Set<string>;
  maxLength: number;
  negatorSuffixes: string[];
  selfNegating: RegExp | null;
  selfExcept: Set<string>;
  negativeVerbs: Set<string>;
  skip: Set<string>;
  prefixes: [string, number][];
}

const DATA: Record<string, NegationData> = {
  cs: cs as NegationData,
  en: en as NegationData,
  es: es as NegationData,
  hi: hi as NegationData,
  id: id as NegationData,
  pt: pt as NegationData,
  te: te as NegationData,
  th: th as NegationData,
  tl: tl as NegationData,
};

const compiled = new Map<string, CompiledRules>();

/**
 * Languages whose customers mix English in freely (Taglish, Telugu-English, Thai-English,
 * Hinglish): English negators and intensifiers work there too, with English scope. Not Czech,
 * where "no" means "well".
 */
const MIXES_WITH_ENGLISH = new Set(["tl", "te", "th", "hi"]);

/** Languages that have negation data. */
export const NEGATION_LANGUAGES = Object.keys(DATA);

/**
 * The compiled rules for a language, or undefined when there is no data for it.
 *
 * @example
 * rulesFor("cs")?.selfNegating?.test("nefunguje"); // true
 */
export function rulesFor(lang: string): CompiledRules | undefined {
  const key = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  const data = DATA[key === "fil" ? "tl" : key];
  if (!data) return undefined;
  let rules = compiled.get(data.lang);
  if (!rules) {
    rules = compile(data);
    if (MIXES_WITH_ENGLISH.has(data.lang)) borrowEnglish(rules, compile(DATA.en!));
    compiled.set(data.lang, rules);
  }
  return rules;
}

function borrowEnglish(rules: CompiledRules, en: CompiledRules): void {
  for (let len = 1; len < en.entries.length; len++) {
    for (const [key, entry] of en.entries[len]!) {
      // Thai joins entry words without spaces; English entries keep theirs and match ASCII tokens
      if (rules.joiner === "" && len > 1) continue;
      const table = rules.entries[len]!;
      if (!table.has(key)) table.set(key, { ...entry, scope: { direction: en.direction, window: en.window } });
    }
  }
  for (const p of en.entryPrefixes) rules.entryPrefixes.add(p);
  rules.maxLength = Math.max(rules.maxLength, en.maxLength);
  for (const s of en.negatorSuffixes) if (!rules.negatorSuffixes.includes(s)) rules.negatorSuffixes.push(s);
  for (const w of en.skip) rules.skip.add(w);
}

function compile(d: NegationData): CompiledRules {
  const joiner = d.joiner ?? " ";
  const entries: Map<string, Entry>[] = [new Map(), new Map(), new Map(), new Map()];
  let maxLength = 1;
  const add = (phrase: string, kind: EntryKind, factor: number): void => {
    const words = phrase.split(" ").filter(Boolean);
    // Thai entries are written without spaces; the segmenter may cut them into 1-3 tokens.
    const lengths = joiner === "" ? [1, 2, 3] : [words.length];
    const key = words.map(foldWord).join(joiner);
    for (const length of lengths) {
      if (length > 3) continue;
      const table = entries[length]!;
      if (!table.has(key)) table.set(key, { kind, length, factor });
      maxLength = Math.max(maxLength, length);
    }
  };
  const prefixSet = new Set<string>();
  const addPrefixes = (phrase: string): void => {
    const key = phrase.split(" ").filter(Boolean).map(foldWord).join(joiner);
    for (let k = 1; k <= key.length; k++) prefixSet.add(key.slice(0, k));
  };
  for (const list of [
    d.negators,
    d.contrast,
    Object.keys(d.intensifiers),
    Object.keys(d.downtoners),
    Object.keys(d.postIntensifiers ?? {}),
    Object.keys(d.postDowntoners ?? {}),
  ]) {
    for (const phrase of list) addPrefixes(phrase);
  }
  for (const n of d.negators) add(n, "negator", 1);
  for (const c of d.contrast) add(c, "contrast", 1);
  for (const [w, f] of Object.entries(d.intensifiers)) add(w, "pre", f);
  for (const [w, f] of Object.entries(d.downtoners)) add(w, "pre", f);
  for (const [w, f] of Object.entries(d.postIntensifiers ?? {})) add(w, "post", f);
  for (const [w, f] of Object.entries(d.postDowntoners ?? {})) add(w, "post", f);
  return {
    lang: d.lang,
    joiner,
    spaceIsBoundary: d.spaceIsBoundary ?? false,
    direction: d.scope.direction,
    window: d.scope.window,
    entries,
    entryPrefixes: prefixSet,
    maxLength,
    negatorSuffixes: (d.negatorSuffixes ?? []).map((s) => s.toLowerCase()),
    selfNegating: d.selfNegating ? new RegExp(d.selfNegating.pattern, "u") : null,
    selfExcept: new Set((d.selfNegating?.except ?? []).map(foldWord)),
    negativeVerbs: new Set((d.negativeVerbs ?? []).map(foldWord)),
    skip: new Set(d.skip.map(foldWord)),
    prefixes: Object.entries(d.intensifierPrefixes ?? {}).map(([p, f]) => [foldWord(p), f]),
  };
}
