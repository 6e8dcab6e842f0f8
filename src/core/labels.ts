/**
 * The closed label sets of the Reading contract (docs/architecture.md). Every other module takes its
 * labels from here, so a typo is a type error rather than a silent miss.
 *
 * @example
 * import { EMOTIONS } from "./labels.js";
 * EMOTIONS.includes("anger"); // true
 */

export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

export const EMOTIONS = [
  "anger",
  "frustration",
  "disappointment",
  "sadness",
  "worry",
  "confusion",
  "surprise",
  "joy",
  "gratitude",
  "trust",
] as const;
export type EmotionLabel = (typeof EMOTIONS)[number];

/** The emotions that make a message warmer; every other emotion makes it colder. */
export const WARM_EMOTIONS: ReadonlySet<EmotionLabel> = new Set<EmotionLabel>(["joy", "gratitude", "trust"]);

export const NEEDS = [
  "resolution",
  "refund_or_compensation",
  "information",
  "speed",
  "acknowledgement",
  "respect",
  "reassurance",
  "escalation",
  "cancellation",
] as const;
export type NeedLabel = (typeof NEEDS)[number];

export const CAUSES = [
  "staff_treatment",
  "product_quality",
  "service_quality",
  "delivery_or_wait",
  "price_or_billing",
  "communication_gap",
  "security_and_trust",
  "policy",
  "usability",
  "advertising",
  "overall_experience",
] as const;
export type CauseLabel = (typeof CAUSES)[number];

/**
 * What an employee's message is about (the `workplace` part of a Reading, employee messages only).
 * A closed set of its own, beside the customer causes: the model's cause head keeps its columns.
 */
export const WORKPLACE_CAUSES = ["workload_staffing", "tools", "pay", "recognition", "policy", "management"] as const;
export type WorkplaceCauseLabel = (typeof WORKPLACE_CAUSES)[number];

/** What an employee asks for (the `workplace` part of a Reading, employee messages only). */
export const WORKPLACE_NEEDS = ["more_staff", "better_tools", "fair_pay", "recognition", "clarity", "support"] as const;
export type WorkplaceNeedLabel = (typeof WORKPLACE_NEEDS)[number];

export const STAGES = ["before_purchase", "purchase", "in_use", "in_interaction", "after_interaction", "leaving"] as const;
export type StageLabel = (typeof STAGES)[number];

export const SIGNALS = ["churn_threat", "public_exposure_threat", "legal_threat", "safety_issue", "repeat_contact", "sarcasm"] as const;
export type SignalLabel = (typeof SIGNALS)[number];

export const CHANNELS = ["email", "chat", "social", "review", "forum", "survey", "call", "internal"] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ["customer", "agent", "employee"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PII_KINDS = ["email", "phone", "card", "national_id", "iban", "url_with_token", "ip_address"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** The five languages attune was founded in; lexicons, training data and templates cover them first. */
export const SEED_LANGUAGES = ["en", "te", "th", "cs", "tl"] as const;
export type SeedLanguage = (typeof SEED_LANGUAGES)[number];
