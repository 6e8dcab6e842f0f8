/**
 * Reply drafts in the customer's language, composed from the Reading: greet the customer in the
 * form their language uses, acknowledge the feeling, name the cause in the company's own words
 * (never fragments cut from the message), say what happens about the need, and when. A draft
 * promises only what the case's facts or the workspace's policy authorise; otherwise it says what
 * the agent does next. Praise gets thanks, a question an answer plan, a public post a short reply
 * that moves to a private channel. All wording is data (`templates/<lang>.json`); this file only
 * chooses and fills.
 *
 * @example
 * const drafts = draftReplies(reader.analyze(message), { customerName: "Dana", agentName: "Sam" }, { message });
 * drafts[0].text; // "Hi Dana,\n\nI can see how frustrating this has been for you. ..."
 */
import type { CauseLabel, EmotionLabel } from "../../core/labels.js";
import type { Reading } from "../../core/reading.js";
import { AttuneError } from "../../core/errors.js";
import { addressName } from "./address.js";
import { fillSlots, LEFTOVER_SLOT } from "./fill-slots.js";
import { topicsIn } from "./cause-topics.js";
import { cueSetFor, dataKey, templatesFor } from "./respond-data.js";
import type { CueSet } from "./cue-set.js";
import { classify, type SituationReading } from "./situation.js";
import { readMessage, settle, type MessageEvidence, type QuestionKey, type Settled } from "./message-evidence.js";
import { mixedForm, type MixedForm } from "./mixed-form.js";
import { ALWAYS_HELD, pickProblem } from "./pick-problem.js";
import { careFor, feltIn, urgentIn, type UrgentKind } from "./care.js";
import { findCues } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
import { problemsIn } from "./problems.js";
import { SERVICE_MONEY_PROBLEMS } from "./service-problems.js";
import type { StepKey, TemplateSet } from "./template-set.js";
import type { Draft, DraftOptions, FollowUp, Offer, ReplyFacts } from "./types.js";

const PUBLIC_CHANNELS = new Set(["social", "review", "forum"]);
/** Problems whose own step already puts the money right: a refund request would ask for it a second time. */
const MONEY_PROBLEMS: ReadonlySet<string> = new Set(["refund_missing", "delivery_fee", "payment_no_order", ...SERVICE_MONEY_PROBLEMS]);

