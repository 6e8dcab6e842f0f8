/**
 * What happened, finer than a cause label: the specific problem a message's own words name (a
 * wrong item, a parcel that never came, a double charge ...), found with the language's cue lists
 * (`cues/<lang>.json`, `problems`) through the one cue matcher, whole words in every script. A
 * draft names the problem in the company's words (`templates/<lang>.json`, `problem`) instead of
 * the coarse cause sentence: "kept waiting" is wrong for a wrong item.
 *
 * @example
 * problemsIn("you sent me the wrong size", cueSetFor("en")!); // ["wrong_item"]
 */
import type { CauseLabel } from "../../core/labels.js";
import { findCues } from "./cue-matcher.js";
import { prepare, type PreparedText } from "../text/fold.js";
import type { CueSet } from "./cue-set.js";
import { SERVICE_LATE_PROBLEMS, SERVICE_PROBLEM_CAUSE, SERVICE_PROBLEMS } from "./service-problems.js";

/** The specific problems a draft can name. */
export const PROBLEMS = [
  // Service problems first: each names its setting, so its "delayed" or "lost" is no parcel.
  ...SERVICE_PROBLEMS,
  "wrong_address",
  "missing_manual",
  "wrong_parts",
  "wrong_item",
  "missing_item",
  "damaged_item",
  "charged_after_cancel",
  "payment_no_order",
  "stock_mismatch",
  "order_cancelled",
  "voucher_missing",
  "gift_card_invalid",
  "points_missing",
  "delivery_fee",
  "double_charge",
  "refund_missing",
  ...SERVICE_LATE_PROBLEMS,
  "technician_no_show",
  "callback_missing",
  "chat_closed",
  "app_crash",
  "reset_link",
  "app_login",
  "promo_code",
  "device_pairing",
  "poor_fit",
  "defect_error",
  "rude_staff",
  "left_in_rain",
  "left_outside",
  "slot_vanished",
  "missing_parcel",
  "late_delivery",
  "no_answer",
] as const;
export type ProblemKey = (typeof PROBLEMS)[number];

/** The cause label each problem belongs to: the problem sentence stands in for that cause's sentence. */
export const PROBLEM_CAUSE: Record<ProblemKey, CauseLabel> = {
  ...SERVICE_PROBLEM_CAUSE,
  wrong_item: "delivery_or_wait",
  missing_item: "delivery_or_wait",
  charged_after_cancel: "price_or_billing",
  app_crash: "usability",
  promo_code: "price_or_billing",
  missing_parcel: "delivery_or_wait",
  damaged_item: "product_quality",
  late_delivery: "delivery_or_wait",
  wrong_address: "delivery_or_wait",
  double_charge: "price_or_billing",
  refund_missing: "price_or_billing",
  app_login: "usability",
  no_answer: "communication_gap",
  rude_staff: "staff_treatment",
  technician_no_show: "service_quality",
  defect_error: "product_quality",
  // Named in review3/review4's notes as problems the drafter had no words for.
  order_cancelled: "delivery_or_wait",
  voucher_missing: "price_or_billing",
  delivery_fee: "price_or_billing",
  left_outside: "delivery_or_wait",
  wrong_parts: "product_quality",
  reset_link: "usability",
  // Named in review5's notes: read before as a security worry, a fault or a late delivery.
  missing_manual: "product_quality",
  stock_mismatch: "service_quality",
  gift_card_invalid: "price_or_billing",
  points_missing: "price_or_billing",
  callback_missing: "communication_gap",
  chat_closed: "communication_gap",
  device_pairing: "product_quality",
  poor_fit: "product_quality",
  payment_no_order: "price_or_billing",
  left_in_rain: "delivery_or_wait",
  slot_vanished: "delivery_or_wait",
};

/**
 * The problems named in `text`, most specific first: the order of `PROBLEMS` breaks ties, so a
 * message naming a wrong item and a long wait is read as the wrong item.
 */
export function problemsIn(text: string | PreparedText, cues: CueSet): ProblemKey[] {
  if (!cues.problems) return [];
  const prepared = typeof text === "string" ? prepare(text, cues.fold) : text;
  // Each list on its own: in one pattern a longer cue of a vaguer problem that starts earlier
  // ("hanggang ngayon wala pa rin" for a late parcel) hides a refund named inside it.
  return PROBLEMS.filter((p) => {
    const list = cues.problems?.get(p);
    return list !== undefined && findCues(list, prepared).length > 0;
  });
}
