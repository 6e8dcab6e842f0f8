/**
 * Automated checks of one draft against what issue 13 forbids: a quoted fragment, a topic neither
 * the message nor its Reading holds, an offer or a time nobody authorised, a Czech name left in
 * the nominative, a language other than the customer's without `fallback_language`. Each problem
 * is a short string; an empty list is a clean draft.
 *
 * @example
 * auditDraft(draft, { message, reading, facts, draftLanguage: lid.identify(draft.text).code }); // []
 */
import type { CauseLabel } from "../../src/core/labels.js";
import type { Reading } from "../../src/core/reading.js";
import { topicsIn } from "../../src/analysis/respond/cause-topics.js";
import { czechAddress } from "../../src/analysis/respond/czech-vocative.js";
import { cueSetFor, dataKey, templatesFor } from "../../src/analysis/respond/respond-data.js";
import type { Draft, ReplyFacts, ReplyPolicy } from "../../src/analysis/respond/types.js";

export interface AuditInput {
  message: string;
  reading: Reading;
  facts: ReplyFacts;
  policy?: ReplyPolicy;
  /** The language a language identifier reads the draft as. */
  draftLanguage: string;
}

const QUOTED = /["“”„«»‘’]([^"“”„«»\n]{1,200})["“”„«»‘’]/gu;
/**
 * Topics a draft can wrongly bring up: things and matters (a product, an order, money, an app, an
 * account's security, an advert, a rule). "Our team", "our service", "reply" and "your
 * experience" are how every reply speaks (the signature is "The support team") and name nothing
 * the customer did not raise.
 */
const OBJECT_TOPICS: ReadonlySet<CauseLabel> = new Set([
  "product_quality",
  "delivery_or_wait",
  "price_or_billing",
  "security_and_trust",
  "usability",
  "advertising",
  "policy",
]);
/** Offers that commit the company; information, escalation and resolution commit only effort. */
const PROMISES = ["refund", "replacement", "cancellation", "expedite", "reassurance"] as const;

/** The problems of `draft`, each as "kind: detail". */
export function auditDraft(draft: Draft, a: AuditInput): string[] {
  const problems: string[] = [];
  for (const m of draft.text.matchAll(QUOTED)) {
    if (m[1] !== a.facts.orderId) problems.push(`quote: ${m[0]}`);
  }
  const key = dataKey(draft.language, draft.script);
  const cues = cueSetFor(key);
  if (cues) {
    const held = new Set<CauseLabel>([...a.reading.causes.map((c) => c.label), ...topicsIn(a.message, cues).keys()]);
    for (const [topic, spans] of topicsIn(draft.text, cues))
      if (OBJECT_TOPICS.has(topic) && !held.has(topic)) problems.push(`topic: ${topic} (${spans.map((x) => x.text).join(", ")})`);
  }
  problems.push(...unauthorised(draft, a, key));
  if (draft.language === "cs" && a.facts.customerName) problems.push(...nominative(draft.text, a.facts));
  const customer = a.reading.language.code;
  if (a.draftLanguage !== draft.language || (draft.language !== customer && !draft.fallback_language))
    problems.push(`language: draft reads as ${a.draftLanguage}, customer wrote ${customer}, no fallback_language`);
  return problems;
}

function unauthorised(draft: Draft, a: AuditInput, key: string): string[] {
  const t = templatesFor(key);
  if (!t) return [];
  const allowedOffers = new Set<string>([...(a.policy?.offers ?? []), ...(a.facts.offer ? [a.facts.offer] : [])]);
  const out: string[] = [];
  if (draft.offer && !allowedOffers.has(draft.offer)) out.push(`offer: ${draft.offer}`);
  for (const offer of PROMISES) {
    if (allowedOffers.has(offer)) continue;
    for (const s of t.offer[offer]) if (draft.text.includes(s.replace(/\{[a-z_]+\}/g, "").slice(0, 25))) out.push(`offer text: ${offer}`);
  }
  if (!a.facts.followUp && !a.policy?.followUp)
    for (const when of Object.values(t.when)) if (draft.text.includes(when)) out.push(`time: ${when}`);
  return out;
}

/** A Czech greeting may hold the name only in the vocative the drafter would give it. */
function nominative(text: string, facts: ReplyFacts): string[] {
  const greeting = text.split("\n")[0] ?? "";
  const address = czechAddress(facts.customerName ?? "", facts.customerGender) ?? "";
  const tokens = (facts.customerName ?? "").split(/\s+/u).filter(Boolean);
  return tokens
    .filter((tok) => new RegExp(`(?<!\\p{L})${tok}(?!\\p{L})`, "u").test(greeting) && !address.split(" ").includes(tok))
    .map((tok) => `czech nominative: ${tok}`);
}