/** Compose `options.count` (default 3) distinct drafts for the customer's message. */
export function draftReplies(reading: Reading, facts: ReplyFacts = {}, options: DraftOptions = {}): Draft[] {
  const count = Math.max(1, Math.min(options.count ?? 3, 10));
  const { language, key, fallback } = pickLanguage(reading, options.fallbackLanguage ?? "en");
  const t = templatesFor(key);
  if (!t) throw new AttuneError("input.invalid_value", { field: "fallbackLanguage", value: language });
  const isPublic = facts.public ?? (facts.channel !== undefined && PUBLIC_CHANNELS.has(facts.channel));
  const topics = messageTopics(options.message, key);
  const problem = pickProblem(options.message, key, reading, topics);
  const { sit, ev, settled } = feltSituation(situationOf(reading, options.message, key, problem !== undefined), options.message, key);
  // "Delivery was fine but ...": the delivery is the one thing the customer is not complaining of.
  const cause =
    problem?.cause ?? (ev?.deliveryOk ? pickCause(withoutDelivery(sit), without(topics, "delivery_or_wait")) : pickCause(sit, topics));
  const step = stepFor(reading, sit, topics, ev);
  // Where the Reading and the words disagree, the plain form: a thank-you for a question would be a guess.
  const mixed =
    settled?.mixed ?? (settled?.uncertain ? undefined : wordsAllow(mixedForm(sit, reading, options.message, problem !== undefined), ev));
  // Promises come from the case (facts) or the workspace (policy), never from the drafter.
  const offer = facts.offer ?? policyOffer(step, options.policy?.offers);
  const followUp = facts.followUp ?? options.policy?.followUp;
  const plan: Plan = {
    emotion: pickEmotion(sit),
    step,
    offer,
    followUp,
    isPublic,
    slots: baseSlots(t, facts, language, isPublic, followUp, cause),
    problemSteps: problem?.steps,
    problemFeelings: problem?.feelings,
    problem: problem?.key,
    chat: facts.channel === "chat",
    mixed: t.mixed ? mixed : undefined,
    fault: sit.fault,
    feeling: feelingLine(sit, reading, ev, settled?.uncertain === true),
    questionHelp: questionHelp(t, ev?.questionTopic, [...(topics ?? []), ...reading.causes.map((c) => c.label)], key),
    topicNamed: cause !== undefined && (topics === undefined || topics.includes(cause)),
    felt: feltLines(options.message, key, sit),
    urgent: sit.situation === "praise" ? undefined : urgentPlan(options.message, key, reading, topics, sit.situation),
    sorry: (s) => saysSorry(key, s),
    v: 0,
  };
  plan.slots.card_line = cardLine(key, options.policy?.cardLine);
  if (problem) plan.slots.cause = plan.slots.cause_ind = problem.clause;
  else if (cause && options.message !== undefined && !waitNamed(options.message, key) && t.cause_unsure?.[cause])
    // "Your delivery didn't go as it should" only where the words speak of a delivery at all.
    plan.slots.cause = plan.slots.cause_ind = topics?.includes(cause) ? t.cause_unsure[cause] : t.cause_default;
  // "Thank you for your kind words about the delivery" only where the words speak of a delivery.
  if (sit.situation === "praise" && (!cause || !plan.topicNamed)) plan.slots.topic = t.topic.overall_experience;

  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (let v = 0; drafts.length < count && v < count * 4; v++) {
    const text = compose(t, sit, reading, { ...plan, v });
    if (LEFTOVER_SLOT.test(text)) throw new AttuneError("internal", { reason: "unfilled slot in draft", language });
    if (seen.has(text)) continue;
    seen.add(text);
    drafts.push({
      text,
      language,
      ...(t.script ? { script: t.script } : {}),
      situation: sit.situation,
      ...(plan.mixed ? { form: plan.mixed } : {}),
      ...(problem ? { problem: problem.key } : {}),
      ...(plan.emotion && plan.emotion !== "negative" ? { emotion: plan.emotion } : {}),
      ...(cause ? { cause } : {}),
      ...(sit.situation !== "praise" && offer ? { offer } : {}),
      public: isPublic,
      variant: drafts.length,
      ...(fallback ? { fallback_language: fallback } : {}),
    });
  }
  return drafts;
}

interface Plan {
  emotion: EmotionLabel | "negative" | undefined;
  step: StepKey;
  offer: Offer | undefined;
  followUp: FollowUp | undefined;
  isPublic: boolean;
  slots: Record<string, string>;
  /** What the agent does about the specific problem, when the message names one. */
  problemSteps: string[] | undefined;
  /** What the named problem is like for the customer: said instead of the general feeling line. */
  problemFeelings: string[] | undefined;
  problem: string | undefined;
  /** A chat reply ends with its last useful sentence: no closing thanks, as a native agent writes it. */
  chat: boolean;
  mixed: MixedForm | undefined;
  fault: SituationReading["fault"];
  /** Which feeling sentence the words support: none, the Reading's emotion, or the general one. */
  feeling: "none" | "specific" | "general";
  /** The answer plan for what the question asks about, when the words name it. */
  questionHelp: string[] | undefined;
  /** The cause is one the message's words name: "thanks for asking about the delivery" is true. */
  topicNamed: boolean;
  /** The lines for a feeling the words name that the emotion's line would miss (care.ts): said first. */
  felt: readonly string[] | undefined;
  /** An urgent case (care.ts): what to do now goes first, then what the agent has done. */
  urgent: UrgentPlan | undefined;
  /** Whether a sentence apologises (the language's apology cues): a draft says sorry once. */
  sorry: (sentence: string) => boolean;
  v: number;
}

