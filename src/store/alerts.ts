/**
 * Alerts: stored once per (workspace, dedupe key) and queued as a pending delivery for each webhook
 * subscription that wants their kind (the rules of raising them are src/cases/alerts.ts); read as
 * people read them, a filtered page newest first, and acknowledged.
 *
 * @example
 * const id = await insertAlert(trx, { workspace_id: 1, kind: "spike", ... }); // null for a repeat
 * const rows = await listAlerts(store.db, { workspaceId: 1, kinds: ["sla_breach"], limit: 51 });
 */
import type { Insertable, Kysely } from "kysely";
import type { AlertRow, AlertsTable, Database } from "./schema.js";

type Db = Kysely<Database>;

/** Stores an alert unless its dedupe key exists; returns the new id, or null for a repeat. */
export async function insertAlert(db: Db, alert: Insertable<AlertsTable>): Promise<number | null> {
  const inserted = await db
    .insertInto("alerts")
    .values(alert)
    .onConflict((oc) => oc.columns(["workspace_id", "dedupe_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** The workspace's active subscriptions with the alert kinds each wants ("*" or space-separated). */
export async function activeSubscriptions(db: Db, workspaceId: number): Promise<{ id: number; kinds: string }[]> {
  return db
    .selectFrom("webhook_subscriptions")
    .select(["id", "kinds"])
    .where("workspace_id", "=", workspaceId)
    .where("active", "=", 1)
    .execute();
}

/** Queues a pending delivery of an alert to each subscription, due at `now`. */
export async function queueDeliveries(db: Db, alertId: number, subscriptionIds: readonly number[], now: number): Promise<void> {
  if (!subscriptionIds.length) return;
  await db
    .insertInto("alert_deliveries")
    .values(
      subscriptionIds.map((id) => ({
        alert_id: alertId,
        subscription_id: id,
        status: "pending" as const,
        attempts: 0,
        next_attempt_at: now,
        last_status_code: null,
        last_error: null,
        created_at: now,
        delivered_at: null,
      })),
    )
    .execute();
}

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
