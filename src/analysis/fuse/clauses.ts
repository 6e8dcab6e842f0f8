import { WARM_EMOTIONS, type EmotionLabel, type SignalLabel } from "../../core/labels.js";
import type { Reading, SignalReading } from "../../core/reading.js";
import type { Range } from "./evidence.js";
import { round } from "./fuse-scored-labels.js";
import { strength, type FuseInput } from "./fuse-input.js";
import { namesFix } from "./fix-words.js";
import { neverAProblem } from "./never-problem.js";
import { pastWorry } from "./past-worry.js";

/**
 * Clauses of a message and the polarity each holds. Polarity belongs to the clause that holds the
 * cue, not to the whole message: in "the outage was annoying but the £10 credit was a nice touch"
 * the outage is the problem and the credit the praise. Clauses end at sentence punctuation and
 * before a contrast word ("but", "ale", "pero", "แต่", "కానీ", ...).
 *
 * @example
 * clauses("slow delivery but great food"); // [{start: 0, end: 14}, {start: 14, end: 28}]
 */
export function clauses(text: string): readonly Range[] {
  // Several rules ask for the clauses of the same message; the last answer is kept.
  if (text === last.text) return last.clauses;
  last = { text, clauses: findClauses(text) };
  return last.clauses;
}

let last: { text: string; clauses: readonly Range[] } = { text: "", clauses: [] };

function findClauses(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    // Punctuation ends the clause after itself; a contrast word starts the next one.
    const cut = m[1] !== undefined ? m.index + m[0].length : m.index;
    if (cut > start) out.push({ start, end: cut });
    start = cut;
    if (m[0].length === 0) BREAK.lastIndex++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  // Frozen: the ranges are shared by every caller of the kept answer.
  return out.filter((c) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text.slice(c.start, c.end))).map((c) => Object.freeze(c));
}

const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";
const BREAK = new RegExp(
  `([.!?;\\n。]+)|${W}(?:but|though|although|however|yet|ale|však|jenže|avšak|pero|kaso|ngunit|subalit|kani|kaani)${E}|แต่|కానీ|కాని|అయినా|అయితే`,
  "giu",
);

/** Signed cue polarity of the hits inside `range`: > 0 praise, < 0 a problem, 0 none or balanced. */
export function clausePolarity(input: FuseInput, range: Range): number {
  let sum = 0;
  for (const h of input.hits) if (h.start >= range.start && h.end <= range.end) sum += hitPolarity(h);
  return sum;
}

/** The polarity of every clause in one pass over the hits (clauses sorted, as `clauses` gives them). */
function clausePolarities(input: FuseInput, cs: readonly Range[]): number[] {
  const out = new Array<number>(cs.length).fill(0);
  for (const h of input.hits) {
    let lo = 0;
    let hi = cs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cs[mid]!.start <= h.start) lo = mid;
      else hi = mid - 1;
    }
    const c = cs[lo]!;
    if (h.start >= c.start && h.end <= c.end) out[lo]! += hitPolarity(h);
  }
  return out;
}

function hitPolarity(h: FuseInput["hits"][number]): number {
  let sign = 0;
  const c = h.cue;
  if (c.kind === "sentiment") sign = c.label === "positive" ? 1 : -1;
  else if (c.kind === "cause") sign = c.polarity === "+" ? 1 : -1;
  else if (c.kind === "emotion") sign = WARM_EMOTIONS.has(c.label as EmotionLabel) ? 1 : -1;
  else if (c.kind === "complaint") sign = -1;
  if (h.negated) {
    // "not angry" is not joy, "not good" is a problem: negated feelings and reproaches drop out.
    if (c.kind === "emotion" || c.kind === "complaint") return 0;
    sign = -sign;
  }
  return sign * strength(h);
}

/** The clause holding position `at` (the whole text when none does). */
export function clauseAt(text: string, at: number): Range {
  return clauses(text).find((c) => at >= c.start && at < c.end) ?? { start: 0, end: text.length };
}

/**
 * A problem told as past and settled: the message names a fix ("fixed", "replacement came",
 * "vyřešili", "naayos") next to praise or thanks, or its last clause praises after an earlier one
 * complained ("the outage was annoying but the £10 credit was a nice touch"). The state now is
 * good, so it is no complaint (issue 12: thanks that mention a past problem must not open cases).
 * The caller rules out sarcasm first: mock praise also ends on a praise word.
 */
