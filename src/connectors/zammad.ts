/**
 * Zammad's trigger webhook (documented default payload `{ticket, article}`, header `X-Hub-Signature:
 * sha1=<hex>` = HMAC-SHA1 of the body under the trigger's signature token) as one message: the
 * article is the message (external id `article:<id>`), the ticket its thread, the article's sender
 * (Customer/Agent) its direction, an internal article a private note ("internal" channel). System
 * articles and updates without an article are skipped. Zammad retries a failed delivery up to four
 * times with the same article: the external id makes the retry a duplicate.
 *
 * @example
 * verifyZammadSignature(secret, req.header("x-hub-signature"), body);
 * const m = zammadMessage(JSON.parse(body));
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AttuneError } from "../core/errors.js";
import { bodyText, LIMITS, type MessageInput } from "../ingest/public.js";
import { obj, text, type Obj, type PushMapping } from "./payload.js";

/** Throws `webhook.bad_signature` unless the header is `sha1=` HMAC-SHA1(secret, body). */
export function verifyZammadSignature(secret: string, header: string | undefined, body: Uint8Array): void {
  const m = /^sha1=([0-9a-f]{40})$/i.exec(header?.trim() ?? "");
  if (!m) throw new AttuneError("webhook.bad_signature", {});
  const expected = createHmac("sha1", secret).update(body).digest();
  const got = Buffer.from(m[1]!, "hex");
  if (!timingSafeEqual(expected, got)) throw new AttuneError("webhook.bad_signature", {});
}

const CHANNEL_OF_TYPE: Record<string, MessageInput["channel"]> = {
  email: "email",
  phone: "call",
  web: "chat",
  chat: "chat",
  sms: "chat",
  "twitter status": "social",
  "twitter direct-message": "social",
  "facebook feed post": "social",
  "facebook feed comment": "social",
  note: "internal",
};

function author(article: Obj): NonNullable<MessageInput["author"]> | undefined {
  const by = obj(article.created_by);
  const id = text(article.origin_by_id) ?? text(article.created_by_id) ?? text(by.id);
  if (!id) return undefined;
  const name = [text(by.firstname), text(by.lastname)].filter(Boolean).join(" ");
  // origin_by is the customer an agent wrote for (a phone note): then created_by is not the author.
  const email = text(article.origin_by_id) ? text(article.origin_by) : text(by.email);
  return { id: `zammad-user:${id}`, ...(name && !text(article.origin_by_id) ? { name } : {}), ...(email ? { email } : {}) };
}

/** The message a trigger payload carries, or why it is skipped. */
export function zammadMessage(payload: unknown): PushMapping {
  const p = obj(payload);
  const ticket = obj(p.ticket);
  const article = obj(p.article);
  const id = text(article.id);
  if (!id) return { skip: "no_article" };
  const sender = text(article.sender);
  if (sender !== "Customer" && sender !== "Agent") return { skip: "sender" };
  const body = typeof article.body === "string" ? article.body : "";
  const content = article.content_type === "text/html" ? bodyText(undefined, body) : bodyText(body, undefined);
  if (!content) return { skip: "no_text" };
  const ticketId = text(ticket.id) ?? text(article.ticket_id);
  const sentAt = Date.parse(String(article.created_at ?? ""));
  const who = author(article);
  return {
    message: {
      external_id: `article:${id}`,
      text: content,
      channel: article.internal === true ? "internal" : (CHANNEL_OF_TYPE[String(article.type ?? "")] ?? "email"),
      direction: sender === "Customer" ? "customer" : "agent",
      public: false,
      ...(ticketId ? { thread: `ticket:${ticketId}` } : {}),
      ...(text(ticket.title) ? { subject: text(ticket.title)!.slice(0, LIMITS.subjectChars) } : {}),
      ...(Number.isFinite(sentAt) ? { sent_at: new Date(sentAt).toISOString() } : {}),
      ...(who ? { author: who } : {}),
    },
  };
}