interface UrgentPlan {
  kind: UrgentKind;
  first: string[];
  step: string[];
  sorry: string[];
  moneyFeeling: string[];
  /** The fear lines: a hazard's feeling when the words name none of their own. */
  fear: string[];
}

function compose(t: TemplateSet, sit: SituationReading, reading: Reading, p: Plan): string {
  const { v, slots } = p;
  // Each part rotates on its own offset so variants differ in most sentences, not just one.
  const pick = (list: readonly string[] | undefined, offset: number): string => {
    if (!list || list.length === 0) return "";
    return fillSlots(list[(v + offset) % list.length] as string, slots);
  };
  const greeting = pick(slots.name ? t.greeting.named : t.greeting.anonymous, 0);
  const sign = fillSlots(slots.agent ? t.sign.named : slots.company_given ? t.sign.company : t.sign.anonymous, slots);
  const next = p.followUp ? pick(t.next, 8) : pick(t.next_open, 8);
  if (p.urgent && sit.situation !== "praise") return composeUrgent({ t, p, pick }, greeting, sign);

  if (sit.situation === "praise") {
    const body = [pick(t.praise.thanks, 1), pick(t.praise.share, 3)];
    return join(greeting, body, pick(t.praise.close, 4), sign, p.isPublic);
  }
  if (sit.situation === "question") {
    // A question whose subject the words name gets a plan for that subject, after a plain thanks.
    // "Thanks for asking about the delivery" only where the question is about a delivery.
    const plain = p.questionHelp || !p.topicNamed;
    const body = [plain ? pick(t.question.plain ?? t.mixed?.question ?? t.question.thanks, 1) : pick(t.question.thanks, 1)];
    if (p.emotion === "confusion" && p.feeling === "specific") body.push(pick(t.feeling.confusion, 2));
    body.push(pick(p.questionHelp ?? t.question.help, 3));
    if (p.offer && p.offer !== "information") body.push(pick(t.offer[p.offer], 4));
    if (p.followUp) body.push(next);
    // The answer opens with thanks: a closing thanks would say it twice ("thanks for getting in touch").
    return join(greeting, body, "", sign, p.isPublic);
  }

  if (p.mixed && (!p.isPublic || p.mixed === "praise")) return composeMixed(t, p, pick, greeting, sign);
  const apologise = sit.fault === "yes" || (sit.fault === "unclear" && sit.situation === "complaint");
  const intense = reading.intensity >= 0.6 || reading.complaint.severity >= 3;
  const causeLine = apologise ? pick(intense ? t.apology_strong : t.apology, 3) : pick(t.acknowledge_cause, 3);
  // The feeling the words name (shame, fear, tears) first; then the problem's own line, which says
  // what happened to them; the emotion's line could follow any message. One sorry per draft.
  const feelingLines = p.feeling === "none" ? undefined : feelingsFor(t, p);
  const ownFeeling = feelingLines !== undefined && (p.felt !== undefined || (p.problemFeelings?.length ?? 0) > 0);
  const feeling = pick(apologise ? unapologetic(feelingLines, p.sorry) : feelingLines, 1);
  if (p.isPublic) return join(greeting, [feeling, causeLine, pick(t.public.move, 4), p.followUp ? next : ""], "", sign, true);

  // The problem's own step, unless the customer asked for their money back (stepFor checked the
  // words); a refund that is already approved and late is traced, not requested again.
  const steps = p.step === "refund" && !MONEY_PROBLEMS.has(p.problem ?? "") ? undefined : p.problemSteps;
  const action = p.offer ? pick(t.offer[p.offer], 7) : pick(steps ?? t.step?.[p.step] ?? t.offer[fallbackOffer(p.step)], 7);
  const own = slots.order ? pick(t.own, 6) : "";
  // One promise to come back is enough: a step that says it needs no second "I'll be in touch".
  const told = reportsBack(t, action);
  const reassureLine = sit.situation === "worry" ? pick(t.worry.reassure, 4) : "";
  const reassure = told && reportsBack(t, reassureLine) ? "" : reassureLine;
  const after = p.followUp || !(told || reportsBack(t, reassure)) ? next : "";
  // "Anyone would feel the same" is filler for a calm message, and "a fair reaction" answers anger,
  // not fear or tears: kept for a strong angry or frustrated message only.
  const heated = p.emotion === "anger" || p.emotion === "frustration" || p.emotion === "negative";
  const validate = feeling !== "" && !ownFeeling && heated && (intense || p.emotion === "anger") ? pick(t.validate, 2) : "";
  // Three shapes, so the variants differ in order and length, not only in wording.
  const shapes = [
    [feeling, validate, causeLine, reassure, action, own, after],
    [causeLine, feeling, reassure, own, action, after],
    [feeling, causeLine, validate, reassure, own, action, after],
  ];
  return join(greeting, shapes[v % shapes.length] as string[], p.chat ? "" : pick(t.close, 9), sign, false);
}

