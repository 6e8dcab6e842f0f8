import { beforeAll, describe, expect, it } from "vitest";
import { createLanguageIdentifier, type LanguageIdentifier } from "../src/analysis/language/index.js";
import { applyNegation } from "../src/analysis/text/negation.js";
import { normalise } from "../src/analysis/text/normalise.js";
import { findPii } from "../src/analysis/text/pii.js";
import { segment } from "../src/analysis/text/segment.js";
import { breathe, growth } from "./helpers/growth.js";

const SIZE = 100_000;
/** Each step runs on SIZE and 8 times on SIZE / 8: see growth(). */
const K = 8;

/** A deterministic PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A text of `size` code units: the pattern repeated, with `head` before and `tail` after it. */
const fill =
  (unit: string, head = "", tail = "") =>
  (size: number): string =>
    head + unit.repeat(Math.ceil(size / unit.length)).slice(0, size - head.length - tail.length) + tail;

const randomUtf8 =
  (seed: number) =>
  (size: number): string => {
    const r = rng(seed);
    // invalid sequences shrink when decoded: decode more bytes than needed
    const bytes = new Uint8Array(size * 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
    return new TextDecoder().decode(bytes).slice(0, size);
  };

const randomFrom =
  (alphabet: string[], seed: number) =>
  (size: number): string => {
    const r = rng(seed);
    let out = "";
    while (out.length < size) out += alphabet[Math.floor(r() * alphabet.length)];
    return out.slice(0, size);
  };

const CASES: [string, (size: number) => string][] = [
  ["one letter", fill("a")],
  ["one Thai letter", fill("ก")],
  ["Telugu letter with ZWNJ", fill("క\u200C")],
  ["combining marks", fill("\u0301", "e")],
  ["at signs", fill("@")],
  ["hashes", fill("#")],
  ["dots", fill(".")],
  ["colons and parens", fill(":(")],
  ["emoticon soup", fill(":-)))xD^^T_T;_;<3")],
  ["alternating", fill("ab")],
  ["local part without domain", fill("a.b+c-d_", "", "@")],
  ["email-ish", fill("a@b.")],
  ["mentions glued", fill("@a")],
  ["url prefixes", fill("http://")],
  ["www runs", fill("www.")],
  ["url with query", fill("token=a&", "https://x.io/?")],
  ["digits", fill("1")],
  ["digits with spaces", fill("1 ")],
  ["digits with dashes", fill("12-")],
  ["digits with dots", fill("1.2.")],
  ["phone-ish", fill("+420 777 ")],
  ["ip-ish", fill("255.255.")],
  ["ipv6-ish", fill("ab:")],
  ["iban-ish", fill("CZ65 0800 ")],
  ["upper alnum", fill("AB12")],
  ["nested punctuation", fill("(([[{{<<\"'")],
  ["lone surrogates", fill("\ud800a\udc00")],
  ["emoji run", fill("😡👍🏽👨‍👩‍👧🇹🇭")],
  ["ZWJ run", fill("\u200D")],
  ["spaces", fill(" ")],
  ["newlines and tabs", fill("\n\t")],
  ["elongation", fill("soooo")],
  ["Czech ne-", fill("nefunguje ")],
  ["Thai negators", fill("ไม่ได้")],
  ["Telugu negative", fill("రాలేదు ")],
  ["random bytes as UTF-8", randomUtf8(1)],
  ["random symbols", randomFrom(["@", "#", ".", ":", "(", ")", "-", "1", "a", " ", "/", "?", "=", "&", "+", "_"], 2)],
  ["random scripts", randomFrom(["a", "é", "ก", "క", "్", "\u0301", "😡", "\u200C", "1", " ", "ー", "한"], 3)],
];

let lid: LanguageIdentifier;
beforeAll(async () => {
  lid = await createLanguageIdentifier();
});

/** A text with its normalised form and tokens: what each step reads. */
function prepared(text: string) {
  const n = normalise(text);
  return { text, n, tokens: segment(n, "en") };
}

/**
 * Catastrophic backtracking, or any other super-linear step, shows as growth: each step on a 100 KB
 * text must take under twice as long as 8 runs on a 12.5 KB one (quadratic: 8 times). Growth, not
 * wall time, so a busy machine does not fail it (a wall-time limit flaked there); absolute times
 * are in bench/reading-limits.ts.
 */
describe("adversarial 100 KB inputs: every text step grows linearly", () => {
  it.each(CASES)("%s", async (_name, make) => {
    const { text, tokens } = prepared(make(SIZE));
    expect(text.length).toBeGreaterThanOrEqual(SIZE - 2);
    const steps: [string, (p: ReturnType<typeof prepared>) => unknown][] = [
      ["normalise", (p) => normalise(p.text)],
      ["segment", (p) => segment(p.n, "en")],
      ["segmentTh", (p) => segment(p.n, "th")],
      // applyNegation only sets fields, so running it again on the same tokens does the same work
      ["negationCs", (p) => applyNegation(p.tokens, "cs")],
      ["negationTe", (p) => applyNegation(p.tokens, "te")],
      ["negationTh", (p) => applyNegation(p.tokens, "th")],
      ["pii", (p) => findPii(p.text)],
      ["identify", (p) => lid.identify(p.text)],
    ];
    for (const [step, run] of steps) {
      expect(
        growth((size) => prepared(make(size)), run, SIZE / K, K),
        step,
      ).toBeLessThan(2);
      await breathe();
    }
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(0);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(t.start).toBeLessThanOrEqual(t.end);
    }
  });
});
