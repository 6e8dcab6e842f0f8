/**
 * Survey insights over the store: NPS, CSAT and CES with their intervals for a window or per
 * bucket (day, week, channel, team, language), and the driver model of one metric. The store
 * counts; the math lives in `survey-stats.ts` and `drivers.ts`.
 *
 * @example
 * const s = await windowScores(store, { workspaceId: 1, from, to });
 * s.nps; // { n: 412, value: 18.5, ci_low: 11.2, ci_high: 25.8 }
 */
import { answersByCauseSet, surveyScoreCounts, type InsightFilter, type ScoreBucket } from "../store/insights-surveys.js";
import type { Store } from "../store/open-store.js";
import { driverAnalysis, type DriverAnalysis, type DriverOptions } from "./drivers.js";
import { scoreStats, SURVEY_KINDS, type ScoreStat, type SurveyKind } from "./survey-stats.js";

export type Scores = Record<SurveyKind, ScoreStat>;

function toScores(rows: { kind: SurveyKind; score: number; count: number }[]): Scores {
  const out = {} as Scores;
  for (const k of SURVEY_KINDS)
    out[k] = scoreStats(
      k,
      rows.filter((r) => r.kind === k),
    );
  return out;
}

/** NPS, CSAT and CES over the filter's window. */
export async function windowScores(store: Pick<Store, "db" | "queries">, f: InsightFilter): Promise<Scores> {
  return toScores(await surveyScoreCounts(store, f, null));
}

/** The three scores per bucket, buckets in key order (dates ascending). */
export async function scoreTrend(
  store: Pick<Store, "db" | "queries">,
  f: InsightFilter,
  by: ScoreBucket,
): Promise<({ key: string } & Scores)[]> {
  const rows = await surveyScoreCounts(store, f, by);
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  return keys.map((key) => ({ key, ...toScores(rows.filter((r) => r.key === key)) }));
}

/** The driver model of one metric over the filter's window. */
export async function surveyDrivers(
  store: Pick<Store, "db" | "dialect" | "queries">,
  f: InsightFilter,
  metric: SurveyKind,
  o?: DriverOptions,
): Promise<DriverAnalysis> {
  return driverAnalysis(metric, await answersByCauseSet(store, f, metric), o);
}
