/**
 * Approved replies back to Intercom: `POST /conversations/{id}/reply` as an admin (`message_type`
 * "comment", or "note" for a private one), HTML body. Intercom has no idempotency key, so a reply whose
 * earlier attempt may have landed is first looked for among the conversation's parts.
 *
 * @example
 * await deliverReplies(store, intercomReplies({ baseUrl, token, adminId: "814860" }));
 */
import { AttuneError } from "../core/errors.js";
import { HelpdeskHttp, type HelpdeskHttpOptions } from "./http-client.js";
import { hostOf } from "./pull-connector.js";
import type { HelpdeskReply } from "../store/helpdesk-outbox.js";
import { postedSince, replyHtml, sameWords, threadNumber, type ReplyPoster } from "./reply-out.js";

interface Parts {
  conversation_parts?: {
    conversation_parts?: { id: string | number; body?: string | null; created_at?: number; author?: { type?: string } }[];
  };
}

export function intercomReplies(opts: {
  baseUrl: string;
  token: string;
  adminId: string;
  version?: string;
  http?: Partial<HelpdeskHttpOptions>;
}): ReplyPoster {
  const http = new HelpdeskHttp({
    baseUrl: opts.baseUrl,
    headers: { authorization: `Bearer ${opts.token}`, "intercom-version": opts.version ?? "2.11" },
    perMinute: 1_000,
    ...opts.http,
  });
  const path = (reply: HelpdeskReply): string => `/conversations/${encodeURIComponent(threadNumber(reply.thread_ref))}`;
  const findIn = (c: Parts, reply: HelpdeskReply): string | null => {
    const hit = (c.conversation_parts?.conversation_parts ?? [])
      .filter((p) => p.author?.type === "admin" && postedSince(p.created_at, reply) && sameWords(p.body ?? "", replyHtml(reply.body)))
      .at(-1);
    return hit ? `part:${hit.id}` : null;
  };
  return {
    connector: `intercom:${hostOf(opts.baseUrl)}`,
    async post(reply) {
      const body = {
        message_type: reply.is_public === 1 ? "comment" : "note",
        type: "admin",
        admin_id: opts.adminId,
        body: replyHtml(reply.body),
      };
      const answer = await http.json<Parts>("POST", `${path(reply)}/reply`, body);
      const ref = findIn(answer, reply);
      if (!ref) throw new AttuneError("connector.bad_response", { vendor: "intercom", field: "conversation_parts" });
      return ref;
    },
    async find(reply) {
      return findIn(await http.json<Parts>("GET", path(reply)), reply);
    },
  };
}
