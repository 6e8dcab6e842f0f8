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
import { findGroups } from "./cue-matcher.js";
import { prepare, type PreparedText } from "../text/fold.js";
import type { CueSet } from "./cue-set.js";

/** The specific problems a draft can name. */
export const PROBLEMS = [
  "wrong_address",
  "wrong_parts",
  "wrong_item",
  "missing_item",
  "damaged_item",
  "charged_after_cancel",
  "order_cancelled",
  "voucher_missing",
  "delivery_fee",
  "double_charge",
  "refund_missing",
  "technician_no_show",
  "app_crash",
  "reset_link",
  "app_login",
  "promo_code",
  "defect_error",
  "rude_staff",
  "left_outside",
  "missing_parcel",
  "late_delivery",
  "no_answer",
] as const;
export type ProblemKey = (typeof PROBLEMS)[number];

/** The cause label each problem belongs to: the problem sentence stands in for that cause's sentence. */
export const PROBLEM_CAUSE: Record<ProblemKey, CauseLabel> = {
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
};

/**
 * The problems named in `text`, most specific first: the order of `PROBLEMS` breaks ties, so a
 * message naming a wrong item and a long wait is read as the wrong item.
 */
export function problemsIn(text: string | PreparedText, cues: CueSet): ProblemKey[] {
  if (!cues.problemsAll) return [];
  const prepared = typeof text === "string" ? prepare(text, cues.fold) : text;
  const found = findGroups(cues.problemsAll, prepared);
  return PROBLEMS.filter((p) => found.has(p));
}
