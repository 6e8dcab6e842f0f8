/**
 * The case queue's query: cases sorted by priority, then the earliest SLA due time, then id, paged
 * by a keyset cursor (priority, due, id) so page 50 costs what page 1 costs. Served by the partial
 * indexes of migration 002 (`active = 1`).
 *
 * @example
 * const rows = await queueRows(store.db, { workspaceId: 1, statuses: ["new", "open"], onlyActive: true, limit: 51 });
 */
import type { Kysely } from "kysely";
import type { CaseRow, CaseStatus, Database } from "./schema.js";

export interface QueueQuery {
  workspaceId: number;
  statuses: CaseStatus[];
  /** Every status asked for is in work: lets the planner use the partial queue indexes. */
  onlyActive: boolean;
  priorities?: number[];
  teamId?: number;
  /** A user id, or null for unassigned. */
  assignee?: number | null;
  channels?: string[];
  breached?: boolean;
  limit: number;
  after?: { priority: number; due: number; id: number };
}

/** Up to `limit` cases of the queue after the cursor. */
export async function queueRows(db: Kysely<Database>, f: QueueQuery): Promise<CaseRow[]> {
  let q = db.selectFrom("cases").selectAll().where("workspace_id", "=", f.workspaceId);
  if (f.onlyActive) q = q.where("active", "=", 1);
  if (f.statuses.length < 5) q = q.where("status", "in", f.statuses);
  if (f.priorities?.length) q = q.where("priority", "in", f.priorities);
  if (f.teamId !== undefined) q = q.where("team_id", "=", f.teamId);
  if (f.assignee === null) q = q.where("assignee_user_id", "is", null);
  else if (f.assignee !== undefined) q = q.where("assignee_user_id", "=", f.assignee);
  if (f.channels?.length) q = q.where("channel", "in", f.channels);
  if (f.breached !== undefined) q = q.where("breached", "=", f.breached ? 1 : 0);
  if (f.after) {
    const a = f.after;
    q = q.where((eb) =>
      eb.or([
        eb("priority", ">", a.priority),
        eb.and([eb("priority", "=", a.priority), eb("sort_due", ">", a.due)]),
        eb.and([eb("priority", "=", a.priority), eb("sort_due", "=", a.due), eb("id", ">", a.id)]),
      ]),
    );
  }
  return q.orderBy("priority").orderBy("sort_due").orderBy("id").limit(f.limit).execute();
}

/** Cases in work per priority level. */
export async function activeCountsByPriority(db: Kysely<Database>, workspaceId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("cases")
    .select(["priority", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workspace_id", "=", workspaceId)
    .where("active", "=", 1)
    .groupBy("priority")
    .execute();
  return new Map(rows.map((r) => [r.priority, Number(r.n)]));
}
