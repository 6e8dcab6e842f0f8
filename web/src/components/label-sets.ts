/**
 * The Reading's label sets as the dashboard lists them in filters. Built from records keyed by the
 * server's label types (type-only imports), so a label added on the server and missing here fails
 * the type check instead of silently missing from a filter.
 *
 * @example
 * EMOTION_LABELS.map((e) => <option key={e}>{label("emotion", e)}</option>);
 */
import type { CauseLabel, Channel, EmotionLabel, NeedLabel } from "../api/types.js";
import type { SentimentLabel, SignalLabel } from "../../../src/core/labels.js";

function keys<K extends string>(r: Record<K, true>): K[] {
  return Object.keys(r) as K[];
}

export const SENTIMENT_LABELS = keys<SentimentLabel>({ negative: true, neutral: true, positive: true });
export const EMOTION_LABELS = keys<EmotionLabel>({
  anger: true,
  frustration: true,
  disappointment: true,
  sadness: true,
  worry: true,
  confusion: true,
  surprise: true,
  joy: true,
  gratitude: true,
  trust: true,
});
export const CAUSE_LABELS = keys<CauseLabel>({
  staff_treatment: true,
  product_quality: true,
  service_quality: true,
  delivery_or_wait: true,
  price_or_billing: true,
  communication_gap: true,
  security_and_trust: true,
  policy: true,
  usability: true,
  advertising: true,
  overall_experience: true,
});
export const NEED_LABELS = keys<NeedLabel>({
  resolution: true,
  refund_or_compensation: true,
  information: true,
  speed: true,
  acknowledgement: true,
  respect: true,
  reassurance: true,
  escalation: true,
  cancellation: true,
});
export const SIGNAL_LABELS = keys<SignalLabel>({
  churn_threat: true,
  public_exposure_threat: true,
  legal_threat: true,
  safety_issue: true,
  repeat_contact: true,
  sarcasm: true,
});
export const CHANNEL_LABELS = keys<Channel>({
  email: true,
  chat: true,
  social: true,
  review: true,
  forum: true,
  survey: true,
  call: true,
  internal: true,
});
/** Survey kinds and their score scales (NPS 0-10, CSAT 1-5, CES 1-7). */
export const SURVEY_SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
export type SurveyKind = keyof typeof SURVEY_SCALES;
