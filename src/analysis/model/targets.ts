/**
 * Training targets per head, and how a labeled example in the training/data format (team-written
 * or a user's own file for `attune train`) becomes them.
 *
 * @example
 * teamTargets({ text: "Refund me now", sentiment: "negative", needs: ["refund_or_compensation"] });
 * // { sentiment: 2, needs: Int8Array [0,1,0,0,0,0,0,0,0] }
 */
import { HEADS, type HeadName } from "./heads.js";

/** A softmax target (class index) or a sigmoid target (1 / 0 / -1 unknown, per label). */
export type Target = number | Int8Array;

/** One labeled message in the training/data format (training/data/README.md). */
export interface TeamRow {
  id?: string;
  text: string;
  lang?: string;
  sentiment?: string;
  emotions?: string[];
  needs?: string[];
  causes?: ({ label: string; polarity?: string } | string)[];
  stage?: string;
  signals?: string[];
  complaint?: number;
}

const labelsOf = (name: HeadName): readonly string[] => HEADS.find((h) => h.name === name)!.labels;

/** A sigmoid target: `pos` labels 1, `known` labels (or all when null) 0, the rest -1. */
export function multi(name: HeadName, pos: readonly string[], known: readonly string[] | null = null): Int8Array {
  const labels = labelsOf(name);
  const t = new Int8Array(labels.length).fill(known ? -1 : 0);
  if (known)
    for (const k of known) {
      const j = labels.indexOf(k);
      if (j >= 0) t[j] = 0;
    }
  for (const p of pos) {
    const j = labels.indexOf(p);
    if (j >= 0) t[j] = 1;
  }
  return t;
}

/** The class index of `label` in a softmax head, or undefined. */
export function cls(name: HeadName, label: string): number | undefined {
  const j = labelsOf(name).indexOf(label);
  return j >= 0 ? j : undefined;
}

/** Targets of a fully annotated example: every head it labels. */
export function teamTargets(r: TeamRow): Partial<Record<HeadName, Target>> {
  const t: Partial<Record<HeadName, Target>> = {};
  if (typeof r.sentiment === "string") {
    const c = cls("sentiment", r.sentiment);
    if (c !== undefined) t.sentiment = c;
  }
  if (Array.isArray(r.emotions)) t.emotions = multi("emotions", r.emotions);
  if (Array.isArray(r.needs)) t.needs = multi("needs", r.needs);
  if (Array.isArray(r.causes))
    t.causes = multi(
      "causes",
      r.causes.map((c) => (typeof c === "string" ? c : c.label)),
    );
  if (typeof r.stage === "string") {
    const c = cls("stage", r.stage);
    if (c !== undefined) t.stage = c;
  }
  if (Array.isArray(r.signals)) t.signals = multi("signals", r.signals);
  if (typeof r.complaint === "number" && r.complaint >= 0 && r.complaint <= 4) {
    t.complaint = multi("complaint", r.complaint > 0 ? ["complaint"] : []);
    t.severity = Math.round(r.complaint);
  }
  return t;
}
