import type { CueHit } from "../lexicon/match-cues.js";
import type { Token } from "../text/token.js";
import type { Range } from "./evidence.js";

/**
 * Praise set apart from the facts, the shape of sarcasm: the praise word stands alone in a short
 * opening segment ("Great, the 24-hour repair took three weeks", "Brilliant app. logged me out 4
 * times", "Awesome, ordered a size M got an XL") and the rest of the message tells bare facts with
 * no praise in them. Praise that closes a message ("... thanks so much") is left out: thanks for a
 * fixed problem closes the same way (measured on the hard cases' training portion: closing frames
 * caught 4 more sarcastic messages and made 1 more thank-you a sarcasm, and lowered sentiment
 * accuracy on the team-written examples by 0.3 points). The caller asks the model whether the
 * facts, read alone, are bad news, and vetoes messages that name a fix.
 *
 * @example
 * praiseFrame("Great, the 24-hour repair took three weeks", tokens, praiseHits); // { framed: true, facts: [{start: 7, end: 42}] }
 */
export function praiseFrame(
  text: string,
  tokens: readonly Token[],
  praise: readonly Pick<CueHit, "start" | "end">[],
): { framed: boolean; facts: Range[] } {
  const segs = segments(text);
  const none = { framed: false, facts: [] };
  if (segs.length < 2 || praise.length === 0) return none;
  const holds = (s: Range): boolean => praise.some((p) => p.start >= s.start && p.start < s.end);
  // A contrast word makes a mixed review ("great food but slow delivery"), not mock praise.
  CONTRAST.lastIndex = 0;
  if (CONTRAST.test(text)) return none;
  // Every praise word sits in a short first segment (an interjection, not a described merit) ...
  const short = (s: Range): boolean => wordsIn(tokens, s) <= MAX_FRAME_WORDS;
  const framing = (s: Range): boolean => holds(s) && short(s);
  if (!praise.every((p) => inside(segs[0]!, p) && framing(segs[0]!))) return none;
  // ... and some other segment tells facts (two words or more) with no praise at all.
  const facts = segs.filter((s) => !holds(s) && wordsIn(tokens, s) >= 2);
  if (facts.length === 0) return none;
  return { framed: true, facts };
}

/**
 * Praise after a contrast word ("delayed 3 hrs but the crew were brilliant", "outage చిరాకు
 * పెట్టింది కానీ ... బాగుంది"): the message turns from the problem to praise, the shape of thanks
 * for a settled problem or a mixed review, not of mock praise.
 */
export function praiseAfterContrast(text: string, praise: readonly Pick<CueHit, "start">[]): boolean {
  if (praise.length === 0) return false;
  let at = -1;
  CONTRAST_ALL.lastIndex = 0;
  for (let m = CONTRAST_ALL.exec(text); m; m = CONTRAST_ALL.exec(text)) at = m.index;
  return at >= 0 && praise.some((p) => p.start > at);
}

/** Where the first contrast word ("but", "ale", "pero", "แต่", "కానీ") starts, or -1 when none does. */
export function firstContrast(text: string): number {
  CONTRAST_ALL.lastIndex = 0;
  const m = CONTRAST_ALL.exec(text);
  return m ? m.index : -1;
}

function inside(s: Range, p: Pick<CueHit, "start">): boolean {
  return p.start >= s.start && p.start < s.end;
}

function wordsIn(tokens: readonly Token[], s: Range): number {
  let n = 0;
  for (const t of tokens) if (t.start >= s.start && t.end <= s.end && (t.kind === "word" || t.kind === "number")) n++;
  return n;
}

/**
 * Segments of a message: cut at sentence and clause punctuation, and between Thai phrases (Thai
 * writes a space where other scripts write a comma).
 */
export function segments(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  CUT.lastIndex = 0;
  for (let m = CUT.exec(text); m; m = CUT.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

/** Words in a framing segment at most: "Great", "Brilliant app", "such a great feature", "what a treat". */
const MAX_FRAME_WORDS = 4;
const CONTRAST =
  /(?<![\p{L}\p{M}])(?:but|though|although|however|less so|ale|však|jenže|avšak|pero|kaso|ngunit|subalit|kani|kaani)(?![\p{L}\p{M}])|แต่|కానీ|కాని|అయినా/iu;
const CONTRAST_ALL = new RegExp(CONTRAST.source, "giu");
const CUT = /[.,!?;:\n…。]+\s*|(?<=[\u0E00-\u0E7F])\s+|\s+(?=[\u0E00-\u0E7F])/gu;