export function settledProblem(input: FuseInput): boolean {
  const cs = clauses(input.text);
  if (cs.length === 0) return false;
  const pol = clausePolarities(input, cs);
  const last = pol[pol.length - 1]!;
  // "ten years with you, never had a problem": the problem never was, unless a turn follows.
  // Checked first: the negated problem word itself makes its clause read as a problem.
  const never = neverAProblem(input.text)[0];
  if (never && !cs.some((c) => c.start >= never.end && TURN.test(input.text.slice(c.start, c.start + 12)))) return true;
  if (last < 0) return settledInLastClause(input, cs[cs.length - 1]!);
  // A fix named is checked first: the model's read of the closing clause (a second model pass) is
  // only needed beside one.
  const fixed = namesFix(input.text, input.tokens).length > 0;
  if (fixed && (pol.some((p) => p > 0) || readsPraise(input, cs[cs.length - 1]!)) && !turnAfterFix(input, cs)) return true;
  // "missing a main but the manager comped the meal": a fix after the turn settles it, praised or not.
  if (fixAfterTurn(input)) return true;
  // "was worried after the food scare, but the new kitchen is spotless": a past fear, praise now.
  if (worryThenPraise(input, cs, pol)) return true;
  return last > 0 && pol.slice(0, -1).some((p) => p < 0);
}

/**
 * A problem and its fix in one clause (commas and Thai spaces do not cut clauses): "ของมาชำรุด ส่งรูปไป
 * ได้ของใหม่ในสองวัน รักร้านนี้", "minule přišel balík rozbitej, tentokrát perfektní". From the
 * first fix on, the clause must praise (cues or the model) and name no problem.
 */
function settledInLastClause(input: FuseInput, last: Range): boolean {
  const fix = namesFix(input.text, input.tokens).find((f) => f.start >= last.start && f.start < last.end);
  if (!fix) return false;
  const after = { start: fix.start, end: last.end };
  const p = clausePolarity(input, after);
  return p > 0 || (p === 0 && readsPraise(input, after));
}

/**
 * The closing clause, read alone by the model, is praise ("Miluju tenhle e-shop", "malli vastam"):
 * the cue lexicons miss many closing compliments, the model reads them.
 */
function readsPraise(input: FuseInput, last: Range): boolean {
  const p = input.model?.sentimentOf?.(last);
  return p !== undefined && p.positive >= CLOSING_PRAISE && p.positive > p.negative;
}

/** How sure the model must be that a closing clause is praise. */
const CLOSING_PRAISE = 0.6;

/** A fix named after a contrast word ("but", "ale", "pero", "แต่", "కానీ"): the problem was dealt with. */
function fixAfterTurn(input: FuseInput): boolean {
  const turn = clauses(input.text).find((c, i) => i > 0 && TURN.test(input.text.slice(c.start, c.start + 12)));
  if (!turn) return false;
  return namesFix(input.text, input.tokens).some((f) => f.start >= turn.start) && !turnAfterFix(input, clauses(input.text));
}

/**
 * A past worry before a turn, and praise after it with no problem (cues, or the model when the
 * clauses hold no cue): the fear did not come true.
 */
function worryThenPraise(input: FuseInput, cs: readonly Range[], pol: readonly number[]): boolean {
  const worry = pastWorry(input.text)[0];
  if (!worry) return false;
  const turn = cs.findIndex((c, i) => i > 0 && c.start >= worry.end && TURN.test(input.text.slice(c.start, c.start + 12)));
  if (turn < 0) return false;
  const after = pol.slice(turn);
  if (after.some((p) => p < 0)) return false;
  return after.some((p) => p > 0) || readsPraise(input, { start: cs[turn]!.start, end: input.text.length });
}

/** A turn ("but", "ale", ...) after the last fix: a new problem follows the fix ("opravil kolo levně. Ale dvakrát mi zapomněli zavolat"). */
function turnAfterFix(input: FuseInput, cs: readonly Range[]): boolean {
  const fixes = namesFix(input.text, input.tokens);
  if (fixes.length === 0) return false;
  const last = fixes[fixes.length - 1]!.start;
  return cs.some((c) => c.start > last && TURN.test(input.text.slice(c.start, c.start + 12)));
}

const TURN = new RegExp(`^\\s*(?:${W}(?:but|ale|však|pero|kaso|ngunit|kani|kaani)${E}|แต่|కానీ|కాని)`, "iu");

/**
 * The signals of a settled problem: the hazard, the threat to leave and the repeated contacts
 * belong to the problem that is over ("was worried after the food poisoning story but the new
 * kitchen is spotless"), so they do not open a case now. Legal and public threats stay.
 */
export function settledSignals(signals: SignalReading[]): SignalReading[] {
  return signals.filter((s) => !PAST_WITH_PROBLEM.has(s.label));
}

const PAST_WITH_PROBLEM = new Set<SignalLabel>(["safety_issue", "churn_threat", "repeat_contact"]);

/** The tone of a settled problem: positive, as the praise that ends it (score at least 0.3). */
export function praiseNow(sentiment: Reading["sentiment"]): Reading["sentiment"] {
  if (sentiment.label === "positive") return sentiment;
  return { ...sentiment, label: "positive", score: round(Math.max(0.3, Math.abs(sentiment.score))) };
}
