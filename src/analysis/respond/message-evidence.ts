/**
 * What the customer's own words show, read beside the Reading: is it a question, and about what;
 * does it praise, complain in plain words, mock ("thanks a lot"), turn on a "but", name a feeling?
 * The Reading can have the sign wrong (sarcasm read as praise, praise read as a complaint, a
 * question read as a complaint), and the worst draft there is answers the wrong situation, so the
 * drafter settles the situation on both (`settle`), and where they disagree it writes a draft
 * that asserts no feeling it cannot see in the message (`uncertain`).
 *
 * @example
 * const ev = readMessage("do you ship to Ireland and how long does it take", cueSetFor("en")!);
 * ev.question; ev.questionTopic; // true, "shipping"
 */
import { WARM_EMOTIONS, type EmotionLabel } from "../../core/labels.js";
import type { Reading, Span } from "../../core/reading.js";
import { findGroups } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
import type { CueSet, MessageCueKind } from "./cue-set.js";
import type { MixedForm } from "./mixed-form.js";
import { PROBLEMS, type ProblemKey } from "./problems.js";
import { NEGATIVE_EMOTIONS, type SituationReading } from "./situation.js";
import type { Situation } from "./types.js";
import { isServiceQuestion, SERVICE_QUESTIONS } from "./service-problems.js";

/** What a question can ask about, each with its own answer plan in `templates/<lang>.json` `question_topic`. */
export const QUESTIONS = [
  // Service subjects first: "change my plan" or "open an account" is not an order or a shop account.
  ...SERVICE_QUESTIONS,
  "account_change",
  "cancel_order",
  "variant_change",
  "delivery_days",
  "tracking",
  "installation",
  "accessories",
  "price_drop",
  "sale_event",
  "change_order",
  "order_number",
  "unsubscribe",
  "invoice",
  "warranty",
  "pickup",
  "returns",
  "shipping",
  "opening_hours",
  "payment_options",
  "discount",
  "stock",
] as const;
export type QuestionKey = (typeof QUESTIONS)[number];

export interface MessageEvidence {
  question: boolean;
  /** The message holds a question mark: a question word alone can open a complaint ("why is it ..."). */
  asks: boolean;
  questionTopic?: QuestionKey;
  praise: boolean;
  negative: boolean;
  sarcasm: boolean;
  /** Praise comes after the last named problem, across a "but": "late, but the team was lovely". */
  praiseAfterProblem: boolean;
  /** Negative feelings the words name ("angry", "worried"), by emotion. */
  feelings: Set<EmotionLabel>;
  /** The words show a negative feeling: a feeling word, an eye-roll or angry emoji. */
  feeling: boolean;
  /** The message raises its voice: "!!", "??", a shouted word. */
  shout: boolean;
  /** The customer asks to cancel something ("please cancel"), not that something was cancelled. */
  cancelRequest: boolean;
  /** An eye-roll or upside-down face: whatever the words, not plain praise. */
  mocking: boolean;
  /** The delivery is said to have gone fine ("delivery was fine but ..."): it is not the cause. */
  deliveryOk: boolean;
  problems: ProblemKey[];
}

const QUESTION_MARK = /[?？]/u;
const SHOUTED = /[!?]{2,}|(?<!\p{L})\p{Lu}{4,}(?!\p{L})/u;
const MOCKING_EMOJI = /🙄|😒|🤦|🙃/u;
const SOUR_EMOJI = /🙄|😡|😤|🤬|😠|😒|🤦|😞|😢|😭|👎/u;

/** Read the message's own words with the language's cue lists. */
export function readMessage(message: string, cues: CueSet): MessageEvidence {
  const text = prepare(message, cues.fold);
  const words = cues.messageAll ? findGroups(cues.messageAll, text) : new Map<MessageCueKind, Span[]>();
  const problemSpans = cues.problemsAll ? findGroups(cues.problemsAll, text) : new Map<ProblemKey, Span[]>();
  const topics = cues.questionsAll ? findGroups(cues.questionsAll, text) : new Map<QuestionKey, Span[]>();
  const has = (k: MessageCueKind) => (words.get(k)?.length ?? 0) > 0;
  const lastProblem = Math.max(-1, ...[...problemSpans.values()].flat().map((s) => s.end));
  const contrast = words.get("contrast") ?? [];
  const praiseAfter = (words.get("praise") ?? []).some(
    (p) => p.start > lastProblem && contrast.some((c) => c.start >= lastProblem - 1 && c.start < p.start),
  );
  const feelings = new Set<EmotionLabel>();
  for (const label of findGroups(cues.empathyAll, text).keys()) if (label !== "general" && !WARM_EMOTIONS.has(label)) feelings.add(label);
  // A customer who quotes their order number is not asking where to find it.
  const quotesNumber = /\d{4,}/u.test(message);
  const questionTopic = QUESTIONS.find((q) => topics.has(q) && !(q === "order_number" && quotesNumber));
  return {
    question: QUESTION_MARK.test(message) || has("question"),
    asks: QUESTION_MARK.test(message),
    ...(questionTopic ? { questionTopic } : {}),
    praise: has("praise"),
    negative: has("negative"),
    // Praise words beside an eye-roll are mockery ("brilliant 🙄").
    sarcasm: has("sarcasm") || (has("praise") && MOCKING_EMOJI.test(message)),
    praiseAfterProblem: lastProblem >= 0 && praiseAfter,
    feelings,
    feeling: feelings.size > 0 || has("feeling") || SOUR_EMOJI.test(message),
    shout: SHOUTED.test(message),
    cancelRequest: has("cancel_request"),
    mocking: MOCKING_EMOJI.test(message),
    deliveryOk: has("delivery_ok"),
    problems: PROBLEMS.filter((p) => problemSpans.has(p)),
  };
}

