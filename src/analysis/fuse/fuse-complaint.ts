import type { CauseReading, ComplaintReading, Reading } from "../../core/reading.js";
import { toSpans, type Range } from "./evidence.js";
import { positiveHits, type FuseInput } from "./fuse-input.js";

type Severity = ComplaintReading["severity"];

/**
 * Complaint and its severity (0 none, 1 no explicit reproach, 2 disapproval, 3 accusation,
 * 4 blame). Reproach cues set the floor; a reported problem with a negative tone is at least 1; the
 * model's severity head can raise it. The evidence is the reproach, else the problem reported.
 *
 * @example
 * fuseComplaint(input, sentiment, causes); // {is: true, severity: 3, evidence: [...]}
 */
export function fuseComplaint(input: FuseInput, sentiment: Reading["sentiment"], causes: CauseReading[]): ComplaintReading {
  const reproach = positiveHits(input, "complaint");
  let severity = Math.max(0, ...reproach.map((h) => Number(h.cue.label))) as number;
  let ranges: Range[] = reproach.filter((h) => Number(h.cue.label) === severity).map((h) => ({ start: h.start, end: h.end }));

  const problems = causes.filter((c) => c.polarity === "negative");
  const m = input.model?.complaint;
  const modelSays = m !== undefined && m.probability >= 0.5;
  if (severity === 0 && sentiment.label === "negative" && (problems.length > 0 || modelSays)) severity = 1;
  if (m?.severity && modelSays) {
    const modelSeverity = m.severity.indexOf(Math.max(...m.severity));
    if (modelSeverity > severity) severity = modelSeverity;
  }
  if (severity > 0 && ranges.length === 0) {
    ranges = problems.flatMap((c) => c.evidence);
    if (ranges.length === 0 && input.model) ranges = input.model.evidence("complaint", "complaint");
    if (ranges.length === 0) ranges = sentiment.evidence;
  }
  const evidence = severity > 0 ? toSpans(input.text, ranges) : [];
  if (evidence.length === 0) severity = 0;
  return { is: severity > 0, severity: Math.min(4, severity) as Severity, evidence };
}
