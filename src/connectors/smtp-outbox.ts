/**
 * Sends the email reply outbox over SMTP, each reply at most once. A reply is claimed (state
 * `sending`, with a lease) before SMTP sees it and recorded `sent` after; a definite SMTP refusal
 * (a 4xx puts it back, a 5xx fails it) is recorded at once. Anything else (the connection dropped
 * mid-DATA, the process died) leaves the claim: after its lease the reply is looked up by its
 * Message-ID in the Sent folder. Found: it went out, it is `sent`. Not found: nobody can tell
 * whether the SMTP server took it, so it is `unconfirmed` and never re-sent by itself. That is the
 * at-most-once boundary; a provider that files SMTP submissions in Sent itself (Gmail, Microsoft 365)
 * or a sender that files them there (`save`) narrows it to the moment between the SMTP 250 and that
 * filing. A sent reply is also stored in its thread as an agent message (external id: its Message-ID).
 *
 * @example
 * const report = await sendOutbox(store, nodemailer.createTransport({ host, port, auth }), { from: "support@example.com", sentFolder });
 */
import MailComposer from "nodemailer/lib/mail-composer";
import { Ingestor } from "../ingest/public.js";
import { abandonedSends, claimPending, emailReplyContext, settleMail, type OutboxRow } from "../store/mail-outbox.js";
import type { Store } from "../store/open-store.js";

/** What the sender needs of an SMTP client (nodemailer's transport has it). */
export interface SmtpTransport {
  sendMail(mail: { envelope: { from: string; to: string[] }; raw: Buffer }): Promise<unknown>;
}

/** Where sent mail is kept (an IMAP Sent folder): the proof a reply went out. */
export interface SentFolder {
  contains(messageId: string): Promise<boolean>;
  /** Files a sent reply; leave out when the provider files SMTP submissions itself. */
  save?(raw: Buffer): Promise<void>;
}

export interface SendOptions {
  sentFolder?: SentFolder;
  now?: () => number;
  /** How long a claim stays another sender's before it counts as abandoned. */
  leaseMs?: number;
  /** At most this many replies per call. */
  limit?: number;
}

export interface SendReport {
  sent: number;
  /** Abandoned claims found in the Sent folder. */
  confirmed: number;
  unconfirmed: number;
  retry: number;
  failed: number;
}

/** The reply as the bytes that go to SMTP and to the Sent folder. */
export async function composeReply(row: OutboxRow): Promise<Buffer> {
  const refs = (row.references_ids ?? "").split(" ").filter(Boolean);
  const mail = new MailComposer({
    from: row.from_address,
    to: row.to_address,
    subject: row.subject,
    text: row.body,
    messageId: `<${row.mail_message_id}>`,
    date: new Date(row.created_at),
    ...(row.in_reply_to ? { inReplyTo: `<${row.in_reply_to}>` } : {}),
    ...(refs.length ? { references: refs.map((r) => `<${r}>`).join(" ") } : {}),
  });
  return mail.compile().build();
}

/** Recovers abandoned claims, then sends pending replies one by one. */
export async function sendOutbox(store: Store, transport: SmtpTransport, opts: SendOptions = {}): Promise<SendReport> {
  const now = opts.now ?? Date.now;
  const report: SendReport = { sent: 0, confirmed: 0, unconfirmed: 0, retry: 0, failed: 0 };
  for (const row of await abandonedSends(store.db, store.workspaceId, now())) {
    const found = opts.sentFolder ? await opts.sentFolder.contains(row.mail_message_id) : false;
    if (found) await recordSent(store, row, now());
    else await settleMail(store.db, row.id, "unconfirmed", now(), "no proof of sending: not in the Sent folder");
    report[found ? "confirmed" : "unconfirmed"] += 1;
  }
  for (let i = 0; i < (opts.limit ?? 100); i++) {
    // One claim at a time: a crash leaves at most the reply being sent without a record.
    const [row] = await claimPending(store.db, store.workspaceId, now(), opts.leaseMs ?? 300_000, 1);
    if (!row) break;
    report[await sendOne(store, transport, row, opts, now)] += 1;
  }
  return report;
}

async function sendOne(
  store: Store,
  transport: SmtpTransport,
  row: OutboxRow,
  opts: SendOptions,
  now: () => number,
): Promise<keyof SendReport> {
  const raw = await composeReply(row);
  try {
    await transport.sendMail({ envelope: { from: row.from_address, to: [row.to_address] }, raw });
  } catch (err) {
    const refusal = smtpRefusal(err);
    // Not a refusal: the server may have the mail. The claim stays for the Sent-folder check.
    if (!refusal) throw err;
    // A temporary refusal waits a minute, doubling per attempt up to an hour, before its next try.
    const retryAt = now() + Math.min(3_600_000, 60_000 * 2 ** Math.min(row.attempts - 1, 6));
    await settleMail(store.db, row.id, refusal.state, now(), refusal.reason, retryAt);
    return refusal.state === "failed" ? "failed" : "retry";
  }
  await opts.sentFolder?.save?.(raw);
  await recordSent(store, row, now());
  return "sent";
}

/** A refusal that proves the mail was not taken: the server's 4xx/5xx, or no connection at all. */
export function smtpRefusal(err: unknown): { state: "pending" | "failed"; reason: string } | undefined {
  const e = err as { responseCode?: number; code?: string } | null;
  const code = e?.responseCode;
  if (typeof code === "number" && code >= 500) return { state: "failed", reason: `smtp ${code}` };
  if (typeof code === "number" && code >= 400) return { state: "pending", reason: `smtp ${code}` };
  if (e?.code === "ECONNECTION" || e?.code === "EDNS" || e?.code === "EAUTH") return { state: "pending", reason: e.code };
  return undefined;
}

/** Stores the reply in its thread (as the agent's message, once by Message-ID), then marks it sent. */
async function recordSent(store: Store, row: OutboxRow, now: number): Promise<void> {
  const ctx = row.reply_to_message_id === null ? undefined : await emailReplyContext(store.db, store.workspaceId, row.reply_to_message_id);
  if (ctx) {
    const ing = await Ingestor.open(store, { source: ctx.sourceName, origin: "smtp" });
    const refs = [row.in_reply_to, ...(row.references_ids ?? "").split(" ").reverse()].filter((r): r is string => !!r);
    await ing.add(
      1,
      {
        external_id: row.mail_message_id,
        text: row.body,
        channel: "email",
        direction: "agent",
        author: { id: row.from_address, email: row.from_address },
        subject: row.subject,
        // The queueing time, not the sending time: the same reply recorded again is then a duplicate.
        sent_at: row.created_at,
      },
      { threadRefs: refs },
    );
    await ing.finish();
  }
  await settleMail(store.db, row.id, "sent", now);
}
