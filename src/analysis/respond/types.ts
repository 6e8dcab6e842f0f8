/**
 * Shapes of the respond step: what a caller may tell the drafter about the case (facts), what a draft
 * is, and what the empathy check returns. Plain, serialisable data, like the Reading.
 *
 * @example
 * const facts: ReplyFacts = { customerName: "Somchai", agentName: "Ploy", agentGender: "female", orderId: "A-1042" };
 */
import type { Channel } from "../../core/labels.js";
import type { Span } from "../../core/reading.js";

/** What the company can offer; drives the offer sentence of a draft. */
export const OFFERS = [
  "refund",
  "replacement",
  "information",
  "escalation",
  "reassurance",
  "expedite",
  "cancellation",
  "resolution",
] as const;
export type Offer = (typeof OFFERS)[number];

/** When the customer will hear back; each language has a phrase for every key. */
export const FOLLOW_UPS = ["hours2", "today", "24h", "48h"] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/**
 * What the workspace lets a draft promise on its own. Without a policy a draft promises nothing:
 * it says what the agent does next (passes a refund request on, checks, escalates), never "I will
 * refund you" or "within two hours".
 */
export interface ReplyPolicy {
  /** Offers a draft may make when the customer's need calls for one (a refund for a refund request, ...). */
  offers?: Offer[];
  /** The reply time the workspace commits to; drafts name it in the next step. */
  followUp?: FollowUp;
  /**
   * The workspace's 24-hour line for blocking a card, named in a draft to a customer whose card
   * details reached a fraudster. Without it the draft names the line but no number: never an invented one.
   */
  cardLine?: string;
}

/** Facts about the case that the drafter may use. Every field is optional. */
export interface ReplyFacts {
  customerName?: string;
  /** Decides forms of address that depend on it (Czech pane/paní, Tagalog Sir/Ma'am); guessed from a Czech name when absent. */
  customerGender?: "female" | "male";
  agentName?: string;
  /** Thai politeness particle (ค่ะ / ครับ) and pronoun follow this; default "female". */
  agentGender?: "female" | "male";
  orderId?: string;
  /** What the agent has decided to offer in this case; without it, only the policy's offers are made. */
  offer?: Offer;
  /** When the customer will hear back, as decided for this case; without it, the policy's time or none. */
  followUp?: FollowUp;
  channel?: Channel;
  /** A public post or review: the reply is short and moves the talk to a private channel. */
  public?: boolean;
  /** Name of the company or brand, used in the close when given. */
  company?: string;
}

/** The situation a draft answers; chosen from the Reading, reported with each draft. */
export type Situation = "complaint" | "praise" | "question" | "worry";

export interface Draft {
  text: string;
  /** Language code of the template set used (the customer's language, or the fallback). */
  language: string;
  /** Script the draft is written in: the customer's, where the language has templates for it ("Latn" for romanised Telugu). */
  script?: string;
  situation: Situation;
  /** Primary feeling acknowledged, if any. */
  emotion?: string;
  /** Cause named, if any. */
  cause?: string;
  /** The specific problem named (problems.ts), when the message's words name one. */
  problem?: string;
  /** A mixed message answered in a form that fits both readings: a question with a problem, praise with a past problem. */
  form?: "question" | "praise";
  offer?: Offer;
  public: boolean;
  /** Which variant of the situation this is (0-based), so callers can show alternatives. */
  variant: number;
  /** Set when the draft is not in the customer's language: which language they wrote and why the draft is in another. */
  fallback_language?: { customer: string; reason: string };
}

export interface DraftOptions {
  /** How many distinct variants to return (default 3). */
  count?: number;
  /** Language to write in when the customer's language has no templates (default "en"). */
  fallbackLanguage?: string;
  /**
   * The customer's message the Reading was made from. Optional, but with it the draft names only
   * a cause the message's own words confirm.
   */
  message?: string;
  /** What the workspace lets drafts promise; none when absent. */
  policy?: ReplyPolicy;
}

export const CRITERIA = [
  "acknowledges_feeling",
  "validates_feeling",
  "apology_fits",
  "addresses_cause",
  "owns_fix",
  "next_step",
  "respectful",
  "customer_language",
  "in_proportion",
  "personal",
] as const;
export type CriterionName = (typeof CRITERIA)[number];

export type Verdict = "met" | "partly" | "missed" | "not_applicable";

export interface CriterionResult {
  name: CriterionName;
  verdict: Verdict;
  /** Spans of the reply that support the verdict (what was found, or what went wrong). */
  evidence: Span[];
  /** A concrete suggestion in English for the agent; empty when met or not applicable. */
  suggestion: string;
}

export interface Check {
  /** 0..100 */
  score: number;
  criteria: CriterionResult[];
}

export interface CheckOptions {
  /** The customer's name, when known: a personal reply uses it. */
  customerName?: string;
  orderId?: string;
  /** The reply is posted publicly: short is right, and it should move to a private channel. */
  public?: boolean;
}
