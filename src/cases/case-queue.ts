/**
 * The case queue: cases in work sorted by priority, then by the earliest SLA due time, filterable by
 * status, priority, team, assignee and channel, paged by a keyset cursor (priority, due, id) so page
 * 50 costs what page 1 costs. Served by the partial indexes of migration 002 (`active = 1`).
 *
 * @example
 * const page = await listQueue(store, { workspaceId: 1, priorities: [1, 2], limit: 50 });
 */
import type { Store } from "../store/open-store.js";
import { isActive } from "./case-lifecycle.js";
import { type CaseRow, type CaseStatus } from "../store/schema.js";

export interface QueueFilter {
  workspaceId: number;
  /** Default: new, open and waiting. */
  statuses?: CaseStatus[];
  priorities?: number[];
  teamId?: number;
  /** A user id, or null for unassigned. */
  assignee?: number | null;
  channels?: string[];
  breached?: boolean;
  limit: number;
  after?: { priority: number; due: number; id: number };
}

export interface QueuePage {
  items: CaseRow[];
  next: { priority: number; due: number; id: number } | null;
}

export async function listQueue(store: Pick<Store, "db">, f: QueueFilter): Promise<QueuePage> {
  const statuses = f.statuses ?? ["new", "open", "waiting"];
  const onlyActive = statuses.every(isActive);
  let q = store.db.selectFrom("cases").selectAll().where("workspace_id", "=", f.workspaceId);
  // `active = 1` lets the planner use the partial queue indexes; status narrows further.
  if (onlyActive) q = q.where("active", "=", 1);
  if (statuses.length < 5) q = q.where("status", "in", statuses);
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
  const rows = await q
    .orderBy("priority")
    .orderBy("sort_due")
    .orderBy("id")
    .limit(f.limit + 1)
    .execute();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > f.limit && last ? { priority: last.priority, due: last.sort_due, id: last.id } : null };
}

/** Cases in work per priority (the queue's header). */
export async function queueCounts(store: Pick<Store, "db">, workspaceId: number): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom("cases")
    .select(["priority", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workspace_id", "=", workspaceId)
    .where("active", "=", 1)
    .groupBy("priority")
    .execute();
  const out: Record<string, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  for (const r of rows) out[`P${r.priority}`] = Number(r.n);
  return out;
}
