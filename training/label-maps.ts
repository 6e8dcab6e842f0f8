/**
 * How each source's labels map onto attune's heads. Written down here (and in models/MODEL_CARD.md)
 * because every mapping is a judgement call.
 *
 * @example
 * GOEMOTIONS_TO_ATTUNE.annoyance; // "frustration"
 */
import type { CauseLabel, EmotionLabel, NeedLabel } from "../src/core/labels.js";

/** GoEmotions' 27 labels onto attune's 10 emotions; unlisted labels map to none. */
export const GOEMOTIONS_TO_ATTUNE: Record<string, EmotionLabel> = {
  anger: "anger",
  disgust: "anger",
  annoyance: "frustration",
  disappointment: "disappointment",
  sadness: "sadness",
  grief: "sadness",
  remorse: "sadness",
  fear: "worry",
  nervousness: "worry",
  confusion: "confusion",
  surprise: "surprise",
  joy: "joy",
  amusement: "joy",
  excitement: "joy",
  love: "joy",
  admiration: "joy",
  pride: "joy",
  relief: "joy",
  gratitude: "gratitude",
  approval: "trust",
  optimism: "trust",
};

/** Plutchik (XED) onto attune; anticipation maps to none. XED says nothing of the other labels. */
export const PLUTCHIK_TO_ATTUNE: Record<string, EmotionLabel> = {
  anger: "anger",
  disgust: "anger",
  fear: "worry",
  sadness: "sadness",
  joy: "joy",
  surprise: "surprise",
  trust: "trust",
};
export const PLUTCHIK_KNOWN: EmotionLabel[] = ["anger", "worry", "sadness", "joy", "surprise", "trust"];

/** Marreddy (Telugu) and X-CI single emotions onto attune. */
export const BASIC_TO_ATTUNE: Record<string, EmotionLabel> = {
  anger: "anger",
  disgust: "anger",
  fear: "worry",
  sadness: "sadness",
  joy: "joy",
  surprise: "surprise",
};

/** Plutchik onto Ekman's 6 (anticipation and trust have no Ekman counterpart). */
export const PLUTCHIK_TO_EKMAN: Record<string, string> = {
  anger: "anger",
  disgust: "disgust",
  fear: "fear",
  joy: "joy",
  sadness: "sadness",
  surprise: "surprise",
};

/** Czech ABSA derived causes onto attune's causes (ambience and location have none). */
export const ABSA_TO_CAUSE: Record<string, CauseLabel> = {
  general: "overall_experience",
  product_quality: "product_quality",
  service_quality: "service_quality",
  price: "price_or_billing",
};
export const ABSA_KNOWN: CauseLabel[] = ["overall_experience", "product_quality", "service_quality", "price_or_billing"];

/**
 * banking77 intents onto needs: every row is a customer question (information); refund intents
 * also need refund_or_compensation, closing/cancelling intents cancellation. Other needs unknown.
 */
export function banking77Needs(intent: string): NeedLabel[] {
  const out: NeedLabel[] = ["information"];
  if (intent === "request_refund" || intent === "Refund_not_showing_up") out.push("refund_or_compensation");
  if (intent === "terminate_account" || intent === "cancel_transfer") out.push("cancellation");
  return out;
}
export const BANKING77_KNOWN: NeedLabel[] = ["information", "refund_or_compensation", "cancellation"];

/** TrueVoice call actions onto needs: enquire = information, cancel = cancellation, report = resolution. */
export function truevoiceNeeds(action: string): NeedLabel[] | null {
  if (action === "enquire") return ["information"];
  if (action === "cancel") return ["cancellation"];
  if (action === "report") return ["resolution"];
  if (action === "garbage") return null;
  return [];
}
export const TRUEVOICE_KNOWN: NeedLabel[] = ["information", "cancellation", "resolution"];

/**
 * banking77 intents that report something gone wrong (a mismatch between what the customer expected
 * and what happened: the definition X-CI follows). Used as silver complaint labels (complaint yes,
 * severity 1, "no explicit reproach"); every other intent is a plain request (complaint no).
 */
export const BANKING77_PROBLEMS = new Set([
  "card_not_working",
  "contactless_not_working",
  "virtual_card_not_working",
  "declined_card_payment",
  "declined_cash_withdrawal",
  "declined_transfer",
  "failed_transfer",
  "card_swallowed",
  "compromised_card",
  "transaction_charged_twice",
  "wrong_amount_of_cash_received",
  "wrong_exchange_rate_for_cash_withdrawal",
  "card_payment_wrong_exchange_rate",
  "card_payment_not_recognised",
  "cash_withdrawal_not_recognised",
  "direct_debit_payment_not_recognised",
  "extra_charge_on_statement",
  "Refund_not_showing_up",
  "balance_not_updated_after_bank_transfer",
  "balance_not_updated_after_cheque_or_cash_deposit",
  "top_up_failed",
  "top_up_reverted",
  "reverted_card_payment?",
  "transfer_not_received_by_recipient",
  "pin_blocked",
  "unable_to_verify_identity",
]);
