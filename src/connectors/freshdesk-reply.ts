/**
 * Approved replies back to Freshdesk: a public reply (`POST /api/v2/tickets/{id}/reply`) or a private
 * note (`POST /api/v2/tickets/{id}/notes`), HTML body; Freshdesk has no idempotency key, so a reply
 * whose earlier attempt may have landed is first looked for in `/api/v2/tickets/{id}/conversations`.
 *
 * @example
 * await deliverReplies(store, freshdeskReplies({ baseUrl, apiKey }));
 */
import { AttuneError } from "../core/errors.js";
import { basicAuth, HelpdeskHttp, type HelpdeskHttpOptions } from "./http-client.js";
import { hostOf } from "./pull-connector.js";
import { postedSince, replyHtml, sameWords, threadNumber, type ReplyPoster } from "./reply-out.js";

export function freshdeskReplies(opts: { baseUrl: string; apiKey: string; http?: Partial<HelpdeskHttpOptions> }): ReplyPoster {
  const http = new HelpdeskHttp({
    baseUrl: opts.baseUrl,
    headers: { authorization: basicAuth(opts.apiKey, "X") },
    perMinute: 50,
    ...opts.http,
  });
  return {
    connector: `freshdesk:${hostOf(opts.baseUrl)}`,
    async post(reply) {
      const id = threadNumber(reply.thread_ref);
      const body = replyHtml(reply.body);
      const answer = await http.json<{ id?: number }>(
        "POST",
        reply.is_public === 1 ? `/api/v2/tickets/${id}/reply` : `/api/v2/tickets/${id}/notes`,
        reply.is_public === 1 ? { body } : { body, private: true },
      );
      if (typeof answer.id !== "number") throw new AttuneError("connector.bad_response", { vendor: "freshdesk", field: "id" });
      return `conversation:${answer.id}`;
    },
    async find(reply) {
      for (let page = 1; ; page++) {
        const { body: convs, headers } = await http.jsonPage<{ id: number; body?: string; body_text?: string; created_at?: string }[]>(
          `/api/v2/tickets/${threadNumber(reply.thread_ref)}/conversations?per_page=100&page=${page}`,
        );
        const hit = convs.find((c) => postedSince(c.created_at, reply) && sameWords(c.body ?? c.body_text ?? "", replyHtml(reply.body)));
        if (hit) return `conversation:${hit.id}`;
        if (!/rel="?next"?/.test(headers.get("link") ?? "")) return null;
      }
    },
  };
}
