/**
 * Survey insights: NPS, CSAT and CES with 95% intervals for a window and as trends, and the driver
 * analysis (which causes move a metric, by how much, adjusted for the others). Customer answers
 * only: employee feedback has its own anonymous view.
 *
 * @example
 * curl -s "localhost:3000/api/v1/insights/drivers?metric=nps&from=2026-01-01&to=2026-04-01" -H "authorization: Bearer $KEY"
 * curl -s "localhost:3000/api/v1/insights/scores?by=week&from=2026-01-01" -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { surveyDrivers, scoreTrend, windowScores } from "../../insights/survey-insights.js";
import type { InsightFilter } from "../../store/insights-surveys.js";
import { CHANNELS } from "../../core/labels.js";
import { defineRoute } from "../route.js";
import { codeList, idList, iso, listOf, timeParam } from "../schemas.js";

/** The overview's slices without direction (these insights are about customers). */
export const insightSlices = {
  from: timeParam.optional(),
  to: timeParam.optional(),
  channel: listOf(CHANNELS).optional(),
  language: codeList.optional(),
  team: idList.optional().describe("Team ids, comma separated."),
};

/** The query's slices as the store's filter. */
export function insightFilter(
  workspaceId: number,
  q: {
    from?: number | undefined;
    to?: number | undefined;
    channel?: string[] | undefined;
    language?: string[] | undefined;
    team?: number[] | undefined;
  },
): InsightFilter {
  return {
    workspaceId,
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
    ...(q.channel ? { channels: q.channel } : {}),
    ...(q.language ? { languages: q.language } : {}),
    ...(q.team ? { teams: q.team } : {}),
  };
}

const Stat = z
  .object({
    n: z.number().describe("Answers."),
    value: z.number().nullable().describe("NPS in points (-100..100), CSAT in percent of 4-5 answers, CES as the mean score (1..7)."),
    ci_low: z
      .number()
      .nullable()
      .describe("95% interval: NPS from the promoter/passive/detractor multinomial, CSAT Wilson, CES Student's t."),
    ci_high: z.number().nullable(),
  })
  .meta({ id: "ScoreStat" });

export const ScoresOut = z.object({ nps: Stat, csat: Stat, ces: Stat }).meta({ id: "Scores" });

const METRIC = z.enum(["nps", "csat", "ces"]);

const DriversOut = z.object({
  metric: METRIC,
  n: z.number().describe("Answers of this kind in the window whose message is read."),
  mean: z.number().nullable().describe("The metric over those answers, in its points."),
  drivers: z.array(
    z.object({
      cause: z.string(),
      polarity: z.string(),
      n: z.number().describe("Answers whose message has this cause with this polarity."),
      effect: z.number().describe("Change of the metric, in its points, when the cause is present, the other causes held fixed."),
      ci_low: z.number().describe("95% interval (ridge estimate with a heteroscedasticity-robust HC1 sandwich covariance)."),
      ci_high: z.number(),
    }),
  ),
  left_out: z.number().describe("Cause and polarity pairs with fewer than 30 answers, left out of the model."),
});

/** GET /insights/drivers and GET /insights/scores. */
export const surveyInsightRoutes = [
  defineRoute({
    method: "get",
    path: "/insights/drivers",
    summary: "What moves NPS, CSAT or CES: effect of each cause and polarity, adjusted for the others, with 95% intervals",
    description:
      "Each answer's value (NPS: promoter +100, passive 0, detractor -100; CSAT: 100 for 4-5, else 0; CES: the score) is regressed on one indicator per cause and polarity in the Reading of the message carrying it (ridge, penalty 1, unpenalised intercept). Sorted by |effect|.",
    tags: ["insights"],
    scope: "insights:read",
    query: z.object({ metric: METRIC.default("nps"), ...insightSlices }).strict(),
    cost: 4,
    responses: { 200: { description: "The driver model", schema: DriversOut } },
    async handler({ c, query: q, principal, deps }) {
      return c.json(await surveyDrivers(deps.store, insightFilter(principal.workspaceId, q), q.metric));
    },
  }),
  defineRoute({
    method: "get",
    path: "/insights/scores",
    summary: "NPS, CSAT and CES with 95% intervals, per day, week (starting Monday), channel, team or language",
    tags: ["insights"],
    scope: "insights:read",
    query: z.object({ by: z.enum(["day", "week", "channel", "team", "language"]).default("week"), ...insightSlices }).strict(),
    cost: 2,
    responses: {
      200: {
        description: "The window's scores and one row per bucket (key: a date for day and week, else the channel, team id or language)",
        schema: z.object({
          window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
          by: z.string(),
          total: ScoresOut,
          items: z.array(ScoresOut.extend({ key: z.string() })),
        }),
      },
    },
    async handler({ c, query: q, principal, deps }) {
      const f = insightFilter(principal.workspaceId, q);
      const [total, items] = await Promise.all([windowScores(deps.store, f), scoreTrend(deps.store, f, q.by)]);
      return c.json({ window: { from: iso(q.from), to: iso(q.to) }, by: q.by, total, items });
    },
  }),
];
