/**
 * Where each agent reply of a thread stands on its way out: a helpdesk reply by its outbox key
 * (`message-<id>`, store/helpdesk-outbox.ts), an email reply by its Message-ID (the thread message's
 * external id, store/mail-outbox.ts). A reply kept only in attune has no entry.
 *
 * @example
 * const d = await replyDeliveries(store.db, 1, [41, 42]); // Map { 42 => { via: "email", state: "unconfirmed", outbox_id: 7 } }
 */
import type { Kysely } from "kysely";
import type { Database, MailOutboxState } from "./schema.js";

export interface Delivery {
  via: "helpdesk" | "email";
  state: MailOutboxState;
  outbox_id: number;
}

/** The delivery of each of `messageIds` that was queued out, by message id. */
export async function replyDeliveries(db: Kysely<Database>, workspaceId: number, messageIds: number[]): Promise<Map<number, Delivery>> {
  const out = new Map<number, Delivery>();
  if (messageIds.length === 0) return out;
  const helpdesk = await db
    .selectFrom("helpdesk_outbox")
    .select(["id", "idempotency_key", "state"])
    .where("workspace_id", "=", workspaceId)
    .where(
      "idempotency_key",
      "in",
      messageIds.map((id) => `message-${id}`),
    )
    .execute();
  for (const r of helpdesk) out.set(Number(r.idempotency_key.slice(8)), { via: "helpdesk", state: r.state, outbox_id: Number(r.id) });
  const mail = await db
    .selectFrom("messages as m")
    .innerJoin("mail_outbox as o", (j) => j.onRef("o.mail_message_id", "=", "m.external_id").onRef("o.workspace_id", "=", "m.workspace_id"))
    .select(["m.id as message_id", "o.id", "o.state"])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.id", "in", messageIds)
    .where("m.direction", "=", "agent")
    .execute();
  for (const r of mail) out.set(Number(r.message_id), { via: "email", state: r.state, outbox_id: Number(r.id) });
  return out;
}
