/**
 * Driver analysis: which causes (with their polarity) move a survey metric, and by how much,
 * adjusted for the other causes. Each answer's value in the metric's points (see `answerValue`) is
 * regressed on one indicator per cause×polarity found in the Reading of the message carrying the
 * answer, by ridge regression with a robust (HC1) covariance (`ridge.ts`). A cause×polarity with
 * fewer than `minAnswers` answers is left out of the model and counted. Pure: the store hands in
 * answers grouped by their cause set and score.
 *
 * @example
 * const d = driverAnalysis("nps", [{ causes: ["billing:negative"], score: 2, count: 80 }, { causes: [], score: 9, count: 200 }]);
 * d.drivers[0]; // { cause: "billing", polarity: "negative", n: 80, effect: -..., ci_low, ci_high }
 */
import { ridgeFit } from "./ridge.js";
import { answerValue, type SurveyKind } from "./survey-stats.js";

/** Answers sharing one set of `cause:polarity` keys and one score. */
export interface AnswerGroup {
  causes: readonly string[];
  score: number;
  count: number;
}

export interface Driver {
  cause: string;
  polarity: string;
  /** Answers whose message has this cause with this polarity. */
  n: number;
  /** Change in the metric's points when the cause is present, the other causes held fixed. */
  effect: number;
  ci_low: number;
  ci_high: number;
}

export interface DriverAnalysis {
  metric: SurveyKind;
  n: number;
  /** The metric over all answers in points (NPS, CSAT %, CES mean); null without answers. */
  mean: number | null;
  drivers: Driver[];
  /** Cause×polarity pairs left out for having fewer than `minAnswers` answers. */
  left_out: number;
}

export interface DriverOptions {
  /** Fewest answers a cause×polarity needs to be modelled (default 30). */
  minAnswers?: number;
  /** Ridge penalty in answers' weight (default 1): splits the effect of always-together causes, shrinks a cause seen n times by about n/(n+λ). */
  lambda?: number;
}

const Z = 1.959963984540054;

/** Fits the driver model over grouped answers. */
export function driverAnalysis(metric: SurveyKind, groups: readonly AnswerGroup[], o: DriverOptions = {}): DriverAnalysis {
  const minAnswers = o.minAnswers ?? 30;
  const seen = new Map<string, number>();
  let n = 0;
  let total = 0;
  for (const g of groups) {
    n += g.count;
    total += g.count * answerValue(metric, g.score);
    for (const c of new Set(g.causes)) seen.set(c, (seen.get(c) ?? 0) + g.count);
  }
  const kept = [...seen.entries()].filter(([, count]) => count >= minAnswers).sort(([a], [b]) => a.localeCompare(b));
  const index = new Map(kept.map(([key], i) => [key, i]));
  const rows = groups.map((g) => ({
    x: [...new Set(g.causes)].map((c) => index.get(c)).filter((i): i is number => i !== undefined),
    y: answerValue(metric, g.score),
    count: g.count,
  }));
  const fit = ridgeFit(rows, kept.length, o.lambda ?? 1);
  const drivers = kept.map(([key, count], j) => {
    const cut = key.lastIndexOf(":");
    const effect = fit.beta[j]!;
    const half = Z * fit.se[j]!;
    return {
      cause: key.slice(0, cut),
      polarity: key.slice(cut + 1),
      n: count,
      effect: round(effect),
      ci_low: round(effect - half),
      ci_high: round(effect + half),
    };
  });
  drivers.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.cause.localeCompare(b.cause));
  return { metric, n, mean: n ? round(total / n) : null, drivers, left_out: seen.size - kept.length };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
