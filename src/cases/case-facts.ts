/**
 * Small facts triage reads off a message: does it ask something, what is the case about (top
 * negative cause, strongest feeling), and the customer's value from the person's attributes.
 *
 * @example
 * asksQuestion("Where is my parcel?", reading); // true
 * customerValueOf('{"value": 0.9}'); // 0.9
 */
import type { Reading } from "../core/reading.js";

/** Question marks of the scripts we read (Latin and Thai "?", fullwidth, Arabic). */
const QUESTION_MARK = /[?？؟]/;

/** A customer message that asks something and so expects an answer. */
export function asksQuestion(text: string, reading: Pick<Reading, "needs" | "sentiment">): boolean {
  if (QUESTION_MARK.test(text.slice(-2000))) return true;
  // Thanks and praise expect no answer, even when they mention information they got.
  if (reading.sentiment.label === "positive") return false;
  return reading.needs.some((n) => n.label === "information" && n.score >= 0.5);
}

/** The case's cause (strongest negative cause) and feeling (strongest emotion). */
export function describeCase(reading: Pick<Reading, "causes" | "emotions">): { cause: string | null; emotion: string | null } {
  let cause: { label: string; score: number } | undefined;
  for (const c of reading.causes) if (c.polarity === "negative" && (!cause || c.score > cause.score)) cause = c;
  let emotion: { label: string; score: number } | undefined;
  for (const e of reading.emotions) if (!emotion || e.score > emotion.score) emotion = e;
  return { cause: cause?.label ?? null, emotion: emotion?.label ?? null };
}

const TIERS: Record<string, number> = { platinum: 1, enterprise: 1, gold: 0.8, premium: 0.8, silver: 0.5, standard: 0.2, free: 0 };

/**
 * The optional customer value attribute (people.attributes JSON): `value` 0..1, or a `tier` name.
 * Undefined when the person has none, so priority does not pretend to know.
 */
export function customerValueOf(attributes: string | null): number | undefined {
  if (!attributes) return undefined;
  let a: unknown;
  try {
    a = JSON.parse(attributes);
  } catch {
    return undefined;
  }
  if (!a || typeof a !== "object") return undefined;
  const v = (a as Record<string, unknown>).value;
  if (typeof v === "number" && Number.isFinite(v)) return Math.max(0, Math.min(1, v));
  const tier = (a as Record<string, unknown>).tier;
  if (typeof tier === "string") return TIERS[tier.toLowerCase()];
  return undefined;
}
