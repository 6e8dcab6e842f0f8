/**
 * The classifier heads the shipped model carries, and their label orders. Softmax heads pick one
 * label; sigmoid heads score every label on its own (multi-label). Label orders are part of the
 * weight file: changing them needs retraining.
 *
 * @example
 * HEADS.find((h) => h.name === "sentiment")!.labels; // ["positive", "neutral", "negative"]
 */
import { CAUSES, EMOTIONS, NEEDS, SENTIMENTS, SIGNALS, STAGES } from "../../core/labels.js";

export type HeadKind = "softmax" | "sigmoid";

export interface HeadSpec {
  name: HeadName;
  kind: HeadKind;
  labels: readonly string[];
}

/** Ekman's six basic emotions plus neutral: the grouping GoEmotions publishes, used to compare. */
export const EKMAN7 = ["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"] as const;
/** Complaint severity as X-CI defines it: 0 none, 1 no explicit reproach, 2 disapproval, 3 accusation, 4 blame. */
export const SEVERITY = ["0", "1", "2", "3", "4"] as const;

export type HeadName = "sentiment" | "emotions" | "ekman" | "complaint" | "severity" | "needs" | "causes" | "stage" | "signals";

export const HEADS: readonly HeadSpec[] = [
  { name: "sentiment", kind: "softmax", labels: SENTIMENTS },
  { name: "emotions", kind: "sigmoid", labels: EMOTIONS },
  { name: "ekman", kind: "sigmoid", labels: EKMAN7 },
  { name: "complaint", kind: "sigmoid", labels: ["complaint"] },
  { name: "severity", kind: "softmax", labels: SEVERITY },
  { name: "needs", kind: "sigmoid", labels: NEEDS },
  { name: "causes", kind: "sigmoid", labels: CAUSES },
  { name: "stage", kind: "softmax", labels: STAGES },
  { name: "signals", kind: "sigmoid", labels: SIGNALS },
];