/** The feeling sentences for the draft: the words' own feeling, the problem's, else the emotion's. */
function feelingsFor(t: TemplateSet, p: Plan): readonly string[] | undefined {
  if (p.felt && p.felt.length > 0) return p.felt;
  if (p.problemFeelings && p.problemFeelings.length > 0) return p.problemFeelings;
  return t.feeling[p.feeling === "specific" ? (p.emotion ?? "negative") : "negative"];
}

/** The sentences of `lines` that do not apologise; none when every one does (the apology says sorry). */
function unapologetic(lines: readonly string[] | undefined, sorry: (s: string) => boolean): readonly string[] | undefined {
  return lines?.filter((l) => !sorry(l));
}

/**
 * An urgent case: what to do now first (stop using it, block the card; or what the agent has
 * already set going: a recall), the feeling the words name, one apology where the fault is ours
 * (a hazard), what the agent has done, and when they will hear back. No closing thanks: the
 * customer needs the steps, not a courtesy.
 */
function composeUrgent(
  frame: { t: TemplateSet; p: Plan; pick: (l: readonly string[] | undefined, o: number) => string },
  greeting: string,
  sign: string,
): string {
  const { t, p, pick } = frame;
  const u = p.urgent as UrgentPlan;
  const hazard = u.kind.startsWith("hazard");
  // A hazard to a person is frightening whether or not the words say so: its fear is named after the
  // safety step (a native agent never answers a reaction or a smoking heater with steps alone).
  // Money at risk gets its worry named.
  const feelingLines = p.felt ?? (hazard ? u.fear : u.moneyFeeling);
  const sorry = hazard ? pick(u.sorry, 3) : "";
  const feeling = pick(sorry ? unapologetic(feelingLines, p.sorry) : feelingLines, 1);
  const step = pick(u.step, 2);
  // In public the feeling and the apology stay (readers see the company own it); details go private.
  if (p.isPublic) return join(greeting, [pick(u.first, 1), feeling, sorry, step, pick(t.public.move, 4)], "", sign, true);
  // A recall's step is itself the promise to come back with the outcome.
  const next = p.followUp ? pick(t.next, 8) : u.kind === "wrong_transfer" || reportsBack(t, step) ? "" : pick(t.next_open, 8);
  return join(greeting, [pick(u.first, 0), feeling, sorry, step, next], "", sign, false);
}

/**
 * The urgent case of the message with its sentences in the draft's language, keeping only the
 * sentences whose topics the message or its Reading hold (a "payments team" for a transfer named
 * with no word of money would bring in a topic the customer did not raise).
 */
