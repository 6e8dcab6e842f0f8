import type { WorkplaceCauseLabel, WorkplaceNeedLabel } from "../../core/labels.js";
import type { Reading, WorkplaceCauseReading, WorkplaceReading } from "../../core/reading.js";
import type { CueHit } from "../lexicon/match-cues.js";
import { wholeWords } from "./whole-words.js";
import { toSpans, type Range } from "./evidence.js";
import type { FuseInput } from "./fuse-input.js";
import { strength } from "./fuse-input.js";
import { round } from "./fuse-scored-labels.js";
import { isRequest } from "./employee-words.js";
import { noisyOr } from "./noisy-or.js";

/**
 * The workplace part of an employee's Reading: what the message is about (workload and staffing,
 * tools, pay, recognition, policy, management) and what the writer asks for, from the employee cue
 * lists (lexicon/workplace/) only, so no customer label or model output leaks in. A cue written
 * `+`/`-` carries its polarity (negation flips it: "not understaffed"); a topic cue ("salary",
 * "směny", "กะ") takes the message's tone, and in a neutral message counts only beside a request
 * (a plain question about leave is not a problem with the leave policy). An ask names its topic:
 * asking for more staff is a staffing problem even without a complaint word. Customer messages
 * have no workplace part.
 *
 * @example
 * fuseWorkplace(input, { sentiment, complaint: false }); // {causes: [{label: "workload_staffing", polarity: "negative", ...}], needs: [...]}
 */
export function fuseWorkplace(input: FuseInput, mood: Mood): WorkplaceReading | undefined {
  if (input.context.direction !== "employee") return undefined;
  const hits = input.workplace ?? [];
  const needs = fuseNeeds(
    input,
    hits.filter((h) => h.cue.kind === "need" && !h.negated),
  );
  const tone = toneOf(mood, needs.length > 0 || isRequest(input.text));
  const votes = new Map<WorkplaceCauseLabel, { plus: CueHit[]; minus: CueHit[] }>();
  const vote = (label: WorkplaceCauseLabel, sign: "+" | "-", h: CueHit): void => {
    const v = votes.get(label) ?? { plus: [], minus: [] };
    (sign === "+" ? v.plus : v.minus).push(h);
    votes.set(label, v);
  };
  for (const h of hits) {
    if (h.cue.kind !== "cause") continue;
    // A negated problem word is praise only in praise ("not understaffed any more"); in a complaint
    // or an ask it is a purpose ("so tier 1 isn't overloaded") and says nothing.
    const flipped = h.cue.polarity === "+" ? "-" : tone === "+" ? "+" : null;
    const sign = h.cue.polarity === null ? tone : h.negated ? flipped : h.cue.polarity;
    if (sign !== null) vote(h.cue.label as WorkplaceCauseLabel, sign, h);
  }
  for (const n of needs) {
    const label = NEED_TOPIC[n.label];
    if (label) for (const h of hits.filter((x) => x.cue.kind === "need" && x.cue.label === n.label)) vote(label, "-", h);
  }
  const causes: WorkplaceCauseReading[] = [];
  for (const [label, v] of votes) {
    const plus = noisyOr(v.plus.map(strength));
    const minus = noisyOr(v.minus.map(strength));
    const [score, own, polarity] = minus >= plus ? [minus, v.minus, "negative" as const] : [plus, v.plus, "positive" as const];
    if (score < MIN_SCORE) continue;
    const evidence = toSpans(
      input.text,
      own.map((h) => widen(input, h)),
    );
    if (evidence.length > 0) causes.push({ label, polarity, score: round(score), evidence });
  }
  causes.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  return { causes, needs };
}

/** What the rest of the Reading says of the message's tone. */
export interface Mood {
  sentiment: Reading["sentiment"];
  complaint: boolean;
}

/**
 * The polarity a topic word takes: praise only in praise that is no complaint; a problem in a
 * complaint, in negative text, or in an ask; none in a plain neutral message (a question about
 * leave is not a problem with the leave policy).
 */
function toneOf({ sentiment, complaint }: Mood, asks: boolean): "+" | "-" | null {
  if (sentiment.label === "positive" && !complaint) return "+";
  if (complaint || sentiment.label === "negative" || sentiment.score < 0 || asks) return "-";
  return null;
}

/** Each asked-for thing once, strongest first. */
function fuseNeeds(input: FuseInput, hits: CueHit[]): WorkplaceReading["needs"] {
  const byLabel = new Map<WorkplaceNeedLabel, CueHit[]>();
  for (const h of hits) byLabel.set(h.cue.label as WorkplaceNeedLabel, [...(byLabel.get(h.cue.label as WorkplaceNeedLabel) ?? []), h]);
  const out: WorkplaceReading["needs"] = [];
  for (const [label, own] of byLabel) {
    const score = noisyOr(own.map(strength));
    const evidence = toSpans(
      input.text,
      own.map((h) => widen(input, h)),
    );
    if (score >= MIN_SCORE && evidence.length > 0) out.push({ label, score: round(score), evidence });
  }
  return out.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

/** A cue's words, widened to whole words (Thai pieces joined, a negator with what it negates). */
function widen(input: FuseInput, h: CueHit): Range {
  const lang = h.cue.lang;
  const run = wholeWords(input.tokens, { a: h.first, b: h.last }, lang);
  return { start: input.tokens[run.a]!.start, end: input.tokens[run.b]!.end };
}

/** The topic an ask names: more staff is about staffing, better tools about tools, fair pay about pay. */
const NEED_TOPIC: Partial<Record<WorkplaceNeedLabel, WorkplaceCauseLabel>> = {
  more_staff: "workload_staffing",
  better_tools: "tools",
  fair_pay: "pay",
  recognition: "recognition",
};

/** A cause or need needs one clear cue (0.35 and up) or two hints (two 0.2 topic words give 0.36). */
const MIN_SCORE = 0.35;
