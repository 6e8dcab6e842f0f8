/**
 * The dashboard's overview in one answer (volume and sentiment per day, emotion mix, causes by
 * polarity, channel and language, urgency bands), with a team filter, and the list of teams for
 * the filter. Employee feedback counts only for roles that may read it.
 *
 * @example
 * curl -s "localhost:3000/api/v1/insights/overview?from=2026-01-01&channel=chat,email&team=2" -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { refuseEmployeeDirection } from "../../insights/employee-guard.js";
import { newestSentAt, overview, type Overview, type OverviewFilter } from "../../insights/overview.js";
import { windowScores } from "../../insights/survey-insights.js";
import type { Store } from "../../store/open-store.js";
import { defineRoute } from "../route.js";
import { insightFilter, ScoresOut } from "./insights-surveys.js";
import { aggregateWindow, idList, iso } from "../schemas.js";
import { listTeams } from "../../store/teams.js";

const DAY = 86_400_000;

const OverviewQuery = z
  .object({
    ...aggregateWindow,
    team: idList.optional().describe("Team ids, comma separated."),
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(3660)
      .optional()
      .describe("Instead of from/to: the N UTC days ending with the day of the newest message."),
  })
  .strict();

const Split = { total: z.number(), positive: z.number(), neutral: z.number(), negative: z.number() };
/** The answer's part that `overview()` computes: the schema of insights' `Overview` (checked below). */
const OverviewShape = z.object({
  total: z.number(),
  days: z.array(z.object({ day: z.string(), ...Split })),
  emotions: z.array(z.object({ emotion: z.string(), count: z.number() })),
  causes: z.array(z.object({ cause: z.string(), polarity: z.string(), channel: z.string(), language: z.string(), count: z.number() })),
  urgency: z.array(z.object({ band: z.number(), count: z.number() })),
});
// The schema and the engine's type must be one shape: a field added to one and not the other
// fails the type check here (the dashboard's types come from the schema, web/src/api/types.ts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const overviewShapeAgrees: Same<z.output<typeof OverviewShape>, Overview> = true;
void overviewShapeAgrees;
const Figures = OverviewShape.extend({
  window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  scores: ScoresOut.describe("NPS, CSAT and CES of the window's customer survey answers, with 95% intervals."),
});
const OverviewOut = Figures.extend({
  previous: Figures.nullable().describe("The same figures for the window of equal length just before (null without both ends)."),
});

/** The overview's figures and survey scores for one window. */
async function figures(store: Store, f: OverviewFilter) {
  const window = { from: iso(f.from), to: iso(f.to) };
  const [o, scores] = await Promise.all([
    overview(store, f),
    windowScores(
      store,
      insightFilter(f.workspaceId, { from: f.from, to: f.to, channel: f.channels, language: f.languages, team: f.teams }),
    ),
  ]);
  return { window, ...o, scores };
}

/** GET /insights/overview and GET /teams. @example API_ROUTES.push(...insightRoutes) */
export const insightRoutes = [
  defineRoute({
    method: "get",
    path: "/insights/overview",
    summary: "The dashboard overview: volume, sentiment, emotions, causes, urgency",
    tags: ["insights"],
    scope: "insights:read",
    query: OverviewQuery,
    cost: 4,
    responses: { 200: { description: "The overview", schema: OverviewOut } },
    async handler({ c, query: q, principal, deps }) {
      // Employee feedback is seen only through /insights/employee, with its anonymity threshold.
      refuseEmployeeDirection(q.direction);
      const includeEmployee = false;
      let { from, to } = q;
      if (q.days !== undefined) {
        // One round trip for the dashboard's first view: the window is anchored on the newest message.
        const newest = await newestSentAt(deps.store, principal.workspaceId, includeEmployee);
        to = (Math.floor((newest ?? Date.now()) / DAY) + 1) * DAY;
        from = to - q.days * DAY;
      }
      const f: OverviewFilter = {
        workspaceId: principal.workspaceId,
        includeEmployee,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(q.channel ? { channels: q.channel } : {}),
        ...(q.language ? { languages: q.language } : {}),
        ...(q.direction ? { directions: q.direction } : {}),
        ...(q.team ? { teams: q.team } : {}),
      };
      const now = figures(deps.store, f);
      // Period comparison: the window of equal length that ends where this one starts.
      const before = from !== undefined && to !== undefined ? figures(deps.store, { ...f, from: 2 * from - to, to: from }) : null;
      return c.json({ ...(await now), previous: await before });
    },
  }),
  defineRoute({
    method: "get",
    path: "/teams",
    summary: "Teams of the workspace (for filters)",
    tags: ["insights"],
    scope: "messages:read",
    responses: { 200: { description: "Teams", schema: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }) } },
    async handler({ c, principal, deps }) {
      const items = await listTeams(deps.store.db, principal.workspaceId);
      return c.json({ items });
    },
  }),
];