export interface Settled {
  situation: Situation;
  mixed?: MixedForm;
  /** The Reading and the words disagree: write nothing about a feeling the words do not show. */
  uncertain: boolean;
}

/**
 * The situation to answer, from the Reading's (`sit`) and the words' evidence. A named problem
 * outweighs a warm Reading (sarcastic thanks, a wrong item read as praise); praise after a "but"
 * outweighs a complaint Reading; a calm question with no problem and no complaint words is a
 * question; warm words with no problem, no complaint word and no sarcasm are praise.
 */
export function settle(sit: SituationReading, reading: Reading, ev: MessageEvidence, problemNamed: boolean): Settled {
  const warmAfter = ev.praiseAfterProblem && !ev.sarcasm;
  if (sit.situation === "praise") {
    // An eye-roll is not thanks; a question with no word of praise is a question.
    if (!problemNamed && ev.mocking) return { situation: "complaint", uncertain: true };
    if (!problemNamed && ev.question && !ev.praise) return { situation: "question", uncertain: true };
    if (!problemNamed) return { situation: "praise", uncertain: false };
    return warmAfter ? { situation: "complaint", mixed: "praise", uncertain: false } : { situation: "complaint", uncertain: true };
  }
  if (sit.situation === "question") {
    if (problemNamed && !ev.praise) return { situation: "complaint", mixed: "question", uncertain: false };
    return { situation: "question", uncertain: false };
  }
  if (problemNamed)
    return warmAfter ? { situation: sit.situation, mixed: "praise", uncertain: false } : { situation: sit.situation, uncertain: false };
  // The model hears anger in some calm questions ("any roaming options for Thailand?"): anger counts
  // when the message complains, reads negative, or a service subject is not what it asks about.
  const heardAnger =
    sit.emotions[0] === "anger" && (reading.complaint.is || reading.sentiment.label !== "neutral" || !isServiceQuestion(ev.questionTopic));
  // Allergen words raise the safety signal, but asking what a dish contains tells of no harm done.
  const asksAllergens = ev.questionTopic === "ingredients" && ev.question && reading.complaint.severity <= 2 && !ev.feeling && !ev.negative;
  const grievance = reading.signals.some((s) => s.label !== "sarcasm" && !(s.label === "safety_issue" && asksAllergens));
  const angry = heardAnger || grievance || reading.intensity >= 0.6;
  const calm = !ev.negative && !ev.sarcasm && !ev.shout && !angry && reading.complaint.severity <= 2;
  if (calm && (ev.question || ev.questionTopic !== undefined) && !ev.praise) return { situation: "question", uncertain: true };
  // A question about a subject we answer ("can I track it without an account") often holds a plain
  // "no" or "without"; with no feeling, mockery or raised voice it is still a question.
  const plainAsk = !ev.sarcasm && !ev.shout && !ev.feeling && !angry && reading.complaint.severity <= 2;
  if (plainAsk && ev.question && ev.questionTopic !== undefined && !ev.praise) return { situation: "question", uncertain: true };
  // A question about a subject we answer, in words with nothing negative, no feeling, no raised voice
  // and no threat, is a question even where the Reading guesses anger ("Do you deliver on Sundays?").
  // A safety signal on such words is a guess too: a hazard the words name is answered as urgent anyway (care.ts).
  const wordsCalm =
    !ev.negative &&
    !ev.sarcasm &&
    !ev.shout &&
    !ev.feeling &&
    !reading.signals.some((s) => s.label !== "sarcasm" && s.label !== "safety_issue");
  if (wordsCalm && ev.asks && ev.questionTopic !== undefined && !ev.praise && reading.complaint.severity <= 2)
    return { situation: "question", uncertain: true };
  // Praise words alone, with no complaint word, problem, mockery or question, outweigh a complaint
  // score (often high for an exclamation), but not a negative sentiment: irony without a marker.
  const plainPraise = ev.praise && !ev.negative && !ev.sarcasm && !ev.question && !ev.feeling;
  // A complaint the Reading also feels (frustration beside "Amazing that you take my money in 2
  // seconds but need 10 days to give it back") is irony whose facts carry no complaint word.
  const feltComplaint = reading.complaint.is && reading.emotions.some((e) => NEGATIVE_EMOTIONS.has(e.label));
  if (plainPraise && !feltComplaint && reading.sentiment.label !== "negative") return { situation: "praise", uncertain: true };
  return { situation: sit.situation, uncertain: false };
}
