/**
 * The per-language cue lists the empathy check looks for in a reply, kept as data in
 * `cues/<lang>.json`, and their compiled form. One list per kind of phrase, so a language team can
 * extend a list without touching code.
 *
 * @example
 * const cues = compileCueSet(enCues as CueSetData);
 * findCues(cues.apology, prepare("So sorry about that", cues.fold)).length; // 1
 */
import type { CauseLabel, EmotionLabel } from "../../core/labels.js";
import { CAUSES, EMOTIONS } from "../../core/labels.js";
import { PROBLEMS, type ProblemKey } from "./problems.js";
import type { QuestionKey } from "./message-evidence.js";
import { compileCues, compileGroups, type BoundaryMode, type CompiledCues, type CompiledGroups } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";

/** Lists of phrases, by kind. See cues/README.md for what belongs in each. */
export interface CueSetData {
  language: string;
  mode: BoundaryMode;
  fold?: boolean;
  apology: string[];
  generic_apology: string[];
  empathy: Partial<Record<EmotionLabel | "general", string[]>>;
  validation: string[];
  ownership: string[];
  deflection: string[];
  blame: string[];
  sarcasm: string[];
  jargon: string[];
  next_step: string[];
  time: string[];
  time_vague: string[];
  private_channel: string[];
  thanks: string[];
  cause_topics: Partial<Record<CauseLabel, string[]>>;
  /** Words that name a specific problem (problems.ts), for drafts; optional per language. */
  problems?: Partial<Record<ProblemKey, string[]>>;
  /** What a question asks about (message-evidence.ts), for drafts; optional per language. */
  questions?: Partial<Record<QuestionKey, string[]>>;
  /** Words of a customer's message the drafter weighs beside the Reading (message-evidence.ts). */
  message?: Partial<Record<MessageCueKind, string[]>>;
  stopwords: string[];
}

/**
 * Kinds of message words: question words, praise, plain negative words, sarcasm, contrast ("but"),
 * feelings, asking to cancel, a delivery said to be fine ("delivery was fine but ...").
 */
export const MESSAGE_CUE_KINDS = [
  "question",
  "praise",
  "negative",
  "sarcasm",
  "contrast",
  "feeling",
  "cancel_request",
  "delivery_ok",
] as const;
export type MessageCueKind = (typeof MESSAGE_CUE_KINDS)[number];

export const LIST_KINDS = [
  "apology",
  "generic_apology",
  "validation",
  "ownership",
  "deflection",
  "blame",
  "sarcasm",
  "jargon",
  "next_step",
  "time",
  "time_vague",
  "private_channel",
  "thanks",
] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface CueSet extends Record<ListKind, CompiledCues> {
  language: string;
  mode: BoundaryMode;
  fold: boolean;
  empathy: Map<EmotionLabel | "general", CompiledCues>;
  /** Every feeling list in one pattern, for a single scan of a reply. */
  empathyAll: CompiledGroups<EmotionLabel | "general">;
  causeTopics: Map<CauseLabel, CompiledCues>;
  /** Every cause's topic list in one pattern, for a single scan. */
  topicsAll: CompiledGroups<CauseLabel>;
  /** Every problem's list in one pattern; absent for a language without problem cues. */
  problemsAll?: CompiledGroups<ProblemKey>;
  /** Each problem's list on its own, so overlapping cues of two problems are both found. */
  problems?: Map<ProblemKey, CompiledCues>;
  questionsAll?: CompiledGroups<QuestionKey>;
  /** Every message-word list in one pattern. */
  messageAll?: CompiledGroups<MessageCueKind>;
  stopwords: ReadonlySet<string>;
}

/** Compile every list of a language once; callers cache the result. */
export function compileCueSet(data: CueSetData): CueSet {
  const fold = data.fold === true;
  const lists = {} as Record<ListKind, CompiledCues>;
  for (const kind of LIST_KINDS) lists[kind] = compileCues(data[kind] ?? [], data.mode, fold);
  const empathy = new Map<EmotionLabel | "general", CompiledCues>();
  for (const label of [...EMOTIONS, "general" as const]) {
    const list = data.empathy[label];
    if (list && list.length > 0) empathy.set(label, compileCues(list, data.mode, fold));
  }
  const causeTopics = new Map<CauseLabel, CompiledCues>();
  for (const label of CAUSES) {
    const list = data.cause_topics[label];
    if (list && list.length > 0) causeTopics.set(label, compileCues(list, data.mode, fold));
  }
  const feelingLists = [...EMOTIONS, "general" as const].map((l) => [l, data.empathy[l] ?? []] as const).filter(([, xs]) => xs.length > 0);
  const topicLists = CAUSES.map((l) => [l, data.cause_topics[l] ?? []] as const).filter(([, xs]) => xs.length > 0);
  return {
    ...lists,
    language: data.language,
    mode: data.mode,
    fold,
    empathy,
    empathyAll: compileGroups(feelingLists, data.mode, fold),
    causeTopics,
    topicsAll: compileGroups(topicLists, data.mode, fold),
    // In PROBLEMS order, so where two problems' cues start at one word ("voucher for the trouble",
    // "voucher") the more specific problem's cue is the one matched.
    ...(data.problems
      ? {
          problemsAll: compileGroups(problemLists(data.problems), data.mode, fold),
          problems: new Map(problemLists(data.problems).map(([k, xs]) => [k, compileCues(xs, data.mode, fold)])),
        }
      : {}),
    ...(data.questions
      ? { questionsAll: compileGroups(Object.entries(data.questions) as [QuestionKey, string[]][], data.mode, fold) }
      : {}),
    ...(data.message ? { messageAll: compileGroups(Object.entries(data.message) as [MessageCueKind, string[]][], data.mode, fold) } : {}),
    stopwords: new Set(data.stopwords.map((w) => prepare(w, fold).key)),
  };
}

function problemLists(problems: Partial<Record<ProblemKey, string[]>>): [ProblemKey, string[]][] {
  return PROBLEMS.flatMap((k) => (problems[k] ? [[k, problems[k]] as [ProblemKey, string[]]] : []));
}
