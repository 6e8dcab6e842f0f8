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
import { monthEnd, monthOf } from "../../core/months.js";
import { employeeView, MIN_GROUP, pickTeams } from "../../insights/employee-view.js";
import {
  releasedMonths,
  storeReleases,
  trustedEmployeeRows,
  unreadEmployeeTimes,
  type EmployeeMonth,
} from "../../store/employee-releases.js";
import { nowOf, type AppDeps } from "../app-deps.js";
import { defineRoute } from "../route.js";
import { idList } from "../schemas.js";
import { listTeams } from "../../store/teams.js";

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe("YYYY-MM (UTC)");
const EmployeeQuery = z.object({ from_month: month.optional(), to_month: month.optional(), team: idList.optional() }).strict();

const MAX_MONTHS = 24;

const EmployeeCellOut = z
  .object({
    team: z
      .union([z.object({ id: z.number().nullable(), name: z.string() }), z.literal("other")])
      .describe("A team, or the pool of teams too small to show on their own."),
    pooled_teams: z.array(z.string()).describe("Names of the teams pooled into other (empty for a team cell)."),
    respondents: z.number(),
    messages: z.number(),
    sentiment: z.object({ positive: z.number(), neutral: z.number(), negative: z.number(), mean_score: z.number() }),
    emotions: z.array(z.object({ label: z.string(), count: z.number() })),
    themes: z.array(z.object({ label: z.string(), positive: z.number(), negative: z.number() })),
    workplace: z
      .array(
        z.object({
          label: z.string().describe("workload_staffing, tools, pay, recognition, policy or management"),
          positive: z.number(),
          negative: z.number(),
        }),
      )
      .optional()
      .describe(
        "Respondents per workplace cause (Reading.workplace) and polarity, inside this cell only (at least k respondents); absent in months released before pipeline 1.3.0.",
      ),
  })
  .meta({ id: "EmployeeCell" });

/** The answer of GET /insights/employee. */
export const EmployeeViewOut = z
  .object({
    k: z.number().describe("Smallest group released."),
    pending_months: z.array(z.string()).describe("Closed months still being read (YYYY-MM), released once read."),
    months: z.array(z.object({ month: z.string(), suppressed: z.boolean(), cells: z.array(EmployeeCellOut) })),
  })
  .meta({ id: "EmployeeView" });

function monthStart(m: string): number {
  return Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1);
}

/** Every month that starts in [from, to), as YYYY-MM. */
function monthsIn(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = from; t < to; t = monthEnd(t)) out.push(monthOf(t));
  return out;
}

/**
 * The closed months of [from, to): those released before, as stored, and those releasable now
 * (closed, every trusted message read), released here. Months still being read are `pending`.
 */
async function closedMonths(
  deps: AppDeps,
  workspaceId: number,
  from: number,
  to: number,
  now: number,
): Promise<{ released: Map<string, EmployeeMonth>; pending: string[] }> {
  const db = deps.store.db;
  const months = monthsIn(from, to).filter((m) => monthEnd(monthStart(m)) <= now);
  const released = await releasedMonths(db, workspaceId, months);
  const open = months.filter((m) => !released.has(m));
  if (open.length === 0) return { released, pending: [] };
  const lo = monthStart(open[0]!);
  const hi = monthEnd(monthStart(open.at(-1)!));
  const unread = new Set((await unreadEmployeeTimes(db, workspaceId, lo, hi)).map(monthOf));
  const wanted = new Set(open.filter((m) => !unread.has(m)));
  const rows = (await trustedEmployeeRows(db, workspaceId, lo, hi)).filter((r) => wanted.has(monthOf(r.sentAt)));
  const teams = await listTeams(db, workspaceId);
  const fresh = employeeView(rows, { k: MIN_GROUP, now, teamNames: new Map(teams.map((t) => [t.id, t.name])) }).months;
  await storeReleases(db, workspaceId, fresh, now);
  for (const [m, v] of await releasedMonths(
    db,
    workspaceId,
    fresh.map((f) => f.month),
  ))
    released.set(m, v);
  return { released, pending: open.filter((m) => unread.has(m)) };
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
    responses: { 200: { description: "Released cells; months under the threshold are marked suppressed", schema: EmployeeViewOut } },
    async handler({ c, query: q, principal, deps }) {
      const now = nowOf(deps);
      const to = q.to_month ? Date.UTC(Number(q.to_month.slice(0, 4)), Number(q.to_month.slice(5, 7)), 1) : now;
      const from = q.from_month
        ? monthStart(q.from_month)
        : Date.UTC(new Date(to - 1).getUTCFullYear(), new Date(to - 1).getUTCMonth() - 11, 1);
      if (from >= to || to - from > MAX_MONTHS * 31 * 86_400_000)
        throw new AttuneError("input.invalid_value", { field: "from_month", expected: `at most ${MAX_MONTHS} months before to_month` });
      const { released, pending } = await closedMonths(deps, principal.workspaceId, from, to, now);
      const view = {
        k: MIN_GROUP,
        months: [...released.values()].sort((a, b) => (a.month < b.month ? -1 : 1)).map((m) => pickTeams(m, q.team)),
      };
      return c.json({
        k: view.k,
        pending_months: pending,
        months: view.months.map((m) => ({
          month: m.month,
          suppressed: m.suppressed,
          cells: m.cells.map((cell) => ({
            team: cell.team,
            pooled_teams: cell.pooledTeams,
            respondents: cell.respondents,
            messages: cell.messages,
            sentiment: {
              positive: cell.sentiment.positive,
              neutral: cell.sentiment.neutral,
              negative: cell.sentiment.negative,
              mean_score: cell.sentiment.meanScore,
            },
            emotions: cell.emotions,
            themes: cell.themes,
            ...(cell.workplace ? { workplace: cell.workplace } : {}),
          })),
        })),
      });
    },
  }),
];
