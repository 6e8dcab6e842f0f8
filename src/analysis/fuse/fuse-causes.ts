import { CAUSES } from "../../core/labels.js";
import type { CauseReading } from "../../core/reading.js";
import { toSpans, type Range } from "./evidence.js";
import { strength, type FuseInput } from "./fuse-input.js";
import { DEFAULT_LABEL_FUSION, round } from "./fuse-scored-labels.js";
import { modelCausePolarity } from "./cause-polarity.js";
import { noisyOr } from "./noisy-or.js";
import { findTarget } from "./find-target.js";

/**
 * Causes with their polarity: what the customer praises or complains about. A negated cue flips
 * ("not friendly" is a staff problem). When the model alone sees a cause, the message's sentiment
 * decides whether it is praise or a problem.
 *
 * @example
 * fuseCauses(input); // [{label: "delivery_or_wait", polarity: "negative", score: 0.8, evidence, target: "my order"}]
 */
export function fuseCauses(input: FuseInput, negativeMood: boolean): CauseReading[] {
  const out: CauseReading[] = [];
  for (const label of CAUSES) {
    const hits = input.hits.filter((h) => h.cue.kind === "cause" && h.cue.label === label);
    const byPolarity = { "+": [] as number[], "-": [] as number[] };
    const ranges = { "+": [] as Range[], "-": [] as Range[] };
    for (const h of hits) {
      const flipped = h.negated ? (h.cue.polarity === "+" ? "-" : "+") : (h.cue.polarity ?? "-");
      // A negated cue is weaker evidence of the opposite than a plain cue is of itself.
      byPolarity[flipped].push(h.negated ? strength(h) * 0.7 : strength(h));
      ranges[flipped].push({ start: h.start, end: h.end });
    }
    const neg = noisyOr(byPolarity["-"]);
    const pos = noisyOr(byPolarity["+"]);
    const modelScore = (input.model?.causes?.[label] ?? 0) * DEFAULT_LABEL_FUSION.modelWeight;
    const cuePolarity = neg >= pos ? "-" : "+";
    const hasCues = neg > 0 || pos > 0;
    const score = noisyOr([Math.max(neg, pos), modelScore]);
    if (score < DEFAULT_LABEL_FUSION.threshold) continue;
    let evidenceRanges = hasCues ? ranges[cuePolarity] : [];
    if (evidenceRanges.length === 0 && input.model) evidenceRanges = input.model.evidence("causes", label);
    const evidence = toSpans(input.text, evidenceRanges);
    if (evidence.length === 0) continue;
    // The model alone names the cause: its polarity is the clauses' that hold the evidence
    // ("the cashier mocked my accent, the manager was lovely"), else the message's mood.
    const polarity = hasCues ? cuePolarity : modelCausePolarity(input, label, evidence, negativeMood);
    const reading: CauseReading = {
      label,
      polarity: polarity === "-" ? "negative" : "positive",
      score: round(score),
      evidence,
    };
    const target = findTarget(input, evidence[0]!);
    if (target !== undefined) reading.target = target;
    out.push(reading);
  }
  return out.sort((a, b) => b.score - a.score);
}
