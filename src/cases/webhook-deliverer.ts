/**
 * Sends queued alerts to webhook subscribers: POST JSON signed like attune's inbound webhook
 * (`X-Attune-Signature: v1=<HMAC-SHA256(secret, "<timestamp>.<body>")>`, `X-Attune-Timestamp` in
 * Unix seconds), so a receiver can check it with `verifyWebhook`. A failed attempt (non-2xx,
 * timeout, refused) is retried with exponential backoff; every attempt is logged in
 * `alert_delivery_attempts`, and a delivery that keeps failing is marked failed.
 *
 * @example
 * const sent = await deliverDue(ctx, { fetch: globalThis.fetch, maxAttempts: 8, baseDelayMs: 5000 });
 */
import { signWebhook } from "../ingest/webhook-signature.js";
import { presentAlert } from "./alerts.js";
import type { CaseContext } from "./case-context.js";
import { caseDb } from "./case-tables.js";

export interface DeliveryOptions {
  fetch: typeof globalThis.fetch;
  /** Attempts before giving up (default 8). */
  maxAttempts: number;
  /** First retry delay; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { fetch: (...a) => globalThis.fetch(...a), maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 3_600_000, timeoutMs: 10_000 };

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
  const db = caseDb(ctx.store);
  const stats: DeliveryStats = { delivered: 0, retried: 0, failed: 0 };
  const now = ctx.clock.now();
  const due = await db
    .selectFrom("alert_deliveries as d")
    .innerJoin("webhook_subscriptions as s", "s.id", "d.subscription_id")
    .innerJoin("alerts as a", "a.id", "d.alert_id")
    .select(["d.id", "d.attempts", "d.next_attempt_at", "s.url", "s.secret", "a.id as alert_id", "a.kind", "a.severity", "a.case_id", "a.channel", "a.label", "a.summary", "a.details", "a.created_at", "a.acknowledged_at"])
    .where("d.status", "=", "pending")
    .where("d.next_attempt_at", "<=", now)
    .orderBy("d.next_attempt_at")
    .limit(100)
    .execute();
  await Promise.all(
    due.map(async (d) => {
      // Lease: another process that read the same row finds next_attempt_at moved and skips it.
      const lease = now + o.timeoutMs + 5_000;
      const claimed = await db.updateTable("alert_deliveries").set({ next_attempt_at: lease }).where("id", "=", d.id).where("next_attempt_at", "=", d.next_attempt_at).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const body = JSON.stringify({ ...presentAlert({ ...d, id: d.alert_id }), delivery_id: d.id, attempt: d.attempts + 1 });
      const ts = Math.floor(ctx.clock.now() / 1000);
      const started = performance.now();
      let code: number | null = null;
      let error: string | null = null;
      try {
        const res = await o.fetch(d.url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "attune-webhooks/1", "x-attune-timestamp": String(ts), "x-attune-signature": signWebhook(d.secret, ts, body), "x-attune-delivery": String(d.id) },
          body,
          signal: AbortSignal.timeout(o.timeoutMs),
          redirect: "manual",
        });
        code = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (code < 200 || code >= 300) error = `http ${code}`;
      } catch (err) {
        error = (err as Error).name === "TimeoutError" ? "timeout" : ((err as { cause?: { code?: string } }).cause?.code ?? "network error");
      }
      const at = ctx.clock.now();
      const attempts = d.attempts + 1;
      await db.insertInto("alert_delivery_attempts").values({ delivery_id: d.id, at, status_code: code, error, duration_ms: Math.round(performance.now() - started) }).execute();
      if (error === null) {
        await db.updateTable("alert_deliveries").set({ status: "delivered", attempts, delivered_at: at, next_attempt_at: null, last_status_code: code, last_error: null }).where("id", "=", d.id).execute();
        stats.delivered += 1;
      } else if (attempts >= o.maxAttempts) {
        await db.updateTable("alert_deliveries").set({ status: "failed", attempts, next_attempt_at: null, last_status_code: code, last_error: error }).where("id", "=", d.id).execute();
        stats.failed += 1;
      } else {
        const next = at + backoffDelay(attempts, o, d.id);
        await db.updateTable("alert_deliveries").set({ attempts, next_attempt_at: next, last_status_code: code, last_error: error }).where("id", "=", d.id).execute();
        ctx.wake(next);
        stats.retried += 1;
      }
    }),
  );
  return stats;
}
