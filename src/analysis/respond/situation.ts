/**
 * What kind of message the customer sent, read off the Reading: a complaint the company should own,
 * praise to thank for, a question to answer, or a worry to reassure. The drafter composes by it and
 * the check judges apologies by it, so both agree on when an apology belongs.
 *
 * @example
 * classify(reading).situation; // "complaint"
 */
import { EMOTIONS, WARM_EMOTIONS, type CauseLabel, type EmotionLabel } from "../../core/labels.js";
import type { Reading } from "../../core/reading.js";
import type { Situation } from "./types.js";

export interface SituationReading {
  situation: Situation;
  /** The company is at fault: an apology belongs. `unclear` leaves it to the agent. */
  fault: "yes" | "no" | "unclear";
  /** Customer feelings that matter, strongest first. */
  emotions: EmotionLabel[];
  /** Causes the customer complains about (negative polarity), strongest first. */
  negativeCauses: CauseLabel[];
  /** Causes the customer praises. */
  positiveCauses: CauseLabel[];
  negative: boolean;
}

const EMOTION_FLOOR = 0.2;
/** Feelings that tell of something wrong (surprise can go either way). */
export const NEGATIVE_EMOTIONS: ReadonlySet<EmotionLabel> = new Set(EMOTIONS.filter((e) => !WARM_EMOTIONS.has(e) && e !== "surprise"));
const POSITIVE_EMOTIONS = WARM_EMOTIONS;

/** Classify the customer's message from its Reading. */
export function classify(reading: Reading): SituationReading {
  const emotions = [...reading.emotions]
    .filter((e) => e.score >= EMOTION_FLOOR)
    .sort((a, b) => b.score - a.score)
    .map((e) => e.label);
  const byScore = [...reading.causes].sort((a, b) => b.score - a.score);
  const negativeCauses = unique(byScore.filter((c) => c.polarity === "negative").map((c) => c.label));
  const positiveCauses = unique(byScore.filter((c) => c.polarity === "positive").map((c) => c.label));
  const strongest = (set: ReadonlySet<EmotionLabel>) =>
    Math.max(0, ...reading.emotions.filter((e) => e.score >= EMOTION_FLOOR && set.has(e.label)).map((e) => e.score));
  const posScore = strongest(POSITIVE_EMOTIONS);
  const negScore = strongest(NEGATIVE_EMOTIONS);
  const posEmotion = posScore > 0;
  // A weaker negative feeling beside a stronger warm one, in a positive message without a
  // complaint, is a reader's stray cue ("they did not pressure me"), not a grievance.
  const negEmotion = negScore > 0 && !(reading.sentiment.label === "positive" && !reading.complaint.is && posScore > negScore);
  // Sarcasm reads as praise on the surface ("good to know what I've been paying for").
  const sarcastic = reading.signals.some((s) => s.label === "sarcasm");
  // Threats to leave, sue or go public, and repeat contacts, are grievances even in calm words.
  const grievance = reading.signals.some((s) => s.label !== "sarcasm");
  const negative =
    sarcastic || grievance || reading.complaint.is || reading.sentiment.label === "negative" || negativeCauses.length > 0 || negEmotion;

  // Praise is read off feeling and causes first: a complaint score alone on a warm message ("your
  // staff were incredibly kind when my son got sick") should not turn thanks into an apology.
  // Thanks need something to thank for: a warm feeling or a praised cause, not a positive score alone.
  const positiveOnly =
    !sarcastic &&
    negativeCauses.length === 0 &&
    !negEmotion &&
    (posEmotion || positiveCauses.length > 0) &&
    (reading.sentiment.label === "positive" || posEmotion) &&
    (!reading.complaint.is || reading.sentiment.label === "positive");
  if (positiveOnly) return { situation: "praise", fault: "no", emotions, negativeCauses, positiveCauses, negative: false };

  const worryLed = (emotions[0] === "worry" || negativeCauses[0] === "security_and_trust") && reading.complaint.severity <= 2;
  const fault: SituationReading["fault"] =
    reading.complaint.is && reading.complaint.severity >= 2
      ? "yes"
      : negativeCauses.length > 0 && negativeCauses.some((c) => c !== "policy")
        ? reading.complaint.is
          ? "yes"
          : "unclear"
        : negative
          ? "unclear"
          : "no";
  if (worryLed) return { situation: "worry", fault, emotions, negativeCauses, positiveCauses, negative };
  if (!negative) return { situation: "question", fault: "no", emotions, negativeCauses, positiveCauses, negative };
  return { situation: "complaint", fault, emotions, negativeCauses, positiveCauses, negative };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
