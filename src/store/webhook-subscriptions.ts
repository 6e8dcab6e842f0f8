/**
 * Outgoing webhook subscriptions for alerts, as an admin manages them: the list, a new one (its
 * signing secret is stored, shown once by the caller), stopping one, and its delivery log. Delivering
 * is the webhook deliverer's (webhook-deliveries.ts and src/cases).
 *
 * @example
 * const sub = await createSubscription(store.db, { workspace_id: 1, url, secret, kinds: "*", active: 1, created_at: now });
 */
import type { Insertable, Kysely } from "kysely";
import type { Database, WebhookSubscriptionsTable } from "./schema.js";

const SHOWN = ["id", "url", "kinds", "active", "format", "created_at"] as const;

/** The subscriptions of a workspace, oldest first, without their secrets. */
export async function listSubscriptions(db: Kysely<Database>, workspaceId: number) {
  return db.selectFrom("webhook_subscriptions").select(SHOWN).where("workspace_id", "=", workspaceId).orderBy("id").execute();
}

/** Stores a subscription; returns it without its secret. */
export async function createSubscription(db: Kysely<Database>, values: Insertable<WebhookSubscriptionsTable>) {
  return db.insertInto("webhook_subscriptions").values(values).returning(SHOWN).executeTakeFirstOrThrow();
}

/**
 * Stops sending to a subscription: it is deactivated (its log is kept) and its pending deliveries
 * fail as "unsubscribed". False when the workspace has no such subscription.
 */
export async function deactivateSubscription(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("webhook_subscriptions")
    .set({ active: 0 })
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await db
    .updateTable("alert_deliveries")
    .set({ status: "failed", last_error: "unsubscribed", next_attempt_at: null })
    .where("subscription_id", "=", id)
    .where("status", "=", "pending")
    .execute();
  return true;
}

/**
 * A subscription's latest deliveries, newest first, each with its attempts in order; undefined
 * when the workspace has no such subscription.
 */
export async function deliveryLog(db: Kysely<Database>, workspaceId: number, id: number, limit: number) {
  const sub = await db
    .selectFrom("webhook_subscriptions")
    .select("id")
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!sub) return undefined;
  const deliveries = await db
    .selectFrom("alert_deliveries")
    .selectAll()
    .where("subscription_id", "=", id)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const attempts = deliveries.length
    ? await db
        .selectFrom("alert_delivery_attempts")
        .selectAll()
        .where(
          "delivery_id",
          "in",
          deliveries.map((d) => d.id),
        )
        .orderBy("at")
        .orderBy("id")
        .execute()
    : [];
  return { deliveries, attempts };
}
