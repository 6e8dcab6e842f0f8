/**
 * The device cookie of sign-in throttling (sign-in-throttle.ts): given at a successful sign-in, it
 * tells later attempts from the same browser for the same account apart from everyone else's, so
 * a guesser elsewhere can slow the account but never lock its owner out. Stateless: the token is
 * `<id>.<HMAC(key, account + id)>`, under a key derived from the workspace secret.
 *
 * @example
 * const token = deviceToken(key, "lee@example.com");
 * deviceIdOf(key, "lee@example.com", token); // the id; null for another account or a forged token
 */
import { createHmac, randomBytes } from "node:crypto";
import { sameHex } from "../store/secrets.js";

export const DEVICE_COOKIE = "attune_device";
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 86_400;

/** The cookie-signing key, derived from the workspace secret (so it holds across restarts and processes). */
export function deviceKey(workspaceSecret: string): Buffer {
  return createHmac("sha256", workspaceSecret).update("attune sign-in device cookie v1").digest();
}

function mac(key: Buffer, account: string, id: string): string {
  return createHmac("sha256", key).update(`${account.trim().toLowerCase()}\n${id}`).digest("hex");
}

/** A new device token for the account. */
export function deviceToken(key: Buffer, account: string): string {
  const id = randomBytes(12).toString("base64url");
  return `${id}.${mac(key, account, id)}`;
}

/** The device id when `token` was given to this account, else null. */
export function deviceIdOf(key: Buffer, account: string, token: string | undefined): string | null {
  const m = token ? /^([A-Za-z0-9_-]{16})\.([0-9a-f]{64})$/.exec(token) : null;
  if (!m) return null;
  return sameHex(m[2]!, mac(key, account, m[1]!)) ? m[1]! : null;
}
