/**
 * The helpdesk reply outbox (migration 012): queue a reply once per idempotency key, claim due
 * replies of one connector with a lease (abandoned claims included: their sender died), and record
 * the outcome with the helpdesk's id of the posted comment.
 *
 * @example
 * await enqueueHelpdeskReply(store.db, { workspace_id: 1, idempotency_key: "message-42", connector: "zendesk:acme.zendesk.com", thread_ref: "ticket:7", body: "…", is_public: 1, created_at: Date.now() });
 * const due = await claimHelpdeskReplies(store.db, "zendesk:acme.zendesk.com", Date.now(), 60_000, 20);
 */
import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, HelpdeskOutboxTable } from "./schema.js";

export type HelpdeskReply = Selectable<HelpdeskOutboxTable>;
export type NewHelpdeskReply = Omit<
  Insertable<HelpdeskOutboxTable>,
  "state" | "attempts" | "claimed_until" | "first_attempt_at" | "posted_ref" | "last_error" | "sent_at"
>;

/** Queues a reply; the same key again queues nothing (a retried approval posts once). True when queued now. */
export async function enqueueHelpdeskReply(db: Kysely<Database>, row: NewHelpdeskReply): Promise<boolean> {
  const inserted = await db
    .insertInto("helpdesk_outbox")
    .values({ ...row, state: "pending" })
    .onConflict((oc) => oc.columns(["workspace_id", "idempotency_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Claims up to `limit` replies of a connector: pending ones whose retry time came, and `sending` ones
 * whose lease ran out. Each claim is one conditional update, so of two senders only one wins a row.
 */
export async function claimHelpdeskReplies(
  db: Kysely<Database>,
  connector: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<HelpdeskReply[]> {
  const due = await db
    .selectFrom("helpdesk_outbox")
    .select(["id", "state", "claimed_until"])
    .where("connector", "=", connector)
    .where("state", "in", ["pending", "sending"])
    .where("claimed_until", "<=", now)
    .orderBy("id")
    .limit(limit)
    .execute();
  const claimed: HelpdeskReply[] = [];
  for (const d of due) {
    const row = await db
      .updateTable("helpdesk_outbox")
      .set((eb) => ({
        state: "sending",
        attempts: eb("attempts", "+", 1),
        claimed_until: now + leaseMs,
        first_attempt_at: eb.fn.coalesce("first_attempt_at", eb.val(now)),
      }))
      .where("id", "=", d.id)
      .where("state", "=", d.state)
      .where("claimed_until", "=", d.claimed_until)
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Records a claimed reply's outcome: sent (with the helpdesk's id), failed, or pending again from `retryAt`. */
export async function settleHelpdeskReply(
  db: Kysely<Database>,
  id: number,
  outcome: { state: "sent"; postedRef: string } | { state: "failed" | "pending"; error: string; retryAt?: number },
  now: number,
): Promise<void> {
  await db
    .updateTable("helpdesk_outbox")
    .set(
      outcome.state === "sent"
        ? { state: "sent", posted_ref: outcome.postedRef, sent_at: now, claimed_until: 0, last_error: null }
        : { state: outcome.state, last_error: outcome.error, claimed_until: outcome.retryAt ?? 0 },
    )
    .where("id", "=", id)
    .where("state", "=", "sending")
    .execute();
}

/** Which of these pulled ids are replies attune posted itself (already in the thread as attune's message). */
export async function postedRefs(db: Kysely<Database>, connector: string, refs: string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db
    .selectFrom("helpdesk_outbox")
    .select("posted_ref")
    .where("connector", "=", connector)
    .where("posted_ref", "in", refs)
    .execute();
  return new Set(rows.map((r) => r.posted_ref!));
}

/** One helpdesk reply by id within a workspace. */
export async function helpdeskReplyRow(db: Kysely<Database>, workspaceId: number, id: number): Promise<HelpdeskReply | undefined> {
  return db.selectFrom("helpdesk_outbox").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}

/**
 * Puts a `failed` reply back in the queue (an agent's decision) under the same idempotency key, its
 * attempts and first attempt time kept: the next sender sees an earlier attempt and looks for the
 * reply in the thread before posting, so a reply the helpdesk in fact stored is not posted twice.
 * False when it is not failed (a concurrent retry included: one of two wins).
 */
export async function retryFailedHelpdeskReply(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("helpdesk_outbox")
    .set({ state: "pending", claimed_until: 0, last_error: null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
