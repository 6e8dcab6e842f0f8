/**
 * Alerts as people read them: a filtered page, newest first, and acknowledging one. Raising alerts
 * and queueing their deliveries is the case engine's (src/cases/alerts.ts).
 *
 * @example
 * const rows = await listAlerts(store.db, { workspaceId: 1, kinds: ["sla_breach"], limit: 51 });
 */
import type { Kysely } from "kysely";
import type { AlertRow, Database } from "./schema.js";

/** Which alerts a page shows. */
export interface AlertFilter {
  workspaceId: number;
  kinds?: AlertRow["kind"][] | undefined;
  since?: number | undefined;
  /** true: only unacknowledged; false: only acknowledged. */
  unacknowledged?: boolean | undefined;
  caseId?: number | undefined;
  /** Only alerts older than this id (the previous page's last). */
  before?: number | undefined;
  limit: number;
}

/** A page of alerts, newest first. */
export async function listAlerts(db: Kysely<Database>, f: AlertFilter): Promise<AlertRow[]> {
  let sel = db.selectFrom("alerts").selectAll().where("workspace_id", "=", f.workspaceId);
  if (f.kinds) sel = sel.where("kind", "in", f.kinds);
  if (f.since !== undefined) sel = sel.where("created_at", ">=", f.since);
  if (f.unacknowledged !== undefined) sel = sel.where("acknowledged_at", f.unacknowledged ? "is" : "is not", null);
  if (f.caseId !== undefined) sel = sel.where("case_id", "=", f.caseId);
  if (f.before !== undefined) sel = sel.where("id", "<", f.before);
  return sel.orderBy("id", "desc").limit(f.limit).execute();
}

/** Acknowledges an alert (the first acknowledgement's time stays); returns it, or undefined when the workspace has none such. */
export async function acknowledgeAlert(db: Kysely<Database>, workspaceId: number, id: number, now: number): Promise<AlertRow | undefined> {
  await db
    .updateTable("alerts")
    .set({ acknowledged_at: now })
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("acknowledged_at", "is", null)
    .execute();
  return db.selectFrom("alerts").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
}
