/**
 * Approved replies back to Zendesk: a comment on the ticket (`PUT /api/v2/tickets/{id}.json` with
 * `ticket.comment`, public or private), sent with an `Idempotency-Key` header, and found again in
 * `/api/v2/tickets/{id}/comments.json` when an earlier attempt's answer was lost.
 *
 * @example
 * await deliverReplies(store, zendeskReplies({ baseUrl, email, token }));
 */
import { AttuneError } from "../core/errors.js";
import { basicAuth, HelpdeskHttp, type HelpdeskHttpOptions } from "./http-client.js";
import { hostOf } from "./pull-connector.js";
import { postedSince, sameWords, threadNumber, type ReplyPoster } from "./reply-out.js";

export function zendeskReplies(opts: { baseUrl: string; email: string; token: string; http?: Partial<HelpdeskHttpOptions> }): ReplyPoster {
  const http = new HelpdeskHttp({
    baseUrl: opts.baseUrl,
    headers: { authorization: basicAuth(`${opts.email}/token`, opts.token) },
    perMinute: 200,
    ...opts.http,
  });
  return {
    connector: `zendesk:${hostOf(opts.baseUrl)}`,
    async post(reply) {
      const answer = await http.json<{ audit?: { events?: { id: number; type: string }[] } }>(
        "PUT",
        `/api/v2/tickets/${threadNumber(reply.thread_ref)}.json`,
        { ticket: { comment: { body: reply.body, public: reply.is_public === 1 } } },
        { "idempotency-key": `attune-${reply.workspace_id}-${reply.idempotency_key}` },
      );
      const event = answer.audit?.events?.find((e) => e.type === "Comment");
      if (!event) throw new AttuneError("connector.bad_response", { vendor: "zendesk", field: "audit.events" });
      return `comment:${event.id}`;
    },
    async find(reply) {
      let next: string | null = `/api/v2/tickets/${threadNumber(reply.thread_ref)}/comments.json`;
      while (next) {
        const page: { comments?: { id: number; body?: string; created_at?: string }[]; next_page?: string | null } = await http.json(
          "GET",
          next,
        );
        const hit = (page.comments ?? []).find((c) => postedSince(c.created_at, reply) && sameWords(c.body ?? "", reply.body));
        if (hit) return `comment:${hit.id}`;
        next = page.next_page ?? null;
      }
      return null;
    },
  };
}
