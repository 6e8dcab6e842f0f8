/**
 * Chatwoot's `message_created` webhook (documented payload: id, content, created_at, message_type
 * incoming|outgoing|activity|template or 0..3, private, sender {id, name, email, type contact|user},
 * conversation {id, channel}) as one message. Stable Chatwoot releases do not sign webhooks, so the
 * sender is proven by a shared token in the webhook URL (`?token=`), compared in constant time.
 * Incoming messages are the customer's; outgoing ones the agent's; a private note comes in on the
 * "internal" channel; activity and template messages are not conversation and are skipped.
 *
 * @example
 * const m = chatwootMessage(JSON.parse(body)); // { message: { external_id: "118", thread: "conversation:10", ... } } | { skip: "event" }
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { AttuneError } from "../core/errors.js";
import { type MessageInput, bodyText } from "../ingest/public.js";
import { obj, text, type PushMapping } from "./payload.js";

/** Throws `webhook.bad_signature` unless `token` is the source's secret. */
export function verifySharedToken(secret: string, token: string | undefined): void {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  if (!token || !timingSafeEqual(digest(secret), digest(token))) throw new AttuneError("webhook.bad_signature", {});
}

const MESSAGE_TYPES = ["incoming", "outgoing", "activity", "template"];

/** Chatwoot times come as ISO text, "YYYY-MM-DD HH:MM:SS UTC" or Unix seconds. */
export function chatwootTime(v: unknown): string | undefined {
  const ms = typeof v === "number" ? v * 1000 : typeof v === "string" ? Date.parse(v.replace(/ UTC$/, "Z").replace(" ", "T")) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function chatwootChannel(conversationChannel: unknown, isPrivate: boolean): MessageInput["channel"] {
  if (isPrivate) return "internal";
  const c = String(conversationChannel ?? "");
  if (c === "Channel::Email") return "email";
  if (/Twitter|Facebook|Instagram|Tiktok/i.test(c)) return "social";
  if (/Voice/i.test(c)) return "call";
  return "chat";
}

/** The message a `message_created` payload carries, or why it is skipped. */
export function chatwootMessage(payload: unknown): PushMapping {
  const p = obj(payload);
  if (p.event !== "message_created") return { skip: "event" };
  const type = typeof p.message_type === "number" ? MESSAGE_TYPES[p.message_type] : p.message_type;
  if (type !== "incoming" && type !== "outgoing") return { skip: "message_type" };
  const id = text(p.id);
  const content = typeof p.content === "string" ? bodyText(p.content, undefined) : "";
  if (!id) throw new AttuneError("input.missing_field", { field: "id" });
  if (!content) return { skip: "no_text" };
  const sender = obj(p.sender);
  const conversation = obj(p.conversation);
  const senderId = text(sender.id);
  const kind = sender.type === "user" || type === "outgoing" ? "user" : "contact";
  const sentAt = chatwootTime(p.created_at);
  const conversationId = text(conversation.id);
  return {
    message: {
      external_id: id,
      text: content,
      channel: chatwootChannel(conversation.channel, p.private === true),
      direction: type === "incoming" ? "customer" : "agent",
      public: false,
      ...(conversationId ? { thread: `conversation:${conversationId}` } : {}),
      ...(sentAt ? { sent_at: sentAt } : {}),
      ...(senderId
        ? {
            author: {
              id: `chatwoot-${kind}:${senderId}`,
              ...(text(sender.name) ? { name: text(sender.name)! } : {}),
              ...(text(sender.email) ? { email: text(sender.email)! } : {}),
            },
          }
        : {}),
    },
  };
}
