/**
 * The people team's view of employee feedback: themes and sentiment per closed month and team,
 * released only for groups of at least 5 respondents, with small teams pooled so that no two views
 * differ by a smaller group (see src/insights/employee-view.ts). There is no per-person view, and no
 * filter besides months and teams, because every extra dimension would open a difference.
 *
 * @example
 * curl -s "localhost:3000/api/v1/insights/employee?from_month=2026-01&to_month=2026-06" -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { employeeView, MIN_GROUP, type EmployeeRow } from "../../insights/employee-view.js";
import { defineRoute } from "../route.js";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe("YYYY-MM (UTC)");
const idList = z
  .string()
  .max(400)
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[1-9]\d{0,14}$/).transform(Number)).min(1).max(50));

const EmployeeQuery = z.object({ from_month: month.optional(), to_month: month.optional(), team: idList.optional() }).strict();

const MAX_MONTHS = 24;

function monthStart(m: string): number {
  return Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1);
}

/** GET /insights/employee. @example API_ROUTES.push(...employeeInsightRoutes) */
export const employeeInsightRoutes = [
  defineRoute({
    method: "get",
    path: "/insights/employee",
    summary: "Employee feedback themes and sentiment by month and team (groups of 5 or more only)",
    tags: ["insights"],
    scope: "employee:read",
    query: EmployeeQuery,
    cost: 4,
    responses: { 200: { description: "Released cells; months under the threshold are marked suppressed" } },
    async handler({ c, query: q, principal, deps }) {
      const now = Date.now();
      const to = q.to_month ? Date.UTC(Number(q.to_month.slice(0, 4)), Number(q.to_month.slice(5, 7)), 1) : now;
      const from = q.from_month ? monthStart(q.from_month) : Date.UTC(new Date(to - 1).getUTCFullYear(), new Date(to - 1).getUTCMonth() - 11, 1);
      if (from >= to || to - from > MAX_MONTHS * 31 * 86_400_000) throw new AttuneError("input.invalid_value", { field: "from_month", expected: `at most ${MAX_MONTHS} months before to_month` });
      const db = deps.store.db;
      const rows = await db
        .selectFrom("messages as m")
        .innerJoin("readings as r", "r.message_id", "m.id")
        .select(["m.id", "m.sent_at", "m.team_id", "m.person_id", "r.sentiment", "r.sentiment_score"])
        .where("m.workspace_id", "=", principal.workspaceId)
        .where("m.direction", "=", "employee")
        .where("m.sent_at", ">=", from)
        .where("m.sent_at", "<", to)
        .execute();
      const labels = await db
        .selectFrom("reading_labels")
        .select(["message_id", "kind", "label", "polarity"])
        .where("workspace_id", "=", principal.workspaceId)
        .where("direction", "=", "employee")
        .where("kind", "in", ["emotion", "cause"])
        .where("sent_at", ">=", from)
        .where("sent_at", "<", to)
        .execute();
      const byMessage = new Map<number, EmployeeRow>();
      for (const r of rows) {
        byMessage.set(r.id, { sentAt: Number(r.sent_at), teamId: r.team_id, personId: r.person_id, sentiment: r.sentiment, sentimentScore: r.sentiment_score, emotions: [], causes: [] });
      }
      for (const l of labels) {
        const row = byMessage.get(l.message_id);
        if (!row) continue;
        if (l.kind === "emotion") row.emotions.push(l.label);
        else row.causes.push({ label: l.label, polarity: l.polarity });
      }
      const teams = await db.selectFrom("teams").select(["id", "name"]).where("workspace_id", "=", principal.workspaceId).execute();
      const view = employeeView([...byMessage.values()], { k: MIN_GROUP, now, teamNames: new Map(teams.map((t) => [t.id, t.name])), ...(q.team ? { teams: q.team } : {}) });
      return c.json({
        k: view.k,
        months: view.months.map((m) => ({
          month: m.month,
          suppressed: m.suppressed,
          cells: m.cells.map((cell) => ({
            team: cell.team,
            pooled_teams: cell.pooledTeams,
            respondents: cell.respondents,
            messages: cell.messages,
            sentiment: { positive: cell.sentiment.positive, neutral: cell.sentiment.neutral, negative: cell.sentiment.negative, mean_score: cell.sentiment.meanScore },
            emotions: cell.emotions,
            themes: cell.themes,
          })),
        })),
      });
    },
  }),
];
