/**
 * Reply drafts in the customer's language, composed from the Reading and the case facts: greet,
 * acknowledge the specific feeling, name the cause (in the customer's words where the Reading has
 * them), own the fix, offer what fits the need, say the next step and when, close. Praise gets
 * thanks, a question gets an answer plan, a public post gets a short reply that moves to a private
 * channel. All wording is data (`templates/<lang>.json`); this file only chooses and fills.
 *
 * @example
 * const drafts = draftReplies(reader.analyze(message), { customerName: "Dana", agentName: "Sam" }, { message });
 * drafts[0].text; // "Hi Dana,\n\nI can see how frustrating this has been for you. ..."
 */
import type { CauseLabel, EmotionLabel } from "../../core/labels.js";
import type { Reading, Span } from "../../core/reading.js";
import { AttuneError } from "../../core/errors.js";
import { fillSlots, LEFTOVER_SLOT } from "./fill-slots.js";
import { topicsIn } from "./cause-topics.js";
import { cueSetFor, dataKey, templatesFor } from "./respond-data.js";
import { classify, type SituationReading } from "./situation.js";
import type { TemplateSet } from "./template-set.js";
import type { Draft, DraftOptions, FollowUp, Offer, ReplyFacts } from "./types.js";

const PUBLIC_CHANNELS = new Set(["social", "review", "forum"]);
const NO_SPACE_LANGUAGES = new Set(["th"]);
const MAX_QUOTE = 60;

/** Compose `options.count` (default 3) distinct drafts for the customer's message. */
export function draftReplies(reading: Reading, facts: ReplyFacts = {}, options: DraftOptions = {}): Draft[] {
  const count = Math.max(1, Math.min(options.count ?? 3, 10));
  const { language, key } = pickLanguage(reading, options.fallbackLanguage ?? "en");
  const t = templatesFor(key);
  if (!t) throw new AttuneError("input.invalid_value", { field: "fallbackLanguage", value: language });
  const sit = classify(reading);
  const isPublic = facts.public ?? (facts.channel !== undefined && PUBLIC_CHANNELS.has(facts.channel));
  const offer = facts.offer ?? inferOffer(reading, sit);
  const followUp = facts.followUp ?? inferFollowUp(reading);
  const topics = options.message ? topicsOf(options.message, key) : new Map<CauseLabel, Span[]>();
  const cause = pickCause(sit, topics);
  const emotion = pickEmotion(sit);
  const quote = quoteOf(reading, sit, language) ?? (cause ? wordsOf(topics.get(cause), language) : undefined);
  const slots = baseSlots(t, facts, followUp, cause, quote);
  // Praise without a named cause is about the experience as a whole, not "your request".
  if (sit.situation === "praise" && !cause) slots.topic = t.topic.overall_experience;
  slots.question = sit.situation === "question" && options.message ? questionOf(options.message, reading) : "";
  // A statement with no question and no named cause: its first sentence is what the reply is about.
  if (sit.situation === "question" && !slots.question && !slots.quote && options.message) {
    slots.quote = firstSentenceOf(options.message, reading);
  }

  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (let v = 0; drafts.length < count && v < count * 4; v++) {
    const text = compose(t, sit, reading, { emotion, cause, offer, isPublic, slots, v });
    if (LEFTOVER_SLOT.test(text)) throw new AttuneError("internal", { reason: "unfilled slot in draft", language });
    if (seen.has(text)) continue;
    seen.add(text);
    drafts.push({
      text,
      language,
      ...(t.script ? { script: t.script } : {}),
      situation: sit.situation,
      ...(emotion && emotion !== "negative" ? { emotion } : {}),
      ...(cause ? { cause } : {}),
      ...(sit.situation === "praise" ? {} : { offer }),
      public: isPublic,
      variant: drafts.length,
    });
  }
  return drafts;
}

interface Plan {
  emotion: EmotionLabel | "negative" | undefined;
  cause: CauseLabel | undefined;
  offer: Offer;
  isPublic: boolean;
  slots: Record<string, string>;
  v: number;
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
  // Thai separates sentences with a space too, so one separator serves every language.
  const sep = " ";
  const intense = reading.intensity >= 0.6 || reading.complaint.severity >= 3;
  const body: string[] = [];

  if (sit.situation === "praise") {
    body.push(pick(t.praise.thanks, 1));
    body.push(pick(t.praise.share, 3));
    return join(greeting, body, sep, pick(t.praise.close, 4), sign, p.isPublic);
  }
  if (sit.situation === "question") {
    body.push(pick(t.question.thanks, 1));
    // Repeat the question, or failing that the thing it is about, so the answer plan is specific.
    if (slots.question) body.push(pick(t.question.quote, 2));
    else if (slots.quote) body.push(fillSlots(t.quote[1 % t.quote.length] as string, slots));
    if (p.emotion === "confusion") body.push(pick(t.feeling.confusion, 2));
    body.push(pick(t.question.help, 3));
    if (p.offer !== "information") body.push(pick(t.offer[p.offer], 4));
    return join(greeting, body, sep, pick(t.close, 5), sign, p.isPublic);
  }

