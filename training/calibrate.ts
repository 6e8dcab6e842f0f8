/**
 * Calibrated class priors per language for the sentiment head. The sources disagree wildly on how
 * often a message is neutral (Telugu news 3%, Czech reviews 6%, Thai social posts 50%), and real
 * customer traffic is often half neutral. After training, per language, a logit offset for positive
 * and negative (neutral fixed at 0) is chosen on the calibration slice (never on dev rows) to
 * maximise the mean macro-F1 over that language's sets, team-written customer messages included as
 * one set, with a small penalty on the size of the offset so that thin evidence moves nothing.
 *
 * @example
 * const bias = calibrateSentiment(head, calibRows); // { te: [0.25, 0, -0.5], ... }
 */
import type { FitRow } from "../src/analysis/model/fit-models.js";
import type { HeadName } from "../src/analysis/model/heads.js";
import { macroF1 } from "../src/analysis/model/metrics.js";
import { scoreHead, type TrainedHead } from "../src/analysis/model/train-linear.js";

const GRID = [-1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];
const PENALTY = 0.01;

export function calibrateSentiment(head: TrainedHead, rows: readonly FitRow[], langs: readonly string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const lang of langs) {
    const bySet = new Map<string, { z: Float64Array; y: number }[]>();
    for (const r of rows) {
      if (!r.calib || r.lang !== lang || typeof r.targets.sentiment !== "number") continue;
      const g = bySet.get(r.set) ?? [];
      g.push({ z: scoreHead(head, r), y: r.targets.sentiment });
      bySet.set(r.set, g);
    }
    const sets = [...bySet.values()].filter((g) => g.length >= 20);
    if (sets.length === 0) continue;
    const score = (dp: number, dn: number): number => {
      let sum = 0;
      for (const g of sets) {
        const gold: string[] = [];
        const pred: string[] = [];
        for (const { z, y } of g) {
          const a = [z[0]! + dp, z[1]!, z[2]! + dn];
          let arg = 0;
          for (let c = 1; c < 3; c++) if (a[c]! > a[arg]!) arg = c;
          gold.push(String(y));
          pred.push(String(arg));
        }
        sum += macroF1(gold, pred);
      }
      return sum / sets.length - PENALTY * (Math.abs(dp) + Math.abs(dn));
    };
    let best = score(0, 0);
    let bp = 0;
    let bn = 0;
    for (const dp of GRID)
      for (const dn of GRID) {
        const s = score(dp, dn);
        if (s > best + 1e-9) {
          best = s;
          bp = dp;
          bn = dn;
        }
      }
    out[lang] = [bp, 0, bn];
  }
  return out;
}

/**
 * Per-language thresholds for a one-vs-rest label, expressed as logit offsets so the head's global
 * threshold still applies: offset = logit(global) - logit(best threshold for the language), chosen
 * on the language's calibration rows (at least 10 positives, else no offset).
 *
 * @example
 * calibrateLabelPerLanguage(complaintHead, rows, "complaint", 0, 0.57, ["en", "cs"]); // { en: [0.6] }
 */
export function calibrateLabelPerLanguage(
  head: TrainedHead,
  rows: readonly FitRow[],
  name: HeadName,
  label: number,
  global: number,
  langs: readonly string[],
): Record<string, number[]> {
  const logit = (p: number): number => Math.log(p / (1 - p));
  const out: Record<string, number[]> = {};
  for (const lang of langs) {
    const pairs: [number, number][] = [];
    for (const r of rows) {
      const t = r.targets[name];
      if (!r.calib || r.lang !== lang || !(t instanceof Int8Array) || t[label]! < 0) continue;
      pairs.push([1 / (1 + Math.exp(-scoreHead(head, r)[label]!)), t[label]!]);
    }
    const positives = pairs.filter((p) => p[1] === 1).length;
    if (positives < 10) continue;
    pairs.sort((a, b) => b[0] - a[0]);
    let tp = 0;
    let best = 0;
    let bestT = global;
    for (let i = 0; i < pairs.length; i++) {
      if (pairs[i]![1] === 1) tp++;
      const f1 = (2 * tp) / (i + 1 + positives);
      const next = pairs[i + 1]?.[0] ?? 0;
      if (f1 > best && pairs[i]![0] !== next) {
        best = f1;
        bestT = (pairs[i]![0] + next) / 2;
      }
    }
    bestT = Math.min(0.9, Math.max(0.1, bestT));
    const k = head.k;
    const offsets = new Array<number>(k).fill(0);
    offsets[label] = logit(global) - logit(bestT);
    out[lang] = offsets;
  }
  return out;
}
