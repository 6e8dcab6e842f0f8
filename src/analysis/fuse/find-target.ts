import type { Span } from "../../core/reading.js";
import type { FuseInput } from "./fuse-input.js";

// Words that open a noun phrase naming what a complaint is about, in the languages that write
// determiners or possessives as separate words. Thai and Telugu mark this inside words; no target there.
const OPENERS = new Set([
  "my",
  "the",
  "your",
  "our",
  "this",
  "that",
  "his",
  "her",
  "yung",
  "ung",
  "ang",
  "mga",
  "aking",
  "inyong",
  "můj",
  "moje",
  "moji",
  "mého",
  "vaše",
  "váš",
  "vaši",
  "tenhle",
  "ten",
  "ta",
  "to",
]);
const WINDOW = 5;

/**
 * The thing a cause is about, in the customer's own words ("my refund", "yung rider"): the nearest
 * determiner-led phrase around the cause's first evidence, within the same clause.
 *
 * @example
 * findTarget(input, {start: 20, end: 24, text: "rude"}); // "the courier"
 */
export function findTarget(input: FuseInput, near: Span): string | undefined {
  const { tokens, text } = input;
  const at = tokens.findIndex((t) => t.start >= near.start);
  if (at < 0) return undefined;
  for (let d = 1; d <= WINDOW; d++) {
    for (const i of [at - d, at + d - 1]) {
      const tok = tokens[i];
      if (!tok || tok.kind !== "word" || !OPENERS.has(tok.norm)) continue;
      const noun = tokens[i + 1];
      if (!noun || noun.kind !== "word" || OPENERS.has(noun.norm)) continue;
      if (clauseBreakBetween(input, Math.min(i, at), Math.max(i + 1, at))) continue;
      return text.slice(tok.start, noun.end);
    }
  }
  return undefined;
}

function clauseBreakBetween(input: FuseInput, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const t = input.tokens[i];
    if (t && t.kind === "punct" && /[.!?;:]/.test(t.norm)) return true;
  }
  return false;
}
