/**
 * POST /helpdesk-replies/:id/retry: an agent sends a helpdesk reply that failed (the helpdesk refused
 * it: bad credentials, a ticket gone) once more, after fixing the cause. Same idempotency key, so the
 * sender looks for the reply in the thread first and never posts one the helpdesk in fact stored;
 * the audit log records who asked.
 *
 * @example
 * curl -X POST localhost:3000/api/v1/helpdesk-replies/7/retry -H "authorization: Bearer $KEY"
 */
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { audit } from "../../store/audit-log.js";
import { helpdeskReplyRow, retryFailedHelpdeskReply } from "../../store/helpdesk-outbox.js";
import { notFound } from "../error-response.js";
import { defineRoute } from "../route.js";
import { IdParams } from "../schemas.js";
import { actor } from "./admin.js";

export const helpdeskReplyRoutes = [
  defineRoute({
    method: "post",
    path: "/helpdesk-replies/:id/retry",
    summary: "Try a failed helpdesk reply again (an agent's decision)",
    description:
      "A `failed` reply was refused by the helpdesk (`connector.auth`, `connector.bad_response`) and is not retried by itself. This puts it back in the queue under the same idempotency key: the next sync looks for it in the ticket or conversation before posting, so a reply that did go through is never posted twice. Recorded in the audit log (`helpdesk_reply.retried`).",
    tags: ["replies"],
    scope: "cases:write",
    params: IdParams,
    responses: {
      200: { description: "Queued again", schema: z.object({ id: z.number(), state: z.literal("pending") }) },
      400: { description: "Not failed (`input.invalid_value`)" },
      404: { description: "No such reply" },
    },
    async handler({ c, params, principal, deps }) {
      const row = await helpdeskReplyRow(deps.store.db, principal.workspaceId, params.id);
      if (!row) notFound("helpdesk reply");
      if (!(await retryFailedHelpdeskReply(deps.store.db, principal.workspaceId, params.id)))
        throw new AttuneError("input.invalid_value", { field: "state", reason: "only a failed reply can be tried again" });
      await audit(deps.store.db, {
        workspaceId: principal.workspaceId,
        actor: actor(principal),
        action: "helpdesk_reply.retried",
        target: { kind: "helpdesk_reply", id: String(params.id) },
        details: { from_state: "failed", attempts: row.attempts, error: row.last_error ?? "unknown", connector: row.connector },
      });
      return c.json({ id: params.id, state: "pending" as const });
    },
  }),
];
