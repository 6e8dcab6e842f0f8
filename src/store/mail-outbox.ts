/**
 * The email reply outbox (migration 010): queue a reply once per idempotency key, claim it for
 * sending with a lease, record the outcome, find the claims of senders that died, and the facts a
 * reply needs from the message it answers.
 *
 * @example
 * const row = await enqueueMail(store.db, { workspace_id: 1, idempotency_key: "case-9-reply-1", ... });
 * const claimed = await claimPending(store.db, 1, Date.now(), 300_000, 20);
 */
import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, MailOutboxState, MailOutboxTable } from "./schema.js";

export type OutboxRow = Selectable<MailOutboxTable>;
export type NewOutboxRow = Omit<
  Insertable<MailOutboxTable>,
  "state" | "attempts" | "claimed_until" | "sent_at" | "last_error" | "updated_at"
>;

/** Queues a reply; a second call with the same key returns the first call's row unchanged. */
export async function enqueueMail(db: Kysely<Database>, row: NewOutboxRow): Promise<{ row: OutboxRow; created: boolean }> {
  const inserted = await db
    .insertInto("mail_outbox")
    .values({ ...row, state: "pending", updated_at: row.created_at })
    .onConflict((oc) => oc.columns(["workspace_id", "idempotency_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  const stored = await db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("workspace_id", "=", row.workspace_id)
    .where("idempotency_key", "=", row.idempotency_key)
    .executeTakeFirstOrThrow();
  return { row: stored, created: inserted !== undefined };
}

/** Claims up to `limit` pending replies (oldest first) for one sender until `now + leaseMs`. */
export async function claimPending(
  db: Kysely<Database>,
  workspaceId: number,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  const ids = await db
    .selectFrom("mail_outbox")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("state", "=", "pending")
    .where("claimed_until", "<=", now)
    .orderBy("id")
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const { id } of ids) {
    // The state test makes the claim atomic: of two senders racing for a row, one update matches.
    const row = await db
      .updateTable("mail_outbox")
      .set((eb) => ({ state: "sending", attempts: eb("attempts", "+", 1), claimed_until: now + leaseMs, updated_at: now }))
      .where("id", "=", id)
      .where("state", "=", "pending")
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

/**
 * Records where a claimed reply ended: sent, failed, unconfirmed, or back to pending after a
 * temporary refusal (then not claimed again before `retryAt`).
 */
export async function settleMail(
  db: Kysely<Database>,
  id: number,
  state: Exclude<MailOutboxState, "sending">,
  now: number,
  lastError: string | null = null,
  retryAt = 0,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ state, updated_at: now, claimed_until: retryAt, last_error: lastError, ...(state === "sent" ? { sent_at: now } : {}) })
    .where("id", "=", id)
    .where("state", "=", "sending")
    .execute();
}

/** Replies left `sending` by a sender whose lease ran out (it died between SMTP and the record). */
export async function abandonedSends(db: Kysely<Database>, workspaceId: number, now: number): Promise<OutboxRow[]> {
  return db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("state", "=", "sending")
    .where("claimed_until", "<", now)
    .orderBy("id")
    .execute();
}

/**
 * Puts an `unconfirmed` reply back in the queue, for an agent who decided to send it again (never
 * done by itself: the SMTP server may have delivered it). It keeps its Message-ID, so a mail client
 * that got the first copy can see the second as the same mail. False when it is not unconfirmed.
 */
export async function requeueUnconfirmed(db: Kysely<Database>, workspaceId: number, id: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable("mail_outbox")
    .set({ state: "pending", claimed_until: 0, last_error: null, updated_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("state", "=", "unconfirmed")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** One outbox row by id within a workspace. */
export async function outboxRow(db: Kysely<Database>, workspaceId: number, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom("mail_outbox").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}

export interface EmailReplyContext {
  messageId: number;
  /** The answered mail's Message-ID (its external id). */
  externalId: string;
  sourceName: string;
  channel: string;
  subject: string | null;
  authorEmail: string | null;
  /** Message-IDs of the thread's messages from this source, oldest first, the answered one last. */
  threadIds: string[];
}

/** What a reply needs from the message it answers; undefined when there is no such message. */
export async function emailReplyContext(
  db: Kysely<Database>,
  workspaceId: number,
  messageId: number,
): Promise<EmailReplyContext | undefined> {
  const m = await db
    .selectFrom("messages")
    .innerJoin("sources", "sources.id", "messages.source_id")
    .leftJoin("people", "people.id", "messages.person_id")
    .leftJoin("threads", "threads.id", "messages.thread_id")
    .select([
      "messages.id",
      "messages.external_id",
      "messages.source_id",
      "messages.thread_id",
      "messages.channel",
      "messages.sent_at",
      "messages.subject",
      "threads.subject as thread_subject",
      "sources.name as source_name",
      "people.email",
    ])
    .where("messages.workspace_id", "=", workspaceId)
    .where("messages.id", "=", messageId)
    .executeTakeFirst();
  if (!m) return undefined;
  const earlier =
    m.thread_id === null
      ? []
      : await db
          .selectFrom("messages")
          .select("external_id")
          .where("thread_id", "=", m.thread_id)
          .where("source_id", "=", m.source_id)
          .where("sent_at", "<=", m.sent_at)
          .where("id", "!=", m.id)
          .orderBy("sent_at")
          .orderBy("id")
          .limit(50)
          .execute();
  return {
    messageId: m.id,
    externalId: m.external_id,
    sourceName: m.source_name,
    channel: m.channel,
    subject: m.subject ?? m.thread_subject,
    authorEmail: m.email,
    threadIds: [...earlier.map((r) => r.external_id), m.external_id],
  };
}
