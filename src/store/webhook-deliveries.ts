/**
 * Deliveries of alerts to webhook subscribers: pending ones are claimed by moving their attempt
 * time (a lease), every attempt is logged, and a delivery ends delivered or failed.
 *
 * @example
 * for (const d of await dueDeliveries(store.db, now, 100)) if (await claimDelivery(store.db, d, lease)) send(d);
 */
import type { Insertable, Kysely, Updateable } from "kysely";
import type { AlertDeliveriesTable, AlertDeliveryAttemptsTable, Database } from "./schema.js";

type Db = Kysely<Database>;

/** Pending deliveries whose attempt time has come, with their target and alert. */
export async function dueDeliveries(db: Db, now: number, limit: number) {
  return db
    .selectFrom("alert_deliveries as d")
    .innerJoin("webhook_subscriptions as s", "s.id", "d.subscription_id")
    .innerJoin("alerts as a", "a.id", "d.alert_id")
    .select([
      "d.id",
      "d.attempts",
      "d.next_attempt_at",
      "s.url",
      "s.secret",
      "s.format",
      "a.id as alert_id",
      "a.kind",
      "a.severity",
      "a.case_id",
      "a.channel",
      "a.label",
      "a.summary",
      "a.details",
      "a.created_at",
      "a.acknowledged_at",
    ])
    .where("d.status", "=", "pending")
    .where("d.next_attempt_at", "<=", now)
    .orderBy("d.next_attempt_at")
    .limit(limit)
    .execute();
}

/** Leases a delivery until `until`: false when another process moved its attempt time first. */
export async function claimDelivery(db: Db, d: { id: number; next_attempt_at: number | null }, until: number): Promise<boolean> {
  const r = await db
    .updateTable("alert_deliveries")
    .set({ next_attempt_at: until })
    .where("id", "=", d.id)
    .where("next_attempt_at", "=", d.next_attempt_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Logs one attempt. */
export async function logDeliveryAttempt(db: Db, attempt: Insertable<AlertDeliveryAttemptsTable>): Promise<void> {
  await db.insertInto("alert_delivery_attempts").values(attempt).execute();
}

/** The columns an attempt's outcome changes. */
export type DeliveryUpdate = Updateable<AlertDeliveriesTable>;

/** Records the outcome of an attempt on the delivery. */
export async function updateDelivery(db: Db, id: number, set: DeliveryUpdate): Promise<void> {
  await db.updateTable("alert_deliveries").set(set).where("id", "=", id).execute();
}

/** The earliest attempt time of any pending delivery, or null. */
export async function earliestPendingDelivery(db: Db): Promise<number | null> {
  const r = await db
    .selectFrom("alert_deliveries")
    .select((eb) => eb.fn.min("next_attempt_at").as("t"))
    .where("status", "=", "pending")
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? null : Number(r.t);
}
