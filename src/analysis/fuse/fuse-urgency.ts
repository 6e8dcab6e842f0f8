import type { Reading } from "../../core/reading.js";
import type { FuseInput } from "./fuse-input.js";
import { noisyOr } from "./noisy-or.js";

type Parts = Pick<Reading, "signals" | "needs" | "causes" | "complaint" | "emotions" | "intensity" | "sentiment">;

/**
 * How soon someone should act, 0..1, with the reasons in words a support lead reads at a glance.
 * Each reason adds independent pressure (noisy-or), so several small ones add up but none
 * alone reaches 1 except a safety issue.
 *
 * @example
 * fuseUrgency(input, parts); // {score: 0.86, reasons: ["threatens legal action", "third contact"]}
 */
export function fuseUrgency(input: FuseInput, parts: Parts): Reading["urgency"] {
  const reasons: [number, string][] = [];
  const has = (label: string) => parts.signals.some((s) => s.label === label);
  if (has("safety_issue")) reasons.push([0.9, "safety issue"]);
  if (has("legal_threat")) reasons.push([0.7, "threatens legal action"]);
  if (has("churn_threat")) reasons.push([0.5, "threatens to leave"]);
  if (has("public_exposure_threat")) reasons.push([0.5, "threatens to go public"]);
  if (has("repeat_contact")) reasons.push([0.35, "has contacted before"]);
  const earlier = input.context.thread?.length ?? 0;
  if (earlier >= 1) reasons.push([Math.min(0.6, 0.2 * earlier), `${ordinal(earlier + 1)} message in the thread`]);
  if (parts.causes.some((c) => c.label === "security_and_trust" && c.polarity === "negative")) {
    reasons.push([0.5, "security or trust problem"]);
  }
  if (parts.needs.some((n) => n.label === "speed")) reasons.push([0.35, "asks for speed"]);
  if (parts.needs.some((n) => n.label === "escalation")) reasons.push([0.35, "asks for escalation"]);
  if (parts.complaint.severity >= 3) reasons.push([0.4, parts.complaint.severity === 4 ? "blames the company" : "accuses the company"]);
  else if (parts.complaint.is) reasons.push([0.2, "complaint"]);
  if (parts.intensity >= 0.6 && parts.sentiment.label === "negative") reasons.push([0.3, "strong feeling"]);
  const score = noisyOr(reasons.map(([s]) => s));
  return { score: Math.round(score * 100) / 100, reasons: reasons.sort((a, b) => b[0] - a[0]).map(([, r]) => r) };
}

/** "second", "third", ... for small counts; "5th" beyond. */
export function ordinal(n: number): string {
  const words = ["zeroth", "first", "second", "third", "fourth"];
  return words[n] ?? `${n}th`;
}
