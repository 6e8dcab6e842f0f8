/**
 * Connector secrets (API tokens, mailbox passwords) encrypted at rest with AES-256-GCM: a random
 * 12-byte IV per value (NIST SP 800-38D), the 16-byte tag kept beside it, so a copy of the database
 * alone holds no usable credential and a changed byte or wrong key fails instead of decrypting to junk.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url) so the format can change later.
 *
 * @example
 * const sealed = sealSecret(key, "zd-token"); openSecret(key, sealed); // "zd-token"
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AttuneError } from "../core/errors.js";

const ALGORITHM = "aes-256-gcm";

/** The key, or `config.missing_secret_key` when ATTUNE_SECRET_KEY is not set. */
export function requireKey(key: Buffer | undefined): Buffer {
  if (!key) throw new AttuneError("config.missing_secret_key", { variable: "ATTUNE_SECRET_KEY" });
  return key;
}

/** Encrypts a secret with a fresh random IV. */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Decrypts a sealed secret; a wrong key or altered value is `connector.secret_unreadable`. */
export function openSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || iv === undefined || tag === undefined || data === undefined)
    throw new AttuneError("connector.secret_unreadable", { reason: "format" });
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // The cause is dropped on purpose: it says nothing useful and must not carry key material.
    throw new AttuneError("connector.secret_unreadable", { reason: "key" });
  }
}
