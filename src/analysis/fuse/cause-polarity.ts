import type { CauseLabel } from "../../core/labels.js";
import type { Span } from "../../core/reading.js";
import type { Range } from "./evidence.js";
import type { FuseInput } from "./fuse-input.js";
import { clauseAt, clausePolarity, clauses } from "./clauses.js";

/**
 * The polarity of a cause the model alone names (no cue of its own), from the clauses that hold the
 * words it leaned on. Polarity belongs to the clause that holds the cause, not to the whole message
 * (issue 12): in "Love the support team, always friendly. The network coverage though is shocking"
 * the model's service words sit in both sentences, and the first is already explained by the staff
 * praise ("friendly" is a staff cue), so the coverage clause decides: a problem.
 *
 * Each evidence span votes with its clause's cue polarity, or when that clause has none, with its
 * sentence's (a contrast word can cut "the coverage | though is shocking"). Clauses that hold a cue
 * of another cause are left out: their polarity is that cause's. When no vote is cast, the first
 * evidence clause and then the message's mood decide, as before.
 *
 * @example
 * modelCausePolarity(input, "service_quality", evidence, false); // "-"
 */
export function modelCausePolarity(input: FuseInput, label: CauseLabel, evidence: readonly Span[], negativeMood: boolean): "+" | "-" {
  const claimed = (r: Range): boolean =>
    input.hits.some((h) => h.cue.kind === "cause" && h.cue.label !== label && h.start >= r.start && h.end <= r.end);
  let votes = 0;
  for (const e of evidence) {
    const clause = clauseAt(input.text, e.start);
    if (claimed(clause)) continue;
    const sentence = sentenceAt(input.text, e.start);
    let p = clausePolarity(input, clause);
    if (p === 0) p = sentencePolarity(input, sentence, claimed);
    if (p === 0) p = modelLean(input, clause);
    if (p === 0 && (sentence.start < clause.start || sentence.end > clause.end)) p = modelLean(input, sentence);
    votes += Math.sign(p);
  }
  if (votes !== 0) return votes < 0 ? "-" : "+";
  const local = evidence.length > 0 ? clausePolarity(input, clauseAt(input.text, evidence[0]!.start)) : 0;
  if (local !== 0) return local < 0 ? "-" : "+";
  return negativeMood ? "-" : "+";
}

/**
 * The model's read of one clause alone, when it leans clearly (the cue lexicons miss many plain
 * words of praise and complaint: "shocking", "dreadful", "didn't work at all"): > 0 praise, < 0 a
 * problem, 0 neither.
 */
function modelLean(input: FuseInput, clause: Range): number {
  const p = input.model?.sentimentOf?.(clause);
  if (!p) return 0;
  if (Math.abs(p.negative - p.positive) < LEAN) return 0;
  return p.negative > p.positive ? -1 : 1;
}

/** How sure the model must be of a clause's tone for it to vote. */
const LEAN = 0.3;

/** The sentence (up to sentence punctuation) holding `at`. */
function sentenceAt(text: string, at: number): Range {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

/** The cue polarity of the unclaimed clauses of a sentence. */
function sentencePolarity(input: FuseInput, s: Range, claimed: (r: Range) => boolean): number {
  let sum = 0;
  for (const c of clauses(input.text)) if (c.start < s.end && c.end > s.start && !claimed(c)) sum += clausePolarity(input, c);
  return sum;
}

const SENTENCE_END = /[.!?;\n。]/;
