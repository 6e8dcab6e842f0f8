/**
 * Hashed features of a tokenised message, the same for every script: character n-grams (1-5, inside
 * word boundaries) of each word's `fold`, word unigrams (negated words in their own namespace),
 * word bigrams, emoji/emoticons, a few punctuation and style flags, and optional lexicon cue hits.
 * Each feature remembers the token(s) it came from, so a prediction can point at words.
 *
 * @example
 * const f = featurize(tokens, 18);
 * f.n; // number of features; f.idx[i] is a bucket in [0, 2^18), f.tok[i] the source token
 */
import type { Token } from "../text/token.js";
import { finish, mix, mixString, NS_BIGRAM, NS_CHAR, NS_FLAG, NS_LEXICON, NS_NEG_WORD, NS_SYMBOL, NS_WORD } from "./hash.js";

/** Bump when the feature definition changes: weights trained on another version do not fit. */
export const FEATURE_VERSION = "f3";

/** A lexicon cue found in the message, offered to the model as one more feature. */
export interface CueHit {
  kind: string;
  label: string;
  /** Index of the first token the cue covers. */
  token: number;
}

export interface Features {
  /** Number of features. */
  n: number;
  /** Bucket of each feature. */
  idx: Uint32Array;
  /** Token each feature came from (-1: message-level). */
  tok: Int32Array;
  /** Second token of a bigram, else -1. */
  tok2: Int32Array;
  /** The value every feature carries: 1/sqrt(n), so long and short messages weigh alike. */
  value: number;
  /** Features [0, tokenFeatures) come from tokens; the message-level ones (style flags, cue hits) follow. */
  tokenFeatures?: number;
}

/** Knobs of the feature definition; stored in the model manifest so inference matches training. */
export interface FeatureOptions {
  /** Shortest and longest character n-gram (boundary markers count as characters). */
  minGram: number;
  maxGram: number;
  /** Word unigrams and bigrams are emitted this many times, so whole words outweigh their n-grams. */
  wordRepeat: number;
  /**
   * Language-conjoined copies (Daume's "frustratingly easy" domain adaptation): 0 none, 1 word
   * unigrams and bigrams also hashed with the language, 2 every feature. Shared copies carry what
   * holds across languages, conjoined copies what is particular to one.
   */
  langConjoin: number;
  /**
   * Lexicon cue features (cue-features.ts): 0 none (cues passed to featurize are ignored, so a model
   * trained without them is not fed untrained buckets), n > 0 each cue feature emitted n times.
   */
  cues: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { minGram: 1, maxGram: 5, wordRepeat: 1, langConjoin: 2, cues: 3 };

/** Options from a spec like ATTUNE_FEATURES's ("minGram=2,maxGram=5,wordRepeat=2", `Config.features`), for tuning runs. */
export function featureOptionsFrom(spec: string | undefined): FeatureOptions {
  const o = { ...DEFAULT_FEATURES };
  for (const part of (spec ?? "").split(",")) {
    const [k, v] = part.split("=");
    if (k && v && k in o) (o as Record<string, number>)[k] = Number(v);
  }
  return o;
}
/** Long tokens (glued Thai runs, junk) add little past this many code units but cost time. */
const MAX_WORD = 32;
const BOW = 0x02;
const EOW = 0x03;

let capIdx = new Uint32Array(1024);
let capTok = new Int32Array(1024);
let capTok2 = new Int32Array(1024);
let count = 0;
/** Salt of the current message's language for conjoined copies (0: none). */
let langSalt = 0;
let conjoinAll = false;

function push(h: number, mask: number, t: number, t2: number): void {
  if (conjoinAll && langSalt !== 0) pushOne(mix(h, langSalt), mask, t, t2);
  pushOne(h, mask, t, t2);
}

function pushWord(h: number, mask: number, t: number, t2: number): void {
  if (!conjoinAll && langSalt !== 0) pushOne(mix(h, langSalt), mask, t, t2);
  push(h, mask, t, t2);
}

function pushOne(h: number, mask: number, t: number, t2: number): void {
  if (count === capIdx.length) {
    const grow = capIdx.length * 2;
    const i2 = new Uint32Array(grow);
    i2.set(capIdx);
    capIdx = i2;
    const t2a = new Int32Array(grow);
    t2a.set(capTok);
    capTok = t2a;
    const t3 = new Int32Array(grow);
    t3.set(capTok2);
    capTok2 = t3;
  }
  capIdx[count] = finish(h) & mask;
  capTok[count] = t;
  capTok2[count] = t2;
  count++;
}

function isContent(t: Token): boolean {
  return t.kind === "word" || t.kind === "number" || t.kind === "hashtag" || t.kind === "emoji" || t.kind === "emoticon";
}

function charGrams(s: string, mask: number, t: number, minGram: number, maxGram: number): void {
  const len = Math.min(s.length, MAX_WORD);
  const total = len + 2;
  for (let i = 0; i < total; i++) {
    let h = NS_CHAR;
    for (let n = 1; n <= maxGram && i + n <= total; n++) {
      const p = i + n - 1;
      const code = p === 0 ? BOW : p === total - 1 ? EOW : s.charCodeAt(p - 1);
      h = mix(h, code);
      // A lone boundary marker says nothing.
      if (n < minGram || (n === 1 && (p === 0 || p === total - 1))) continue;
      push(mix(h, n), mask, t, -1);
    }
  }
}

/**
 * Turn tokens into hashed feature buckets. `bits` sets the table size (2^bits buckets).
 * The returned arrays are fresh copies, safe to keep for evidence.
 */
export function featurize(
  tokens: readonly Token[],
  bits: number,
  cues?: readonly CueHit[],
  opts: FeatureOptions = DEFAULT_FEATURES,
  lang = "",
): Features {
  const mask = begin(bits, opts, lang);
  const { minGram, maxGram, wordRepeat } = opts;
  let prev = -1;
  let caps = false;
  let elongated = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const k = t.kind;
    if (k === "word" || k === "hashtag") {
      const s = wordOf(t);
      if (s.length === 0) continue;
      const wh = mixString(t.negated ? NS_NEG_WORD : NS_WORD, s);
      for (let r = 0; r < wordRepeat; r++) pushWord(wh, mask, i, -1);
      charGrams(s, mask, i, minGram, maxGram);
      if (t.caps) caps = true;
      if (t.elongated) elongated = true;
    } else if (k === "emoji" || k === "emoticon") {
      push(mixString(NS_SYMBOL, t.norm), mask, i, -1);
    } else if (k === "number") {
      push(mixString(NS_FLAG, "#num"), mask, i, -1);
    } else if (k === "punct") {
      const c = t.norm.charCodeAt(0);
      // ! and ? carry tone; other punctuation only ends a bigram run.
      if (c === 0x21 || c === 0x3f) push(mixString(NS_SYMBOL, t.norm.length > 1 ? t.norm.slice(0, 2) : t.norm), mask, i, -1);
      prev = -1;
      continue;
    } else {
      push(mixString(NS_FLAG, k), mask, i, -1);
      prev = -1;
      continue;
    }
    if (isContent(t)) {
      if (prev >= 0) {
        const a = tokens[prev]!;
        let h = mixString(NS_BIGRAM, a.negated ? "~" + a.fold : a.fold);
        h = mix(h, 0x20);
        const bh = mixString(h, t.fold);
        for (let r = 0; r < wordRepeat; r++) pushWord(bh, mask, prev, i);
      }
      prev = i;
    }
  }
  const tokenFeatures = count;
  pushMessageLevel(caps, elongated, cues, mask, opts);
  const n = count;
  return {
    n,
    idx: capIdx.slice(0, n),
    tok: capTok.slice(0, n),
    tok2: capTok2.slice(0, n),
    value: n > 0 ? 1 / Math.sqrt(n) : 0,
    tokenFeatures,
  };
}

