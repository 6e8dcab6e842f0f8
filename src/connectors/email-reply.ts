/**
 * Queues an email reply to a stored message: To the customer who wrote it, "Re: " its subject,
 * In-Reply-To its Message-ID and References the thread's Message-IDs (oldest first, the answered one
 * last), and a Message-ID of its own derived from the idempotency key, so the same reply always
 * carries the same id and can be recognised in the Sent folder after a crash.
 *
 * @example
 * const { row, created } = await queueEmailReply(store, { messageId: 42, text: "…", idempotencyKey: "case-7-draft-3", from: "support@example.com" });
 */
import { createHash } from "node:crypto";
import { AttuneError } from "../core/errors.js";
import { emailReplyContext, enqueueMail, type OutboxRow } from "../store/mail-outbox.js";
import type { Store } from "../store/open-store.js";

export interface EmailReplyRequest {
  /** The stored message this answers (an email: its external id is a Message-ID). */
  messageId: number;
  text: string;
  /** The caller's key for this reply: asking again with it queues nothing new. */
  idempotencyKey: string;
  /** The support address the reply is sent from. */
  from: string;
  now?: number;
}

/** The reply's Message-ID: the same key in the same workspace always gives the same id. */
export function replyMessageId(workspaceId: number, idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]{1,253})$/.exec(from)?.[1] ?? "attune.invalid";
  return `attune.${createHash("sha256").update(`${workspaceId}\n${idempotencyKey}`).digest("hex").slice(0, 40)}@${domain}`;
}

function replySubject(subject: string | null): string {
  const s = (subject ?? "").trim();
  return /^re:/i.test(s) ? s : `Re: ${s}`.trim();
}

/** Queues the reply once per key; `created` is false when the key was seen before. */
export async function queueEmailReply(store: Store, req: EmailReplyRequest): Promise<{ row: OutboxRow; created: boolean }> {
  const ctx = await emailReplyContext(store.db, store.workspaceId, req.messageId);
  if (!ctx) throw new AttuneError("store.not_found", { resource: "message" });
  if (ctx.channel !== "email" || !ctx.authorEmail)
    throw new AttuneError("input.invalid_value", { field: "message", reason: "not an email with a sender" });
  if (!req.text.trim()) throw new AttuneError("input.empty", { field: "text" });
  const now = req.now ?? Date.now();
  return enqueueMail(store.db, {
    workspace_id: store.workspaceId,
    idempotency_key: req.idempotencyKey,
    reply_to_message_id: ctx.messageId,
    mail_message_id: replyMessageId(store.workspaceId, req.idempotencyKey, req.from),
    from_address: req.from,
    to_address: ctx.authorEmail,
    subject: replySubject(ctx.subject),
    in_reply_to: ctx.externalId,
    references_ids: ctx.threadIds.join(" "),
    body: req.text,
    created_at: now,
  });
}
