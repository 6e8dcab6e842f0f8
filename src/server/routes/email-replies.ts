/**
 * POST /messages/:id/email-reply: puts an approved reply to a customer's email in the outbox. The
 * idempotency key makes a retry queue nothing new (the first reply's row comes back, 200 instead of
 * 202); `attune sync imap --smtp-host …` sends the outbox at most once (docs/connectors.md).
 *
 * @example
 * curl -X POST localhost:3000/api/v1/messages/42/email-reply -H "authorization: Bearer $KEY" \
 *   -d '{"text":"We are sorry…","idempotency_key":"case-7-draft-3","from":"support@example.com"}'
 */
import { z } from "zod";
import { queueEmailReply } from "../../connectors/email-reply.js";
import { AttuneError } from "../../core/errors.js";
import { LIMITS } from "../../ingest/limits.js";
import { audit } from "../../store/audit-log.js";
import { outboxRow, requeueUnconfirmed } from "../../store/mail-outbox.js";
import { notFound } from "../error-response.js";
import { defineRoute } from "../route.js";
import { IdParams } from "../schemas.js";
import { actor } from "./admin.js";

const Body = z
  .object({
    text: z.string().min(1).max(LIMITS.textChars),
    idempotency_key: z.string().min(1).max(200).describe("The caller's id for this reply: sending it again queues nothing new."),
    from: z.email().max(LIMITS.shortChars).describe("The support address the reply is sent from."),
  })
  .strict();

const Queued = z.object({
  id: z.number(),
  state: z.enum(["pending", "sending", "sent", "unconfirmed", "failed"]),
  message_id: z.string().describe("The reply's Message-ID (without angle brackets)."),
  in_reply_to: z.string().nullable(),
  created: z.boolean().describe("False when the idempotency key was seen before."),
});

export const emailReplyRoutes = [
  defineRoute({
    method: "post",
    path: "/messages/:id/email-reply",
    summary: "Queue an email reply",
    description:
      "Queues a reply to a stored email: To its sender, Re: its subject, In-Reply-To its Message-ID, References its thread. Sent at most once by the IMAP/SMTP connector.",
    tags: ["replies"],
    scope: "cases:write",
    params: IdParams,
    body: Body,
    responses: {
      202: { description: "Queued", schema: Queued },
      200: { description: "Already queued under this key", schema: Queued },
      400: { description: "Not an email with a sender, or a bad body" },
      404: { description: "No such message" },
    },
    async handler({ c, params, body, deps }) {
      const { row, created } = await queueEmailReply(deps.store, {
        messageId: params.id,
        text: body.text,
        idempotencyKey: body.idempotency_key,
        from: body.from,
      });
      const out = { id: row.id, state: row.state, message_id: row.mail_message_id, in_reply_to: row.in_reply_to, created };
      return c.json(out, created ? 202 : 200);
    },
  }),
  defineRoute({
    method: "post",
    path: "/email-replies/:id/requeue",
    summary: "Send an unconfirmed email reply again (an agent's decision)",
    description:
      "An `unconfirmed` reply may have reached the customer: SMTP may have taken it before the sender died. attune never re-sends it by itself; this puts it back in the queue (same Message-ID) and records who did, in the audit log.",
    tags: ["replies"],
    scope: "cases:write",
    params: IdParams,
    responses: {
      200: { description: "Queued again", schema: z.object({ id: z.number(), state: z.literal("pending") }) },
      400: { description: "Not unconfirmed (`input.invalid_value`)" },
      404: { description: "No such reply" },
    },
    async handler({ c, params, principal, deps }) {
      const row = await outboxRow(deps.store.db, principal.workspaceId, params.id);
      if (!row) notFound("email reply");
      if (!(await requeueUnconfirmed(deps.store.db, principal.workspaceId, params.id, Date.now())))
        throw new AttuneError("input.invalid_value", { field: "state", reason: "only an unconfirmed reply can be sent again" });
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "email_reply.requeued",
        target: { kind: "email_reply", id: String(params.id) },
        details: { from_state: "unconfirmed", attempts: row.attempts },
      });
      return c.json({ id: params.id, state: "pending" as const });
    },
  }),
];
