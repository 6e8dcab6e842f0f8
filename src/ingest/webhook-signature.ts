/**
 * Signatures of the generic inbound webhook: `X-Attune-Signature: v1=<hex>` where hex is
 * HMAC-SHA256(secret, `${timestamp}.${body}`) and `X-Attune-Timestamp` is Unix seconds. Timestamps
 * outside a 5-minute window are stale; each signature is accepted once (replays are refused by the
 * caller remembering signature ids until the window has passed).
 *
 * @example
 * const ts = Math.floor(Date.now() / 1000);
 * const header = signWebhook(secret, ts, body); // "v1=9f2c..."
 * verifyWebhook(secret, String(ts), header, body); // { signatureId: "..." }
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { AttuneError } from "../core/errors.js";

export const WEBHOOK_WINDOW_S = 300;

export function signWebhook(secret: string, timestamp: number, body: string | Uint8Array): string {
  return `v1=${mac(secret, String(timestamp), body)}`;
}

function mac(secret: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

/**
 * Checks timestamp and signature; returns the id to remember against replays. Several `v1=`
 * values (comma separated) are allowed so a secret can be rotated.
 */
export function verifyWebhook(
  secret: string,
  timestamp: string | undefined,
  header: string | undefined,
  body: Uint8Array,
  nowMs = Date.now(),
): { signatureId: string; timestamp: number } {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !header) throw new AttuneError("webhook.bad_signature", {});
  const ts = Number(timestamp);
  if (Math.abs(nowMs / 1000 - ts) > WEBHOOK_WINDOW_S) throw new AttuneError("webhook.stale", { window_s: WEBHOOK_WINDOW_S });
  const expected = Buffer.from(mac(secret, timestamp, body), "hex");
  for (const part of header.split(",")) {
    const m = /^\s*v1=([0-9a-f]{64})\s*$/.exec(part);
    if (!m) continue;
    const got = Buffer.from(m[1]!, "hex");
    if (got.length === expected.length && timingSafeEqual(got, expected)) {
      return { signatureId: createHash("sha256").update(m[1]!).digest("hex"), timestamp: ts };
    }
  }
  throw new AttuneError("webhook.bad_signature", {});
}
