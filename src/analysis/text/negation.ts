/**
 * The negation step: marks which tokens are inside a negation's scope and how much intensifiers
 * and downtoners scale them. It runs before cues are matched, so "not happy", "ไม่พอใจ",
 * "hindi gumagana" and "nefunguje" reach the cue step already marked.
 */
import type { Token } from "./token.js";
import { rulesFor, type CompiledRules, type Entry } from "./negation-rules.js";

/** Punctuation that ends a clause and so a negation scope. */
const CLAUSE_END = /^[.,;:!?…。、،؛।॥ฯ()[\]{}"“”«»\-–—/|]+$/;

/**
 * Set `negated`/`negatedBy` and `intensity` on tokens, in place. Unknown languages fall back to
 * English rules (the most common second language of our customers).
 *
 * A token that carries its own negation (Czech "nefunguje", Telugu "రాలేదు") gets
 * `negatedBy` equal to its own index: a cue that covers that token should not be flipped again.
 *
 * @example
 * const t = segment(normalise("not very good"), "en");
 * applyNegation(t, "en");
 * t[2].negated;   // true
 * t[2].intensity; // 1.5
 */
export function applyNegation(tokens: Token[], lang: string): void {
  const rules = rulesFor(lang) ?? rulesFor("en")!;
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    if (t.kind !== "word") {
      i++;
      continue;
    }
    const hit = matchEntry(tokens, i, rules);
    if (hit) {
      if (hit.kind === "negator") markScope(tokens, i, hit.length, rules, hit.scope);
      else if (hit.kind === "pre") scaleNext(tokens, i + hit.length, hit.factor, rules);
      else if (hit.kind === "post") scalePrevious(tokens, i - 1, hit.factor, rules);
      i += hit.length;
      continue;
    }
    if (rules.negatorSuffixes.some((s) => t.norm.endsWith(s) && t.norm.length > s.length)) {
      markScope(tokens, i, 1, rules, { direction: "forward", window: 3 });
      i++;
      continue;
    }
    if (isSelfNegated(t, rules)) {
      t.negated = true;
      t.negatedBy = i;
    }
    for (const [prefix, factor] of rules.prefixes) {
      if (t.fold.startsWith(prefix) && t.fold.length >= prefix.length + 3) {
        t.intensity = (t.intensity ?? 1) * factor;
        break;
      }
    }
    i++;
  }
}

function isSelfNegated(t: Token, rules: CompiledRules): boolean {
  if (rules.negativeVerbs.has(t.fold)) return true;
  if (!rules.selfNegating || rules.selfExcept.has(t.fold)) return false;
  return rules.selfNegating.test(t.fold);
}

function matchEntry(tokens: Token[], i: number, rules: CompiledRules): Entry | undefined {
  // Build the key token by token while it is still the start of some entry; keep the longest hit.
  let key = "";
  let best: Entry | undefined;
  const max = Math.min(rules.maxLength, tokens.length - i);
  for (let len = 1; len <= max; len++) {
    const t = tokens[i + len - 1]!;
    if (t.kind !== "word" || (len > 1 && rules.joiner === "" && t.start !== tokens[i + len - 2]!.end)) break;
    key = len === 1 ? t.fold : key + rules.joiner + t.fold;
    if (!rules.entryPrefixes.has(key)) break;
    const e = rules.entries[len]?.get(key);
    if (e) best = e;
  }
  return best;
}

function isBoundary(tokens: Token[], j: number, towards: number, rules: CompiledRules): boolean {
  const t = tokens[j]!;
  if (t.kind === "punct" && CLAUSE_END.test(t.norm)) return true;
  if (t.kind === "url" || t.kind === "email") return true;
  if (rules.spaceIsBoundary) {
    const other = tokens[towards];
    if (other) {
      const gap = towards < j ? t.start > other.end : other.start > t.end;
      // a space between two English words in Thai text is just a word space
      if (gap && !(isAsciiWord(t) && isAsciiWord(other))) return true;
    }
  }
  return false;
}

function isAsciiWord(t: Token): boolean {
  return t.kind === "word" && /^[\x21-\x7e]+$/.test(t.norm);
}

function markScope(
  tokens: Token[],
  i: number,
  length: number,
  rules: CompiledRules,
  scope = { direction: rules.direction, window: rules.window },
): void {
  const fwd = scope.direction === "forward" || scope.direction === "both";
  const back = scope.direction === "backward" || scope.direction === "both";
  if (fwd) walk(tokens, i, i + length, +1, scope.window, rules);
  if (back) walk(tokens, i, i - 1, -1, scope.direction === "both" ? 1 : scope.window, rules);
}

function walk(tokens: Token[], negator: number, from: number, step: 1 | -1, window: number, rules: CompiledRules): void {
  let counted = 0;
  let prev = step > 0 ? from - 1 : from + 1;
  for (let j = from; j >= 0 && j < tokens.length && counted < window; j += step) {
    if (isBoundary(tokens, j, prev, rules)) break;
    const t = tokens[j]!;
    // An emoji or emoticon closes the thought it follows ("wala pa rin 😡 ilang beses na").
    if (t.kind === "emoji" || t.kind === "emoticon") break;
    if (t.kind === "punct") {
      prev = j;
      continue;
    }
    const hit = t.kind === "word" ? matchEntry(tokens, j, rules) : undefined;
    if (hit && (hit.kind === "contrast" || hit.kind === "negator")) break;
    if (t.negatedBy === undefined) {
      t.negated = true;
      t.negatedBy = negator;
    }
    if (!rules.skip.has(t.fold) && !(hit && (hit.kind === "pre" || hit.kind === "post"))) counted++;
    prev = j;
  }
}

/** Multiply the next content token (skipping particles and further intensifiers: "చాలా చాలా"). */
function scaleNext(tokens: Token[], from: number, factor: number, rules: CompiledRules): void {
  for (let j = from; j < tokens.length && j < from + 4; j++) {
    if (isBoundary(tokens, j, j - 1, rules)) return;
    const t = tokens[j]!;
    if (t.kind === "punct") continue;
    const hit = t.kind === "word" ? matchEntry(tokens, j, rules) : undefined;
    if (hit?.kind === "contrast") return;
    if (hit?.kind === "pre" || rules.skip.has(t.fold)) continue;
    if (hit?.kind === "negator") continue;
    t.intensity = (t.intensity ?? 1) * factor;
    return;
  }
}

/** Multiply the previous content token (Thai "แย่มาก", Indonesian "mahal banget"). */
function scalePrevious(tokens: Token[], from: number, factor: number, rules: CompiledRules): void {
  for (let j = from; j >= 0 && j > from - 4; j--) {
    const t = tokens[j]!;
    if (t.kind === "punct") return;
    const hit = t.kind === "word" ? matchEntry(tokens, j, rules) : undefined;
    if (hit?.kind === "post" || rules.skip.has(t.fold)) continue;
    if (hit?.kind === "contrast" || hit?.kind === "negator") return;
    t.intensity = (t.intensity ?? 1) * factor;
    return;
  }
}
