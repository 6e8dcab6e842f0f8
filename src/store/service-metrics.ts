/**
 * The rows service metrics are computed from: cases opened in a window (with their team's name,
 * their SLA clocks and whether they were ever reopened), and the open/resolve instants of the
 * cases that overlap the window, for the backlog per day.
 *
 * @example
 * const rows = await serviceCases(store.db, { workspaceId: 1, from, to });
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { InsightFilter } from "./insights-surveys.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database>;
type Eb = ExpressionBuilder<Database & { c: Database["cases"] }, "c">;

/** One case opened in the window, with what the metrics need. */
export interface ServiceCaseRow {
  id: number;
  priority: number;
  team_id: number | null;
  team: string | null;
  channel: string;
  resolved_at: number | null;
  recovered: number | null;
  /** 1 when it went from resolved back into work at least once. */
  reopened: number;
}

/** The filter's slices other than time (channel, language, team) on cases. */
function sliceWhere(f: InsightFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const parts = [eb("c.workspace_id", "=", f.workspaceId)];
    if (f.channels?.length) parts.push(eb("c.channel", "in", f.channels));
    if (f.languages?.length) parts.push(eb("c.language", "in", f.languages));
    if (f.teams?.length) parts.push(eb("c.team_id", "in", f.teams));
    return eb.and(parts);
  };
}

/** Cases opened in [from, to) matching the slices. */
export async function serviceCases(db: Db, f: InsightFilter): Promise<ServiceCaseRow[]> {
  let q = db
    .selectFrom("cases as c")
    .leftJoin("teams as t", "t.id", "c.team_id")
    .select([
      "c.id",
      "c.priority",
      "c.team_id",
      "t.name as team",
      "c.channel",
      "c.resolved_at",
      "c.recovered",
      // Counted by the case's writers on the move from resolved back into work (migration 018).
      sql<number>`case when c.reopens > 0 then 1 else 0 end`.as("reopened"),
    ])
    .where(sliceWhere(f));
  if (f.from !== undefined) q = q.where("c.opened_at", ">=", f.from);
  if (f.to !== undefined) q = q.where("c.opened_at", "<", f.to);
  const rows = await q.orderBy("c.id").execute();
  return rows.map((r) => ({ ...r, reopened: Number(r.reopened), recovered: r.recovered === null ? null : Number(r.recovered) }));
}

/** Open and end instants (resolved or closed, else null) of cases opened before `to` and not ended before `from`. */
export async function backlogSpans(db: Db, f: InsightFilter & { from: number; to: number }) {
  const end = sql<number | null>`coalesce(c.resolved_at, c.closed_at)`;
  return db
    .selectFrom("cases as c")
    .select(["c.opened_at", end.as("ended_at")])
    .where(sliceWhere(f))
    .where("c.opened_at", "<", f.to)
    .where((eb) => eb.or([eb(end, "is", null), eb(end, ">=", f.from)]))
    .execute();
}
