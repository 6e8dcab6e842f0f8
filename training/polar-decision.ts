/**
 * Neutral from a polarity head (issue 12, LOSO lever): a two-class head trained on positive and
 * negative rows only says which way a message leans; neutral is read where that lean is weak, or
 * (rule `three-neutral+polar-margin`) where the three-class head already says neutral. The margin
 * threshold is chosen nested: for each held-out set, on the other sets' LOSO rows only.
 *
 * @example
 * const { groups, chosen } = chooseNested(bySet, "polar-margin", objective);
 */
import { PLAIN_DECISION } from "../src/analysis/model/sentiment-decision.js";
import { scoreGroups, type GroupScore, type ScoredRow } from "./loso.js";

export type PolarRule = "polar-margin" | "three-neutral+polar-margin" | "three-neutral+no-cue-margin";

/** A LOSO row with the number of polar lexicon cues in its message (cue-features.ts "pol" hits). */
export type CuedRow = ScoredRow & { cues?: number };

/** Per held-out set: the three-class head's LOSO logits and the polarity head's, row-aligned. */
export type PolarBySet = ReadonlyMap<string, { three: readonly CuedRow[]; polar: readonly ScoredRow[] }>;

/** Margin thresholds tried: |P(positive) - P(negative)| under the polarity head. */
export const MARGINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

/** Label of one row under a rule: 0 positive, 1 neutral, 2 negative. */
export function polarLabel(three: ArrayLike<number>, polar: ArrayLike<number>, rule: PolarRule, margin: number, cues = 0): number {
  const p = 1 / (1 + Math.exp(polar[1]! - polar[0]!));
  // Without a polar cue the message's lean rests on n-grams alone: weak evidence unless the lean is clear.
  const weak = rule === "three-neutral+no-cue-margin" ? cues === 0 && Math.abs(2 * p - 1) < margin : Math.abs(2 * p - 1) < margin;
  if (weak) return 1;
  if (rule !== "polar-margin" && three[1]! > three[0]! && three[1]! > three[2]!) return 1;
  return p >= 0.5 ? 0 : 2;
}

/** Rows relabelled by the rule as one-hot logits, so scoreGroups (argmax) scores them. */
function relabel(bySet: PolarBySet, sets: Iterable<string>, rule: PolarRule, margin: number): ScoredRow[] {
  const out: ScoredRow[] = [];
  for (const set of sets) {
    const { three, polar } = bySet.get(set)!;
    three.forEach((t, i) => {
      const z = new Float64Array(3);
      z[polarLabel(t.z, polar[i]!.z, rule, margin, t.cues)] = 1;
      out.push({ ...t, z });
    });
  }
  return out;
}

/** Every set scored with one fixed margin. */
export function polarDecision(bySet: PolarBySet, rule: PolarRule, margin: number): GroupScore[] {
  return scoreGroups(relabel(bySet, bySet.keys(), rule, margin), PLAIN_DECISION);
}

/** Each set scored with the margin that maximises `objective` on the other sets. */
export function chooseNested(
  bySet: PolarBySet,
  rule: PolarRule,
  objective: (groups: GroupScore[]) => number,
): { groups: GroupScore[]; chosen: number[] } {
  const groups: GroupScore[] = [];
  const chosen: number[] = [];
  for (const held of bySet.keys()) {
    const others = [...bySet.keys()].filter((s) => s !== held);
    let best = MARGINS[0]!;
    let bestScore = -Infinity;
    for (const m of MARGINS) {
      const s = objective(scoreGroups(relabel(bySet, others, rule, m), PLAIN_DECISION));
      if (s > bestScore + 1e-9) {
        bestScore = s;
        best = m;
      }
    }
    chosen.push(best);
    groups.push(...scoreGroups(relabel(bySet, [held], rule, best), PLAIN_DECISION));
  }
  return { groups: groups.sort((a, b) => `${a.set}\t${a.lang}`.localeCompare(`${b.set}\t${b.lang}`)), chosen };
}