function urgentPlan(
  message: string | undefined,
  key: string,
  reading: Reading,
  topics: CauseLabel[] | undefined,
  situation: SituationReading["situation"],
): UrgentPlan | undefined {
  const care = careFor(key);
  const cues = cueSetFor(key);
  if (message === undefined || !care || !cues) return undefined;
  const kind = urgentIn(message, key, reading);
  // The safety signal alone on a calm question ("is the burger gluten free?") is the Reading's
  // guess; words that name a hazard, a transfer or a card given away are urgent in any situation.
  if (!kind || (kind === "hazard" && situation === "question")) return undefined;
  const raised = new Set<CauseLabel>([...(topics ?? []), ...reading.causes.map((c) => c.label)]);
  const held = new Set<CauseLabel>([...ALWAYS_HELD, ...raised]);
  // Blocking a card in the app is the instruction itself, not a topic the customer did not raise.
  if (kind === "card_fraud") held.add("usability");
  const fits = (s: string) => [...topicsIn(s, cues).keys()].every((c) => held.has(c));
  const first = namingFirst(care.urgent[kind].first.filter(fits), cues, raised);
  const step = namingFirst(care.urgent[kind].step.filter(fits), cues, raised);
  if (first.length === 0 || step.length === 0) return undefined;
  return { kind, first, step, sorry: care.hazard_sorry, moneyFeeling: care.money_feeling, fear: care.felt.fear.lines };
}

/**
 * "I was terrified", "I'm in tears" with no question mark is not a question, whatever the Reading
 * missed: fear makes it a worry, shame or tears a complaint.
 */
function feltSituation(settled: ReturnType<typeof situationOf>, message: string | undefined, key: string): ReturnType<typeof situationOf> {
  const { sit, ev } = settled;
  if (message === undefined || sit.situation !== "question" || ev?.asks) return settled;
  const felt = feltIn(message, key);
  if (!felt) return settled;
  const situation = felt === "fear" ? "worry" : "complaint";
  return {
    ...settled,
    sit: { ...sit, situation, fault: "unclear" },
    ...(settled.settled ? { settled: { ...settled.settled, situation, uncertain: false } } : {}),
  };
}

/**
 * The sentences that name a topic the customer raised ("our product safety team" for a rash from a
 * lotion), when any fit; else all of them. A hazard reported to "the team that handles it" says
 * less than one reported to the team for what failed.
 */
function namingFirst(lines: string[], cues: CueSet, raised: ReadonlySet<CauseLabel>): string[] {
  const naming = lines.filter((s) => [...topicsIn(s, cues).keys()].some((c) => raised.has(c)));
  return naming.length > 0 ? naming : lines;
}

/** The sentences for the feeling the message's words name (shame, fear, tears), if any. */
function feltLines(message: string | undefined, key: string, sit: SituationReading): readonly string[] | undefined {
  if (message === undefined || sit.situation === "praise") return undefined;
  const felt = feltIn(message, key);
  return felt ? careFor(key)?.felt[felt].lines : undefined;
}

/** The 24-hour card line, with the workspace's number when its policy gives one; never an invented number. */
function cardLine(key: string, number: string | undefined): string {
  const care = careFor(key);
  if (!care) return "";
  const n = clean(number);
  return n ? fillSlots(care.card_line.named, { number: n }) : care.card_line.unnamed;
}

/** Whether `sentence` apologises, by the language's apology cues. */
function saysSorry(key: string, sentence: string): boolean {
  const cues = cueSetFor(key);
  return cues !== undefined && findCues(cues.apology, prepare(sentence, cues.fold)).length > 0;
}

/**
 * A question with a problem in it: thank, acknowledge the problem, answer. Praise with a past
 * problem: thank, say sorry for the problem once, pass the thanks on. Neither apologises twice
 * nor thanks for a complaint.
 */
