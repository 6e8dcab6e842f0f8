/**
 * The rows service metrics are computed from: cases opened in a window (with their team's name,
 * their SLA clocks and whether they were ever reopened), and the open/resolve instants of the
 * cases that overlap the window, for the backlog per day.
 *
 * A case counts as opened when its customer wrote: its first-response clock's start (the message's
 * time), not the row's `opened_at` (when triage ran). The two differ by seconds live, but by days or
 * months for imported history, whose cases the overview's window (message time) would never hold.
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

/** When the case's customer wrote: its first-response clock's start (the row's opening without one). */
const openedAt = sql<number>`coalesce((select k.started_at from case_clocks k where k.case_id = c.id and k.kind = 'first_response'), c.opened_at)`;

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
  if (f.from !== undefined) q = q.where(openedAt, ">=", f.from);
  if (f.to !== undefined) q = q.where(openedAt, "<", f.to);
  const rows = await q.orderBy("c.id").execute();
  return rows.map((r) => ({ ...r, reopened: Number(r.reopened), recovered: r.recovered === null ? null : Number(r.recovered) }));
}

/** Open and end instants (resolved or closed, else null) of cases opened before `to` and not ended before `from`. */
export async function backlogSpans(db: Db, f: InsightFilter & { from: number; to: number }) {
  const end = sql<number | null>`coalesce(c.resolved_at, c.closed_at)`;
  return db
    .selectFrom("cases as c")
    .select([openedAt.as("opened_at"), end.as("ended_at")])
    .where(sliceWhere(f))
    .where(openedAt, "<", f.to)
    .where((eb) => eb.or([eb(end, "is", null), eb(end, ">=", f.from)]))
    .execute();
}
