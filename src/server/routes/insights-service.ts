/**
 * Service insights: how fast cases are answered and resolved (business time), how often the SLA is
 * met, how the backlog moves, how often resolved cases reopen and how often customers recover.
 *
 * @example
 * curl -s "localhost:3000/api/v1/insights/service?by=team&from=2026-03-01&to=2026-04-01" -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { DEFAULT_CASE_RULES } from "../../cases/case-rules.js";
import { systemClock } from "../../cases/clock.js";
import { serviceMetrics } from "../../insights/service-metrics.js";
import { defineRoute } from "../route.js";
import { iso } from "../schemas.js";
import { insightFilter, insightSlices } from "./insights-surveys.js";

const Duration = (what: string) =>
  z.object({
    n: z.number().describe(`Cases whose ${what} clock stopped.`),
    median: z.number().nullable().describe("Median, in business minutes of the case's team calendar; waiting on the customer excluded."),
    p90: z.number().nullable().describe("90th percentile (linear interpolation, type 7), business minutes."),
    sla_met: z.number().nullable().describe("Share (0..1) of decided clocks (stopped, or late while running) that met the target."),
  });

const Figures = z
  .object({
    cases: z.number().describe("Cases opened in the window (at the customer's message that opened them, as the SLA clocks count)."),
    first_response: Duration("first-response"),
    resolution: Duration("resolution"),
    resolved: z.number().describe("Cases resolved at least once."),
    reopened: z.number().describe("Resolved cases that went back into work (the customer wrote again, or an agent reopened them)."),
    reopen_rate: z.number().nullable().describe("reopened / resolved."),
    judged: z.number().describe("Resolved cases whose customer wrote again, so recovery is known."),
    recovered: z.number().describe("Of those, cases whose customer's sentiment improved."),
    recovery_rate: z.number().nullable().describe("recovered / judged."),
  })
  .meta({ id: "ServiceFigures" });

/** GET /insights/service. */
export const serviceInsightRoutes = [
  defineRoute({
    method: "get",
    path: "/insights/service",
    summary: "First response and resolution time (median, p90, business time), SLA met, backlog per day, reopen and recovery rates",
    description:
      "Over cases opened in the window, in total and per priority, team (key: team id) or channel. The backlog counts cases open at the end of each UTC day of a window of at most 366 days (null otherwise).",
    tags: ["insights"],
    scope: "insights:read",
    query: z.object({ by: z.enum(["priority", "team", "channel"]).default("priority"), ...insightSlices }).strict(),
    cost: 2,
    responses: {
      200: {
        description: "The window's service figures",
        schema: z.object({
          window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
          by: z.string(),
          total: Figures,
          items: z.array(Figures.extend({ key: z.string(), name: z.string().nullable().optional() })),
          backlog: z.array(z.object({ day: z.string(), open: z.number() })).nullable(),
        }),
      },
    },
    async handler({ c, query: q, principal, deps }) {
      const rules = deps.cases?.ctx.rules ?? DEFAULT_CASE_RULES;
      const now = (deps.clock ?? systemClock).now();
      const m = await serviceMetrics(deps.store, rules, insightFilter(principal.workspaceId, q), q.by, now);
      return c.json({ window: { from: iso(q.from), to: iso(q.to) }, by: q.by, ...m });
    },
  }),
];
