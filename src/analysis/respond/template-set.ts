/**
 * The shape of a language's reply templates (`templates/<lang>.json`). Sentences are data with
 * `{slot}` placeholders; the drafter picks one sentence per part and fills the slots. Slots:
 * `{name}` customer, `{agent}`, `{company}`, `{order}`, `{order_ref}` (the language's `orderRef`
 * filled, or empty), `{when}` (a `when` phrase), `{cause}` (a `cause` clause), `{topic}` (a `topic` phrase), plus the `gendered` slots of the language
 * (Thai `{p}` ค่ะ/ครับ, `{pna}` นะคะ/นะครับ, `{me}` ดิฉัน/ผม). Any slot with `_cap` added (`{when_cap}`,
 * `{cause_cap}`, `{topic_cap}`) is that slot with a capital first letter, for sentence starts.
 *
 * @example
 * const t = templatesFor("en")!;
 * t.feeling.frustration[0]; // "I can see how frustrating this has been for you."
 */
import type { CauseLabel, EmotionLabel } from "../../core/labels.js";
import type { ProblemKey } from "./problems.js";
import type { QuestionKey } from "./message-evidence.js";
import type { FollowUp, Offer } from "./types.js";

/** What a draft does about the customer's need when nothing is promised. */
export const STEP_KEYS = [
  "refund",
  "replacement",
  "cancellation",
  "information",
  "escalation",
  "speed",
  "reassurance",
  "resolution",
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface TemplateSet {
  language: string;
  /** The script the sentences are written in, where the language has more than one ("Latn" for romanised Telugu). */
  script?: string;
  /** Slot values that follow the agent's gender setting. */
  gendered?: { female: Record<string, string>; male: Record<string, string> };
  /** Default for `{company}` when the facts give no company name ("our team"). */
  company: string;
  greeting: { named: string[]; anonymous: string[] };
  /** Acknowledgement of the feeling, per emotion; `negative` when the Reading names no emotion. */
  feeling: Record<EmotionLabel | "negative", string[]>;
  validate: string[];
  /** Apology for `{cause}` where the company is at fault. */
  apology: string[];
  /** Stronger apology for intense or accusing messages. */
  apology_strong: string[];
  /** Naming `{cause}` without an apology (the company is not at fault). */
  acknowledge_cause: string[];
  /** A clause naming each cause, fitting into `apology` and `acknowledge_cause`. */
  cause: Record<CauseLabel, string>;
  cause_default: string;
  /**
   * A cause said without asserting what the message does not say: "kept waiting" is false for a
   * delivery whose words name no wait (a wall hit, a sofa at the stairs). Optional per language.
   */
  cause_unsure?: Partial<Record<CauseLabel, string>>;
  /**
   * A specific problem (problems.ts): `cause`, a clause that fits wherever `{cause}` does, and
   * `step`, what the agent does about it without promising an outcome, and `feeling`, what this
   * problem is like for the customer (said instead of the general feeling line, which a native
   * agent reads as a template). Optional per language.
   */
  problem?: Partial<Record<ProblemKey, { cause: string; step: string[]; feeling?: string[] }>>;
  /** What the agent checks for a question about each subject (message-evidence.ts `QUESTIONS`). Optional per language. */
  question_topic?: Partial<Record<QuestionKey, string[]>>;
  /** Opening for a message that is both a question and a problem, or praise with a past problem. */
  mixed?: { question: string[]; praise: string[]; sorry: string[] };
  /** A second form of each cause clause where the grammar needs one (Spanish indicative after "porque"); fills `{cause_ind}`. */
  cause_ind?: Record<CauseLabel, string>;
  cause_ind_default?: string;
  own: string[];
  /** Fills `{order_ref}` when an order id is known. */
  order_ref: string;
  offer: Record<Offer, string[]>;
  /** Next step with `{when}`, when a time is authorised. */
  next: string[];
  /** Next step without a time: nobody has authorised one. */
  next_open: string[];
  /** What the agent does about each need without promising an outcome (pass a refund request on, check, escalate). */
  step?: Partial<Record<StepKey, string[]>>;
  when: Record<FollowUp, string>;
  close: string[];
  /** Signature: the agent's name, the company's team (`{company}` given), or neither. */
  sign: { named: string; anonymous: string; company: string };
  /** A short public reply that moves the talk to a private channel. */
  public: { move: string[] };
  /** A phrase for what the message is about, per cause; fills `{topic}`. */
  topic: Record<CauseLabel, string>;
  topic_default: string;
  praise: { thanks: string[]; share: string[]; close: string[] };
  /** `plain`: a thank-you that names no topic, before an answer plan for the question's subject. */
  question: { thanks: string[]; help: string[]; plain?: string[] };
  worry: { reassure: string[] };
  /**
   * Lower-case phrases that say the agent will come back to the customer ("I'll let you know",
   * "dám Vám vědět"): a step that holds one needs no "I'll be in touch" after it, and a worry's
   * reassurance that holds one is dropped beside it. Optional per language.
   */
  reports_back?: string[];
}