  const feeling = p.emotion ? pick(t.feeling[p.emotion], 1) : pick(t.feeling.negative, 1);
  body.push(feeling);
  const apologise = sit.fault === "yes" || (sit.fault === "unclear" && sit.situation === "complaint");
  const causeLine = apologise ? pick(intense ? t.apology_strong : t.apology, 3) : pick(t.acknowledge_cause, 3);
  if (p.isPublic) {
    body.push(causeLine);
    body.push(pick(t.public.move, 4));
    return join(greeting, body, sep, "", sign, true);
  }
  body.push(pick(t.validate, 2));
  body.push(causeLine);
  if (sit.situation === "worry") body.push(pick(t.worry.reassure, 4));
  if (slots.quote) body.push(pick(t.quote, 5));
  body.push(pick(t.own, 6));
  body.push(pick(t.offer[p.offer], 7));
  body.push(pick(t.next, 8));
  return join(greeting, body, sep, pick(t.close, 9), sign, false);
}

function join(greeting: string, body: string[], sep: string, close: string, sign: string, short: boolean): string {
  const text = body.filter((s) => s.length > 0).join(sep);
  if (short) return `${greeting}\n${text}\n${sign}`;
  return `${greeting}\n\n${text}\n\n${close ? `${close}\n` : ""}${sign}`;
}

function baseSlots(
  t: TemplateSet,
  facts: ReplyFacts,
  followUp: FollowUp,
  cause: CauseLabel | undefined,
  quote: string | undefined,
): Record<string, string> {
  const gendered = t.gendered ? t.gendered[facts.agentGender ?? "female"] : {};
  const slots: Record<string, string> = {
    ...gendered,
    name: clean(facts.customerName),
    agent: clean(facts.agentName),
    company: clean(facts.company) || t.company,
    company_given: clean(facts.company),
    order: clean(facts.orderId),
    when: t.when[followUp],
    when_cap: capitalise(t.when[followUp]),
    quote: quote ?? "",
  };
  // Gendered values may themselves hold slots only as plain text; fill nested ones once.
  slots.order_ref = slots.order ? fillSlots(t.order_ref, slots) : "";
  slots.cause = cause ? t.cause[cause] : t.cause_default;
  slots.cause_ind = (cause ? t.cause_ind?.[cause] : t.cause_ind_default) ?? slots.cause;
  slots.topic = cause ? t.topic[cause] : t.topic_default;
  return slots;
}

function capitalise(s: string): string {
  return s.length > 0 ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s;
}

function clean(s: string | undefined): string {
  return (s ?? "").replace(/[{}\n\r\t]/g, " ").replace(/\s+/g, " ").trim().slice(0, 80);
}

/**
 * The language to write in and its template key: the customer's language in the customer's
 * script where there are templates for it (romanised Telugu gets romanised Telugu), else another
 * language of a mixed message, else the fallback.
 */
function pickLanguage(reading: Reading, fallback: string): { language: string; key: string } {
  const candidates = [reading.language.code, ...(reading.language.mixed ?? [])];
  for (const c of candidates) {
    const key = dataKey(c, reading.language.script);
    if (templatesFor(key)) return { language: c, key };
  }
  return { language: fallback, key: fallback };
}

/**
 * The cause to name: the Reading's strongest, unless the message's own words name another one
 * and not this one (the reply should speak about what the customer wrote about).
 */
function pickCause(sit: SituationReading, topics: Map<CauseLabel, Span[]>): CauseLabel | undefined {
  const fromReading = sit.situation === "praise" ? sit.positiveCauses : sit.negativeCauses;
  if (topics.size === 0) return fromReading[0];
  const named = fromReading.find((c) => topics.has(c));
  if (named) return named;
  // overall_experience is the Reading's fallback label; a named topic is more specific.
  if (fromReading[0] && fromReading[0] !== "overall_experience") return fromReading[0];
  return topics.keys().next().value ?? fromReading[0];
}

function topicsOf(message: string, language: string): Map<CauseLabel, Span[]> {
  const cues = cueSetFor(language);
  return cues ? topicsIn(message, cues) : new Map();
}

