/**
 * Sends queued alerts to webhook subscribers, in each one's format (alert-formats.ts: attune's JSON,
 * Slack or Teams): POST JSON signed like attune's inbound webhook
 * (`X-Attune-Signature: v1=<HMAC-SHA256(secret, "<timestamp>.<body>")>`, `X-Attune-Timestamp` in
 * Unix seconds), so a receiver can check it with `verifyWebhook`. A failed attempt (non-2xx,
 * timeout, refused) is retried with exponential backoff; every attempt is logged in
 * `alert_delivery_attempts`, and a delivery that keeps failing is marked failed.
 *
 * Each attempt resolves the target again and connects only to a checked public address
 * (webhook-target.ts). The log must not work as a port scanner: a failure is one coded reason
 * (`target_refused`, `unreachable`, `http_status` with the status the receiver answered), never
 * the socket error, and its duration is logged only when a receiver answered (0 otherwise), since
 * refused-at-once against timed-out tells an open port from a filtered one.
 *
 * @example
 * const sent = await deliverDue(ctx, { ...DEFAULT_DELIVERY, maxAttempts: 8, baseDelayMs: 5000 });
 */
import { signWebhook } from "../ingest/public.js";
import { checkTarget, systemResolver, targetPolicy, type Resolver, type TargetPolicy } from "./webhook-target.js";
import { sendPinned, type OutgoingPost, type PinnedSender } from "./webhook-send.js";
import { alertBody } from "./alert-formats.js";
import { presentAlert } from "./alerts.js";
import type { CaseContext } from "./case-context.js";
import { claimDelivery, dueDeliveries, logDeliveryAttempt, updateDelivery, type DeliveryUpdate } from "../store/webhook-deliveries.js";

export interface DeliveryOptions {
  /** Sends one POST to a checked address (a local receiver in tests). */
  send: PinnedSender;
  /** Resolves target names (tests play DNS rebinding through it). */
  resolve: Resolver;
  /** Non-public networks an operator allowed (`ATTUNE_WEBHOOK_ALLOW`); none by default. */
  targets: TargetPolicy;
  /** Attempts before giving up (default 8). */
  maxAttempts: number;
  /** First retry delay; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  send: sendPinned,
  resolve: systemResolver,
  targets: targetPolicy(undefined),
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  timeoutMs: 10_000,
};

/** Delay before attempt `n + 1` after `n` failures: base·2^(n-1), capped, with ±10% spread so many receivers do not retry in step. */
export function backoffDelay(failures: number, o: Pick<DeliveryOptions, "baseDelayMs" | "maxDelayMs">, seed: number): number {
  const raw = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, failures - 1));
  const spread = ((((seed * 2654435761) >>> 0) % 2001) - 1000) / 10_000; // -0.1 .. 0.1, from the id: reproducible
  return Math.round(raw * (1 + spread));
}

export interface DeliveryStats {
  delivered: number;
  retried: number;
  failed: number;
}

/** Sends every delivery whose attempt time has come. */
export async function deliverDue(ctx: CaseContext, o: DeliveryOptions = DEFAULT_DELIVERY): Promise<DeliveryStats> {
  const db = ctx.store.db;
  const stats: DeliveryStats = { delivered: 0, retried: 0, failed: 0 };
  const now = ctx.clock.now();
  const due = await dueDeliveries(db, now, 100);
  await Promise.all(
    due.map(async (d) => {
      // Lease: another process that read the same row finds next_attempt_at moved and skips it.
      if (!(await claimDelivery(db, d, now + o.timeoutMs + 5_000))) return;
      const body = alertBody(d.format, presentAlert({ ...d, id: d.alert_id }), { delivery_id: d.id, attempt: d.attempts + 1 });
      const ts = Math.floor(ctx.clock.now() / 1000);
      const started = performance.now();
      const headers = {
        "content-type": "application/json",
        "user-agent": "attune-webhooks/1",
        "x-attune-timestamp": String(ts),
        "x-attune-signature": signWebhook(d.secret, ts, body),
        "x-attune-delivery": String(d.id),
      };
      const { code, error } = await attempt(d.url, { headers, body, timeoutMs: o.timeoutMs }, o);
      const at = ctx.clock.now();
      const duration_ms = code === null ? 0 : Math.round(performance.now() - started);
      await logDeliveryAttempt(db, { delivery_id: d.id, at, status_code: code, error, duration_ms });
      const outcome = outcomeOf(d, { code, error, at }, o);
      await updateDelivery(db, d.id, outcome.set);
      if (outcome.set.next_attempt_at) ctx.wake(outcome.set.next_attempt_at);
      stats[outcome.stat] += 1;
    }),
  );
  return stats;
}

/** What an attempt makes of its delivery: delivered, failed for good, or retried after a backoff. */
function outcomeOf(
  d: { id: number; attempts: number },
  r: { code: number | null; error: string | null; at: number },
  o: DeliveryOptions,
): { set: DeliveryUpdate; stat: keyof DeliveryStats } {
  const attempts = d.attempts + 1;
  const last = { attempts, last_status_code: r.code, last_error: r.error };
  if (r.error === null) return { set: { ...last, status: "delivered", delivered_at: r.at, next_attempt_at: null }, stat: "delivered" };
  if (attempts >= o.maxAttempts) return { set: { ...last, status: "failed", next_attempt_at: null }, stat: "failed" };
  return { set: { ...last, next_attempt_at: r.at + backoffDelay(attempts, o, d.id) }, stat: "retried" };
}

/** One attempt: check the target again, POST to the checked address, and reduce any failure to a code. */
async function attempt(url: string, post: OutgoingPost, o: DeliveryOptions): Promise<{ code: number | null; error: string | null }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { code: null, error: "target_refused" };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return { code: null, error: "target_refused" };
  const checked = await checkTarget(target, o.targets, o.resolve);
  if (!checked.ok) return { code: null, error: checked.reason };
  try {
    const code = await o.send(target, checked, post);
    return { code, error: code >= 200 && code < 300 ? null : "http_status" };
  } catch {
    return { code: null, error: "unreachable" };
  }
}