function composeMixed(
  t: TemplateSet,
  p: Plan,
  pick: (l: readonly string[] | undefined, o: number) => string,
  greeting: string,
  sign: string,
): string {
  const m = t.mixed as NonNullable<TemplateSet["mixed"]>;
  const next = p.followUp ? pick(t.next, 8) : pick(t.next_open, 8);
  if (p.mixed === "praise") {
    // The problem is past: a present-tense cause clause ("hasn't reached you") would be false.
    const body = [pick(m.praise, 1), pick(m.sorry, 3), pick(t.praise.share, 4)];
    return join(greeting, body, p.isPublic ? "" : pick(t.praise.close, 5), sign, p.isPublic);
  }
  const answer = p.problemSteps ? pick(p.problemSteps, 7) : pick(t.question.help, 3);
  // A named problem (a wrong item, a crash) is ours to be sorry for, even asked about calmly.
  const ack = p.fault === "yes" || p.problem ? pick(t.apology, 2) : pick(t.acknowledge_cause, 2);
  const body = [pick(m.question, 1), ack, answer, p.followUp || !reportsBack(t, answer) ? next : ""];
  return join(greeting, body, p.chat ? "" : pick(t.close, 5), sign, false);
}

/** Whether a sentence already says the agent will come back to the customer (`reports_back`). */
function reportsBack(t: TemplateSet, sentence: string): boolean {
  const s = sentence.toLocaleLowerCase();
  return s.length > 0 && (t.reports_back ?? []).some((phrase) => s.includes(phrase));
}

function join(greeting: string, body: string[], close: string, sign: string, short: boolean): string {
  // Thai separates sentences with a space too, so one separator serves every language.
  // Slots left empty ("{order_ref}") must not leave a double space behind.
  const text = distinct(body.filter((s) => s.length > 0))
    .join(" ")
    .replace(/ {2,}/g, " ");
  if (short) return `${greeting}\n${text}\n${sign}`;
  return `${greeting}\n\n${text}\n\n${close ? `${close}\n` : ""}${sign}`;
}

/**
 * Drops a sentence that opens like an earlier one: two parts may each say "I'll stay with this
 * until ...", and a reply that says it twice reads as a form letter.
 */
function distinct(sentences: string[]): string[] {
  const seen = new Set<string>();
  return sentences.filter((s) => {
    // Verb-final languages (Telugu) differ at the start and repeat themselves at the end.
    const start = `^${s.toLocaleLowerCase().slice(0, 18)}`;
    const end = `$${s.toLocaleLowerCase().slice(-24)}`;
    if (seen.has(start) || seen.has(end)) return false;
    seen.add(start);
    seen.add(end);
    return true;
  });
}

function baseSlots(
  t: TemplateSet,
  facts: ReplyFacts,
  language: string,
  isPublic: boolean,
  followUp: FollowUp | undefined,
  cause: CauseLabel | undefined,
): Record<string, string> {
  const gendered = t.gendered ? t.gendered[facts.agentGender ?? "female"] : {};
  const when = followUp ? t.when[followUp] : "";
  // A public reply names no order: the details belong in the private channel.
  const order = isPublic ? "" : clean(facts.orderId);
  const slots: Record<string, string> = {
    ...gendered,
    name: addressName(language, facts),
    agent: clean(facts.agentName),
    company: clean(facts.company) || t.company,
    company_given: clean(facts.company),
    order,
    when,
    when_cap: capitalise(when),
  };
  slots.order_ref = order ? fillSlots(t.order_ref, slots) : "";
  slots.cause = cause ? t.cause[cause] : t.cause_default;
  slots.cause_ind = (cause ? t.cause_ind?.[cause] : t.cause_ind_default) ?? slots.cause;
  slots.topic = cause ? t.topic[cause] : t.topic_default;
  return slots;
}

function capitalise(s: string): string {
  return s.length > 0 ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s;
}

function clean(s: string | undefined): string {
  return (s ?? "")
    .replace(/[{}\n\r\t]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80);
}

/**
 * The language to write in and its template key: the customer's language in the customer's
 * script where there are templates for it (romanised Telugu gets romanised Telugu), else another
 * language of a mixed message, else the fallback, said so with the reason.
 */