/** The customer's own word for the cause (the longest topic cue they used), to quote back. */
function wordsOf(spans: Span[] | undefined, language: string): string | undefined {
  if (!spans || spans.length === 0) return undefined;
  const best = [...spans].sort((a, b) => b.text.length - a.text.length)[0] as Span;
  const q = best.text.replace(/[{}"“”„«»]/g, "").replace(/\s+/g, " ").trim();
  const min = NO_SPACE_LANGUAGES.has(language) ? 2 : 3;
  return q.length >= min && q.length <= MAX_QUOTE && !/[@0-9]/.test(q) ? q : undefined;
}

const MAX_QUESTION = 140;

/** The customer's question, to repeat back: the first sentence ending in "?", if short and free of PII. */
// Thai asks with particles, not a question mark: the question runs up to the particle and its
// polite ending.
const THAI_QUESTION = /^[^\n?]{0,140}?(?:ไหม|มั้ย|หรือเปล่า|หรือยัง|อย่างไร|ยังไง|เท่าไร|เท่าไหร่|ที่ไหน|เมื่อไร|เมื่อไหร่)(?:คะ|ครับ|คับ|จ้า|นะคะ|นะครับ)?/u;

function questionOf(message: string, reading: Reading): string {
  const m = /[^.!?\n]*\?/u.exec(message) ?? THAI_QUESTION.exec(message);
  if (!m) return "";
  const start = m.index + (m[0].length - m[0].trimStart().length);
  const end = m.index + m[0].length;
  const q = message.slice(start, end).replace(/[{}"“”„«»]/g, "").replace(/\s+/g, " ").trim();
  if (q.length < 8 || q.length > MAX_QUESTION) return "";
  if (reading.pii.some((p) => p.start < end && start < p.end)) return "";
  return q;
}

function firstSentenceOf(message: string, reading: Reading): string {
  const m = /[^.!?\n]+/u.exec(message);
  if (!m) return "";
  const start = m.index + (m[0].length - m[0].trimStart().length);
  const end = m.index + m[0].length;
  const s = message.slice(start, end).replace(/[{}"“”„«»]/g, "").replace(/\s+/g, " ").trim();
  if (s.length < 12 || s.length > MAX_QUESTION) return "";
  if (reading.pii.some((p) => p.start < end && start < p.end)) return "";
  return s;
}

function pickEmotion(sit: SituationReading): EmotionLabel | "negative" | undefined {
  if (sit.situation === "praise") return undefined;
  const negative = sit.emotions.find((e) => e !== "joy" && e !== "gratitude" && e !== "trust");
  if (negative) return negative;
  return sit.negative ? "negative" : undefined;
}

/**
 * The customer's own words for the cause: the Reading's target ("my parcel", "yung rider"), a
 * short noun phrase. Evidence spans are single cue words ("late", "čekám už") that read badly when
 * quoted back, so they are not used.
 */
function quoteOf(reading: Reading, sit: SituationReading, language: string): string | undefined {
  const polarity = sit.situation === "praise" ? "positive" : "negative";
  // A question has no complaint to quote; what it is about is any cause's target.
  const causes = reading.causes
    .filter((c) => sit.situation === "question" || c.polarity === polarity)
    .sort((a, b) => b.score - a.score);
  const minLength = NO_SPACE_LANGUAGES.has(language) ? 4 : 6;
  for (const c of causes) {
    if (!c.target) continue;
    let q = c.target.replace(/[{}"“”„«»]/g, "").replace(/\s+/g, " ").trim();
    if (q.length < minLength || q.length > MAX_QUOTE) continue;
    if (!NO_SPACE_LANGUAGES.has(language) && !q.includes(" ")) continue;
    if (/[@0-9]/.test(q)) continue;
    // "My parcel" reads better mid-sentence as "my parcel"; acronyms ("SIM card") stay as written.
    if (/^\p{Lu}\p{Ll}/u.test(q)) q = q.charAt(0).toLocaleLowerCase() + q.slice(1);
    return q;
  }
  return undefined;
}

function inferOffer(reading: Reading, sit: SituationReading): Offer {
  if (sit.situation === "question") return "information";
  const needs = [...reading.needs].sort((a, b) => b.score - a.score).map((n) => n.label);
  const cause = sit.negativeCauses[0];
  for (const need of needs) {
    switch (need) {
      case "refund_or_compensation":
        return "refund";
      case "cancellation":
        return "cancellation";
      case "escalation":
        return "escalation";
      case "reassurance":
        return "reassurance";
      case "speed":
        return "expedite";
      case "information":
        return "information";
      case "resolution":
        return cause === "product_quality" ? "replacement" : "resolution";
      default:
        break;
    }
  }
  switch (cause) {
    case "product_quality":
      return "replacement";
    case "delivery_or_wait":
      return "expedite";
    case "price_or_billing":
      return "refund";
    case "staff_treatment":
      return "escalation";
    case "security_and_trust":
      return "reassurance";
    case "communication_gap":
      return "information";
    default:
      return "resolution";
  }
}

function inferFollowUp(reading: Reading): FollowUp {
  if (reading.urgency.score >= 0.7) return "hours2";
  if (reading.urgency.score >= 0.4) return "today";
  return "24h";
}
