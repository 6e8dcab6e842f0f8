/**
 * Messages the Reading cannot file under one situation: a question that mentions a problem ("the
 * app logs me out, how do I reset my password?") or praise with a past problem ("the first parcel
 * got lost but your team sorted it fast, thanks!"). A wrong apology or a wrong thank-you is the
 * worst draft there is, so such a message gets a form that fits both: thank, acknowledge what went
 * wrong, and answer or pass the thanks on.
 *
 * @example
 * mixedForm(classify(reading), reading, "my parcel is late, can I change the address?", true); // "question"
 */
import type { Reading } from "../../core/reading.js";
import type { SituationReading } from "./situation.js";

export type MixedForm = "question" | "praise";

/** Warm feelings that mark thanks, strong enough to count as praise beside a problem. */
const PRAISE_FLOOR = 0.35;
// A question mark, a Latin-script message that opens with a question word, or a Thai question
// particle at the end: customers often leave the mark off in chat.
const QUESTION_MARK = /[?？]/u;
const QUESTION_START =
  /^\s*(how|can|could|do|does|is|are|when|where|what|why|jak|kdy|kde|můžu|mohu|paano|pwede|puwede|kailan|saan|ano|bakit)\b/iu;
const QUESTION_END = /(ไหม|มั้ย|ยังไง|อย่างไร|หรือเปล่า|หรือยัง)\s*(คะ|ค่ะ|ครับ|คับ)?\s*$/u;

function isQuestion(message: string): boolean {
  const m = message.trim();
  return QUESTION_MARK.test(m) || QUESTION_START.test(m) || QUESTION_END.test(m);
}

/** The mixed form for this message, or undefined when its situation is plain. */
export function mixedForm(
  sit: SituationReading,
  reading: Reading,
  message: string | undefined,
  problemNamed: boolean,
): MixedForm | undefined {
  if (message === undefined || sit.situation === "praise" || sit.situation === "question") return undefined;
  // Both forms acknowledge a problem: without one the message's words name, "sorry not everything
  // went smoothly" or "I understand that this happened" would be false or empty.
  if (!problemNamed) return undefined;
  const calm = reading.complaint.severity <= 2 && reading.intensity < 0.6;
  const angry = sit.emotions.includes("anger") || reading.signals.length > 0;
  const warm = Math.max(0, ...reading.emotions.filter((e) => e.label === "gratitude" || e.label === "joy").map((e) => e.score));
  if (warm >= PRAISE_FLOOR && reading.sentiment.label !== "negative" && !angry) return "praise";
  if (calm && !angry && isQuestion(message)) return "question";
  return undefined;
}