function pickLanguage(
  reading: Reading,
  fallback: string,
): { language: string; key: string; fallback?: { customer: string; reason: string } } {
  const candidates = [reading.language.code, ...(reading.language.mixed ?? [])];
  for (const c of candidates) {
    const key = dataKey(c, reading.language.script);
    if (templatesFor(key)) return { language: c, key };
  }
  const customer = reading.language.code || "und";
  const reason =
    customer === "und" || customer === ""
      ? `the message's language could not be identified; written in ${fallback}, the fallback language`
      : `no reply templates for ${customer}; written in ${fallback}, the fallback language`;
  return { language: fallback, key: fallback, fallback: { customer, reason } };
}

/** The causes the message's own words name, most named first; undefined without the message. */
function messageTopics(message: string | undefined, key: string): CauseLabel[] | undefined {
  if (message === undefined) return undefined;
  const cues = cueSetFor(key);
  return cues ? [...topicsIn(message, cues).keys()] : [];
}

/**
 * The cause to name: the most named of the message's topics that the Reading also holds; else
 * the one the message's words name most (a washing machine's error is the product, whatever
 * cause the Reading guessed); else the Reading's. A cause neither holds is never named.
 */
function pickCause(sit: SituationReading, topics: CauseLabel[] | undefined): CauseLabel | undefined {
  const fromReading = sit.situation === "praise" ? sit.positiveCauses : sit.negativeCauses;
  if (topics === undefined) return fromReading[0];
  return topics.find((c) => fromReading.includes(c)) ?? topics[0] ?? fromReading[0];
}

function without(topics: CauseLabel[] | undefined, label: CauseLabel): CauseLabel[] | undefined {
  return topics?.filter((c) => c !== label);
}

function withoutDelivery(sit: SituationReading): SituationReading {
  return { ...sit, negativeCauses: sit.negativeCauses.filter((c) => c !== "delivery_or_wait") };
}

function pickEmotion(sit: SituationReading): EmotionLabel | "negative" | undefined {
  if (sit.situation === "praise") return undefined;
  const negative = sit.emotions.find((e) => e !== "joy" && e !== "gratitude" && e !== "trust");
  if (negative) return negative;
  return sit.negative ? "negative" : undefined;
}

const NEED_STEP: Record<string, StepKey> = {
  refund_or_compensation: "refund",
  cancellation: "cancellation",
  escalation: "escalation",
  reassurance: "reassurance",
  speed: "speed",
  information: "information",
};

const CAUSE_STEP: Partial<Record<CauseLabel, StepKey>> = {
  product_quality: "replacement",
  delivery_or_wait: "speed",
  staff_treatment: "escalation",
  security_and_trust: "reassurance",
  communication_gap: "information",
  price_or_billing: "information",
};

/**
 * What the draft does about the customer's strongest need (or, with none, about the cause). Money
 * back is taken up only when the message speaks of money: a missing parcel is not a refund request;
 * a cancellation only when the customer asks for one.
 */
function stepFor(reading: Reading, sit: SituationReading, topics: CauseLabel[] | undefined, ev?: MessageEvidence): StepKey {
  if (sit.situation === "question") return "information";
  const cause = sit.negativeCauses[0];
  for (const need of [...reading.needs].sort((a, b) => b.score - a.score)) {
    const step = NEED_STEP[need.label];
    if (step === "refund" && topics !== undefined && !topics.includes("price_or_billing")) continue;
    // "Cancelled" is as often what we did to them as what they ask for: only a request is one.
    if (step === "cancellation" && ev !== undefined && !ev.cancelRequest) continue;
    if (step) return step;
    if (need.label === "resolution") return cause === "product_quality" ? "replacement" : "resolution";
  }
  return (cause && CAUSE_STEP[cause]) ?? "resolution";
}

const STEP_OFFER: Record<StepKey, Offer> = {
  refund: "refund",
  replacement: "replacement",
  cancellation: "cancellation",
  speed: "expedite",
  reassurance: "reassurance",
  information: "information",
  escalation: "escalation",
  resolution: "resolution",
};

