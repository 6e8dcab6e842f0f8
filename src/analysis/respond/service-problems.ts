/**
 * Problems and question subjects of service businesses (telecoms, insurance, utilities, transport,
 * travel, hotels, banking, courses and events), kept apart from the retail ones in `problems.ts`
 * and `message-evidence.ts` so each set can grow on its own. Their sentences and cues live in
 * `services/templates-<lang>.json` and `services/cues-<lang>.json`, merged into the language's
 * data by `respond-data.ts`.
 *
 * @example
 * problemsIn("I got roaming charges even though I bought the EU package", cueSetFor("en")!); // ["roaming_charge"]
 */
import type { CauseLabel } from "../../core/labels.js";

/**
 * Service problems, matched before every retail one: each names its own setting (a flight, a
 * meter, a claim), so "delayed", "lost" or "charged twice" inside them is not a parcel or a shop.
 * The more specific first: a voucher sent instead of a refund before a bill charge.
 */
export const SERVICE_PROBLEMS = [
  "voucher_not_refund",
  "roaming_charge",
  "plan_billed_twice",
  "meter_bill",
  "claim_no_answer",
  "ride_no_show",
  "baggage_lost",
  "flight_cancelled",
  "flight_delayed",
  "hotel_booking",
  "otp_old_number",
  "account_locked",
  "transfer_refused",
] as const;
/**
 * Vaguer service problems, matched after the retail money problems: "a charge on my bill I should
 * not pay" gives way to "charged twice" or "charged after I cancelled", which say more.
 */
export const SERVICE_LATE_PROBLEMS = ["bill_charge"] as const;
export type ServiceProblemKey = (typeof SERVICE_PROBLEMS)[number] | (typeof SERVICE_LATE_PROBLEMS)[number];

/** The cause label each service problem belongs to. */
export const SERVICE_PROBLEM_CAUSE: Record<ServiceProblemKey, CauseLabel> = {
  voucher_not_refund: "price_or_billing",
  roaming_charge: "price_or_billing",
  plan_billed_twice: "price_or_billing",
  meter_bill: "price_or_billing",
  bill_charge: "price_or_billing",
  claim_no_answer: "communication_gap",
  ride_no_show: "service_quality",
  baggage_lost: "service_quality",
  flight_cancelled: "service_quality",
  flight_delayed: "service_quality",
  hotel_booking: "service_quality",
  otp_old_number: "usability",
  account_locked: "usability",
  transfer_refused: "policy",
};

/** Service problems whose own step already deals with the money, so a refund request keeps it. */
export const SERVICE_MONEY_PROBLEMS: readonly ServiceProblemKey[] = [
  "voucher_not_refund",
  "roaming_charge",
  "plan_billed_twice",
  "meter_bill",
  "bill_charge",
];

/** Service problems that are themselves a silence: a repeat contact does not put "nobody answered" before them. */
export const SILENCE_PROBLEMS: readonly string[] = ["claim_no_answer"];

/** Question subjects of service businesses, asked before the retail ones. */
export const SERVICE_QUESTIONS = [
  "details_change",
  "roaming_plan",
  "card_limit",
  "connection_time",
  "ingredients",
  "ticket_transfer",
  "open_account",
  "contract_terms",
] as const;
export type ServiceQuestionKey = (typeof SERVICE_QUESTIONS)[number];

/** Whether a question subject is a service one. */
export function isServiceQuestion(q: string | undefined): boolean {
  return q !== undefined && (SERVICE_QUESTIONS as readonly string[]).includes(q);
}
