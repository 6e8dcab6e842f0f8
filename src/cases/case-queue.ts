/**
 * The case queue: cases in work sorted by priority, then by the earliest SLA due time, filterable by
 * status, priority, team, assignee and channel, paged by a keyset cursor (priority, due, id); the
 * query is store/case-queue.ts.
 *
 * @example
 * const page = await listQueue(store, { workspaceId: 1, priorities: [1, 2], limit: 50 });
 */
import { activeCountsByPriority, queueRows, type QueueQuery } from "../store/case-queue.js";
import type { Store } from "../store/open-store.js";
import { isActive } from "./case-lifecycle.js";
import { type CaseRow, type CaseStatus } from "../store/schema.js";

/** What the queue is filtered by (see QueueQuery); statuses default to new, open and waiting. */
export interface QueueFilter extends Omit<QueueQuery, "statuses" | "onlyActive"> {
  statuses?: CaseStatus[];
}

export interface QueuePage {
  items: CaseRow[];
  next: { priority: number; due: number; id: number } | null;
}

/** One page of the queue, with the cursor of the next (null on the last page). */
export async function listQueue(store: Pick<Store, "db">, f: QueueFilter): Promise<QueuePage> {
  const statuses = f.statuses ?? ["new", "open", "waiting"];
  const rows = await queueRows(store.db, { ...f, statuses, onlyActive: statuses.every(isActive), limit: f.limit + 1 });
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > f.limit && last ? { priority: last.priority, due: last.sort_due, id: last.id } : null };
}

/** Cases in work per priority (the queue's header). */
export async function queueCounts(store: Pick<Store, "db">, workspaceId: number): Promise<Record<string, number>> {
  const counts = await activeCountsByPriority(store.db, workspaceId);
  const out: Record<string, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  for (const [priority, n] of counts) out[`P${priority}`] = n;
  return out;
}
