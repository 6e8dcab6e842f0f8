/**
 * Aggregates for the dashboard: messages per day and emotion, per cause and polarity, per language
 * and per channel (split by sentiment), and sentiment per day. Employee feedback counts only for
 * roles that may read it.
 *
 * @example
 * curl -s "localhost:3000/api/v1/aggregates/emotions-by-day?from=2026-01-01&channel=chat" -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { refuseEmployeeDirection } from "../../insights/employee-guard.js";
import { byChannel, byLanguage, causesByPolarity, emotionsByDay, sentimentByDay, type AggregateFilter } from "../../insights/aggregates.js";
import type { Principal } from "../auth/principal.js";
import { defineRoute } from "../route.js";
import { aggregateWindow } from "../schemas.js";

const AggQuery = z.object(aggregateWindow).strict();
type AggQuery = z.output<typeof AggQuery>;

function filterOf(q: AggQuery, p: Principal): AggregateFilter {
  refuseEmployeeDirection(q.direction);
  return {
    workspaceId: p.workspaceId,
    includeEmployee: false,
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
    ...(q.channel ? { channels: q.channel } : {}),
    ...(q.language ? { languages: q.language } : {}),
    ...(q.direction ? { directions: q.direction } : {}),
  };
}

const Split = { total: z.number(), positive: z.number(), neutral: z.number(), negative: z.number() };

function agg(
  path: string,
  summary: string,
  item: z.ZodType,
  run: typeof emotionsByDay | typeof causesByPolarity | typeof byLanguage | typeof byChannel | typeof sentimentByDay,
) {
  return defineRoute({
    method: "get",
    path,
    summary,
    tags: ["aggregates"],
    scope: "insights:read",
    query: AggQuery,
    cost: 2,
    responses: { 200: { description: "Rows", schema: z.object({ items: z.array(item) }) } },
    async handler({ c, query, principal, deps }) {
      return c.json({ items: await run(deps.store, filterOf(query, principal)) });
    },
  });
}

export const aggregateRoutes = [
  agg(
    "/aggregates/emotions-by-day",
    "Messages per UTC day and emotion",
    z.object({ day: z.string(), emotion: z.string(), count: z.number() }),
    emotionsByDay,
  ),
  agg(
    "/aggregates/causes-by-polarity",
    "Messages per cause, positive and negative",
    z.object({ cause: z.string(), positive: z.number(), negative: z.number(), total: z.number() }),
    causesByPolarity,
  ),
  agg("/aggregates/languages", "Messages per language, by sentiment", z.object({ language: z.string(), ...Split }), byLanguage),
  agg("/aggregates/channels", "Messages per channel, by sentiment", z.object({ channel: z.string(), ...Split }), byChannel),
  agg("/aggregates/sentiment-by-day", "Messages per UTC day, by sentiment", z.object({ day: z.string(), ...Split }), sentimentByDay),
];
