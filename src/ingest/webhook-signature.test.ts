import { describe, expect, it } from "vitest";
import { AttuneError } from "../core/errors.js";
import { signWebhook, verifyWebhook } from "./webhook-signature.js";

const body = new TextEncoder().encode('{"external_id":"1","text":"hi"}');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AttuneError ? err.code : "other";
  }
  return undefined;
}

describe("webhook signatures", () => {
  it("accepts a fresh signature and gives a stable id for replay checks", () => {
    const now = 1_800_000_000_000;
    const ts = now / 1000;
    const sig = signWebhook("s3cret", ts, body);
    const a = verifyWebhook("s3cret", String(ts), sig, body, now);
    const b = verifyWebhook("s3cret", String(ts), `v1=${"0".repeat(64)}, ${sig}`, body, now);
    expect(a.signatureId).toBe(b.signatureId);
    expect(a.timestamp).toBe(ts);
  });

  it("refuses other secrets, other bodies, stale or future timestamps and malformed headers", () => {
    const now = 1_800_000_000_000;
    const ts = now / 1000;
    const sig = signWebhook("s3cret", ts, body);
    expect(codeOf(() => verifyWebhook("other", String(ts), sig, body, now))).toBe("webhook.bad_signature");
    expect(codeOf(() => verifyWebhook("s3cret", String(ts), sig, new TextEncoder().encode("{}"), now))).toBe("webhook.bad_signature");
    expect(codeOf(() => verifyWebhook("s3cret", String(ts), sig, body, now + 301_000))).toBe("webhook.stale");
    expect(codeOf(() => verifyWebhook("s3cret", String(ts), sig, body, now - 301_000))).toBe("webhook.stale");
    expect(codeOf(() => verifyWebhook("s3cret", String(ts), sig, body, now + 299_000))).toBeUndefined();
    expect(codeOf(() => verifyWebhook("s3cret", "12abc", sig, body, now))).toBe("webhook.bad_signature");
    expect(codeOf(() => verifyWebhook("s3cret", String(ts), undefined, body, now))).toBe("webhook.bad_signature");
    expect(codeOf(() => verifyWebhook("s3cret", String(ts), "sha256=abc", body, now))).toBe("webhook.bad_signature");
  });
});
