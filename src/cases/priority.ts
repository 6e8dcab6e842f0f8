import type { Reading } from "../core/reading.js";
import { noisyOr, ordinal } from "../analysis/public.js";

/** What priority is computed from: the thread's latest Reading and what the store knows around it. */
export interface PriorityInput {
  reading: Pick<Reading, "urgency" | "reach" | "signals" | "complaint">;
  /** 0..1, from the customer's optional value attribute (plan, lifetime value tier). */
  customerValue?: number;
  /** Customer messages in the thread so far, this one included. */
  contacts: number;
  /** Minutes the customer has been waiting for an answer. */
  waitingMinutes: number;
}

export interface Priority {
  /** 1 (act now) .. 4 (when there is time). */
  level: 1 | 2 | 3 | 4;
  score: number;
  /** "P1: public post, 12k followers, threatens to leave, third contact" */
  explanation: string;
}

/** Score thresholds for P1, P2 and P3; below the last is P4. */
export const DEFAULT_PRIORITY_THRESHOLDS: [number, number, number] = [0.75, 0.5, 0.25];

/**
 * Priority from urgency, reach, customer value, repeat contact and time waiting, always explained
 * in words, most important reason first.
 *
 * @example
 * computePriority({ reading, contacts: 3, waitingMinutes: 30 }).explanation;
 * // "P1: threatens to leave, public channel: social, 12k followers, third contact"
 */
export function computePriority(input: PriorityInput, thresholds = DEFAULT_PRIORITY_THRESHOLDS): Priority {
  const parts: [number, string][] = [];
  const { urgency, reach } = input.reading;
  // "third contact" below says what "Nth message in the thread" says, counted the way a lead counts.
  const urgencyReasons = input.contacts >= 2 ? urgency.reasons.filter((r) => !r.endsWith("message in the thread")) : urgency.reasons;
  urgencyReasons.forEach((r, i) => parts.push([urgency.score * (1 - i * 0.05), r]));
  reach.reasons.forEach((r, i) => parts.push([reach.score * (1 - i * 0.05), r]));
  const value = input.customerValue ?? 0;
  if (value >= 0.5) parts.push([value * 0.5, "high-value customer"]);
  if (input.contacts >= 2) parts.push([Math.min(0.5, 0.15 * input.contacts), `${ordinal(input.contacts)} contact`]);
  const hours = input.waitingMinutes / 60;
  if (hours >= 1)
    parts.push([Math.min(0.4, 0.05 * hours), `waiting ${hours >= 24 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours)}h`}`]);

  // Urgency, reach and value are independent pressures (noisy-or); contacts, waiting and value then
  // close part of the remaining gap, as a lead would weigh them.
  const base = noisyOr([urgency.score, reach.score * 0.8, value * 0.3]);
  const extra = (input.contacts >= 2 ? 0.1 * Math.min(3, input.contacts - 1) : 0) + Math.min(0.15, 0.02 * hours) + value * 0.1;
  const score = Math.min(1, base + extra * (1 - base));
  const level = score >= thresholds[0] ? 1 : score >= thresholds[1] ? 2 : score >= thresholds[2] ? 3 : 4;
  const reasons = dedupe(parts.sort((a, b) => b[0] - a[0]).map(([, r]) => r));
  return {
    level,
    score: Math.round(score * 100) / 100,
    explanation: `P${level}: ${reasons.length > 0 ? reasons.slice(0, 5).join(", ") : "no pressing reason"}`,
  };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
