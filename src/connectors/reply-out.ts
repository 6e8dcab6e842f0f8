/**
 * Posting approved replies back to a helpdesk exactly once. The outbox (store/helpdesk-outbox.ts)
 * holds each reply under its idempotency key; the sender claims due replies with a lease, posts, and
 * records the helpdesk's id of the new comment. A reply claimed before (attempts > 1: an earlier
 * sender crashed, timed out or lost the answer after the helpdesk may have stored it) is first looked
 * for in the thread, posted at or after its first attempt with the same words, and only posted when
 * it is not there. Helpdesks with their own idempotency keys (Zendesk) get the key too.
 *
 * @example
 * const report = await deliverReplies(store, zendeskReplies({ baseUrl, email, token }));
 */
import { asAttuneError } from "../core/errors.js";
import { retryDelay } from "../core/backoff.js";
import { bodyText } from "../ingest/public.js";
import { claimHelpdeskReplies, settleHelpdeskReply, type HelpdeskReply } from "../store/helpdesk-outbox.js";
import type { Store } from "../store/open-store.js";

export interface ReplyPoster {
  /** The pull connector's name; replies are queued under it. */
  readonly connector: string;
  /** Posts the reply; resolves with the helpdesk's id of the new comment ("comment:123"). */
  post(reply: HelpdeskReply): Promise<string>;
  /** The id of this reply if it is already in the thread (posted at or after `first_attempt_at`). */
  find(reply: HelpdeskReply): Promise<string | null>;
}

export interface DeliveryReport {
  sent: number;
  /** Of those, found already posted by an earlier attempt (not posted again). */
  recovered: number;
  retrying: number;
  failed: number;
}

const LEASE_MS = 120_000;

export async function deliverReplies(store: Pick<Store, "db">, poster: ReplyPoster, now: () => number = Date.now): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, recovered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await claimHelpdeskReplies(store.db, poster.connector, now(), LEASE_MS, 20);
    if (batch.length === 0) return report;
    for (const reply of batch) await deliverOne(store, poster, reply, report, now);
  }
}

async function deliverOne(
  store: Pick<Store, "db">,
  poster: ReplyPoster,
  reply: HelpdeskReply,
  report: DeliveryReport,
  now: () => number,
): Promise<void> {
  try {
    const found = reply.attempts > 1 ? await poster.find(reply) : null;
    const postedRef = found ?? (await poster.post(reply));
    await settleHelpdeskReply(store.db, reply.id, { state: "sent", postedRef }, now());
    report.sent += 1;
    if (found) report.recovered += 1;
  } catch (err) {
    const e = asAttuneError(err);
    // A refusal (bad credentials, a ticket that is gone) will not heal by itself; anything else is retried later.
    const final = e.code === "connector.auth" || e.code === "connector.bad_response";
    await settleHelpdeskReply(
      store.db,
      reply.id,
      final
        ? { state: "failed", error: e.code }
        : { state: "pending", error: e.code, retryAt: now() + retryDelay(reply.attempts, 5_000, 600_000) },
      now(),
    );
    if (final) report.failed += 1;
    else report.retrying += 1;
  }
}

/** Words of a comment for comparison: tags and entities gone (as the pull reads them), whitespace folded. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => bodyText(undefined, s).replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/** The reply as HTML for helpdesks whose bodies are HTML (Freshdesk, Intercom): escaped, paragraphs kept. */
export function replyHtml(text: string): string {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** The numeric id of a thread ref ("ticket:123" → "123"). */
export function threadNumber(ref: string): string {
  return ref.slice(ref.indexOf(":") + 1);
}

/** Whether a helpdesk's timestamp (ISO or Unix seconds) is at or after the reply's first attempt, with a minute's clock slack. */
export function postedSince(at: string | number | undefined, reply: HelpdeskReply): boolean {
  const ms = typeof at === "number" ? at * 1000 : at ? Date.parse(at) : NaN;
  return Number.isFinite(ms) && ms >= (reply.first_attempt_at ?? 0) - 60_000;
}