/**
 * The message-level features `featurize` gives tokens[lo..hi] after their own: the style flags of
 * those words and the cue hits' features. A clause read alone takes its token features from the
 * whole message's sums (predict.ts) and only these afresh. The arrays are views of the capture
 * buffers, valid until the next call here or to `featurize`.
 */
export function messageFeatures(
  tokens: readonly Token[],
  run: { lo: number; hi: number },
  cues: readonly CueHit[] | undefined,
  { bits, opts, lang }: { bits: number; opts: FeatureOptions; lang: string },
): Features {
  const mask = begin(bits, opts, lang);
  let caps = false;
  let elongated = false;
  for (let i = run.lo; i <= run.hi; i++) {
    const t = tokens[i]!;
    if ((t.kind !== "word" && t.kind !== "hashtag") || wordOf(t).length === 0) continue;
    if (t.caps) caps = true;
    if (t.elongated) elongated = true;
  }
  pushMessageLevel(caps, elongated, cues, mask, opts);
  // Read at once by the caller: views of the capture, valid until the next message's features.
  const n = count;
  return { n, idx: capIdx.subarray(0, n), tok: capTok.subarray(0, n), tok2: capTok2.subarray(0, n), value: n > 0 ? 1 / Math.sqrt(n) : 0 };
}

/** Start a message: the language salt, the conjoin mode and an empty capture; returns the bucket mask. */
function begin(bits: number, opts: FeatureOptions, lang: string): number {
  langSalt = opts.langConjoin > 0 && lang.length > 0 ? 0x10000 + ((lang.charCodeAt(0) << 8) ^ (lang.charCodeAt(1) || 0)) : 0;
  conjoinAll = opts.langConjoin >= 2;
  count = 0;
  return (1 << bits) - 1;
}

/** The text a word or hashtag token is hashed by (a hashtag without its "#"). */
function wordOf(t: Token): string {
  return t.kind === "hashtag" && t.fold.startsWith("#") ? t.fold.slice(1) : t.fold;
}

function pushMessageLevel(
  caps: boolean,
  elongated: boolean,
  cues: readonly CueHit[] | undefined,
  mask: number,
  opts: FeatureOptions,
): void {
  if (caps) push(mixString(NS_FLAG, "caps"), mask, -1, -1);
  if (elongated) push(mixString(NS_FLAG, "elong"), mask, -1, -1);
  if (cues && opts.cues > 0) {
    for (const c of cues) {
      const h = mixString(mix(mixString(NS_LEXICON, c.kind), 0x3a), c.label);
      for (let r = 0; r < opts.cues; r++) push(h, mask, c.token, -1);
    }
  }
}
