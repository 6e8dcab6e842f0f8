/**
 * The specific problem a draft names, with its sentence and its next step in the draft's
 * language, or undefined when the message names none or the language has no sentences for it.
 * A problem sentence may touch only topics the message or its Reading hold, so a finer cause can
 * never bring in a topic the customer did not raise.
 *
 * @example
 * pickProblem("wrong size sent", "en", reading, ["delivery_or_wait"])?.clause; // "we sent you the wrong item"
 */
import type { CauseLabel } from "../../core/labels.js";
import type { Reading } from "../../core/reading.js";
import { topicsIn } from "./cause-topics.js";
import { PROBLEM_CAUSE, problemsIn, type ProblemKey } from "./problems.js";
import { cueSetFor, templatesFor } from "./respond-data.js";
import { SILENCE_PROBLEMS } from "./service-problems.js";

export interface PickedProblem {
  key: ProblemKey;
  cause: CauseLabel;
  clause: string;
  steps: string[];
  /** What this problem is like for the customer, when the language has lines for it. */
  feelings: string[] | undefined;
}

/** Topics every reply speaks of ("our team", "reply"); naming them brings in nothing new. */
export const ALWAYS_HELD: readonly CauseLabel[] = ["staff_treatment", "service_quality", "communication_gap", "overall_experience"];

/** The first problem of the message whose sentences stay within what the message and Reading hold. */
export function pickProblem(
  message: string | undefined,
  key: string,
  reading: Reading,
  topics: CauseLabel[] | undefined,
): PickedProblem | undefined {
  const cues = cueSetFor(key);
  const t = templatesFor(key);
  if (message === undefined || !cues || !t?.problem) return undefined;
  const held = new Set<CauseLabel>([...ALWAYS_HELD, ...(topics ?? []), ...reading.causes.map((c) => c.label)]);
  const found = problemsIn(message, cues);
  // A customer who has written before complains first of the silence, whatever the matter was.
  // A claim nobody answers is that silence already, named more exactly.
  const silent = found.some((k) => SILENCE_PROBLEMS.includes(k));
  if (reading.signals.some((s) => s.label === "repeat_contact") && found.includes("no_answer") && !silent)
    found.sort((a, b) => Number(b === "no_answer") - Number(a === "no_answer"));
  for (const k of found) {
    const entry = t.problem[k];
    if (!entry) continue;
    // "Twice" is a double charge only where money is spoken of: "ordered twice, both late" is not.
    if (k === "double_charge" && !held.has("price_or_billing")) continue;
    const said = [entry.cause, ...entry.step, ...(entry.feeling ?? [])].join(" ");
    if ([...topicsIn(said, cues).keys()].some((c) => !held.has(c))) continue;
    return { key: k, cause: PROBLEM_CAUSE[k], clause: entry.cause, steps: entry.step, feelings: entry.feeling };
  }
  return undefined;
}