/** The offer the policy allows for this step, if any. */
function policyOffer(step: StepKey, allowed: readonly Offer[] | undefined): Offer | undefined {
  const offer = STEP_OFFER[step];
  return allowed?.includes(offer) ? offer : undefined;
}

/** For template sets without step sentences: the offers that promise nothing but effort. */
function fallbackOffer(step: StepKey): Offer {
  return step === "escalation"
    ? "escalation"
    : step === "information" || step === "speed" || step === "reassurance"
      ? "information"
      : "resolution";
}

/**
 * The situation settled on the Reading and the message's own words (message-evidence.ts); without
 * the message, the Reading's alone. A praise-to-complaint turn carries no fault verdict of its
 * own, so it apologises only for the named problem.
 */
function situationOf(
  reading: Reading,
  message: string | undefined,
  key: string,
  problemNamed: boolean,
): { sit: SituationReading; ev?: MessageEvidence; settled?: Settled } {
  const sit = classify(reading);
  const cues = cueSetFor(key);
  if (message === undefined || !cues?.messageAll) return { sit };
  const ev = readMessage(message, cues);
  const settled = settle(sit, reading, ev, problemNamed);
  if (settled.situation === sit.situation) return { sit, ev, settled };
  const fault: SituationReading["fault"] = settled.situation === "complaint" ? "yes" : "no";
  return { sit: { ...sit, situation: settled.situation, fault }, ev, settled };
}

/**
 * The feeling sentence the words can carry: the Reading's emotion when the words name it or it is
 * strong; else a general one; none where the Reading and the words disagree.
 */
function feelingLine(sit: SituationReading, reading: Reading, ev: MessageEvidence | undefined, uncertain: boolean): Plan["feeling"] {
  if (ev === undefined) return "specific";
  if (uncertain || sit.situation === "praise") return "none";
  const emotion = pickEmotion(sit);
  const score = reading.emotions.find((e) => e.label === emotion)?.score ?? 0;
  // Confusion and surprise are read off "??" and "!" as often as off words: only words count for them.
  const loud = emotion !== "confusion" && emotion !== "surprise" && score >= 0.5;
  if (emotion && emotion !== "negative" && (ev.feelings.has(emotion) || loud)) return "specific";
  if (sit.situation === "worry" && emotion === "worry") return "specific";
  return "general";
}

/** The answer plan for the subject of a question, when the words name one the language can answer. */
function questionHelp(t: TemplateSet, asked: QuestionKey | undefined, topics: CauseLabel[] | undefined, key: string): string[] | undefined {
  if (!asked || !t.question_topic) return undefined;
  const lines = t.question_topic[asked];
  const cues = cueSetFor(key);
  if (!lines || !cues) return undefined;
  // Like a problem sentence, a plan may touch only topics the message holds.
  const held = new Set<CauseLabel>([...(topics ?? []), "staff_treatment", "service_quality", "communication_gap", "overall_experience"]);
  return [...topicsIn(lines.join(" "), cues).keys()].every((c) => held.has(c)) ? lines : undefined;
}

/**
 * Thanks for praise beside a problem needs words of praise after it ("but the team were lovely"):
 * a Reading's gratitude alone is often a sarcastic "thanks a lot".
 */
function wordsAllow(form: MixedForm | undefined, ev: MessageEvidence | undefined): MixedForm | undefined {
  if (form !== "praise" || ev === undefined) return form;
  return ev.praiseAfterProblem && !ev.sarcasm ? form : undefined;
}

/** Whether the message's words name a wait (a late or missing delivery), so "kept waiting" is true. */
function waitNamed(message: string, key: string): boolean {
  const cues = cueSetFor(key);
  if (!cues) return true;
  const found = problemsIn(message, cues);
  return found.includes("late_delivery") || found.includes("missing_parcel") || found.includes("no_answer");
}
