/**
 * Pseudonymous person keys: an HMAC of the author's identifier under the workspace's secret salt.
 * The same author always maps to the same key, and the key alone does not reveal who it is.
 *
 * @example
 * personKey(salt, "Ana@Example.com") === personKey(salt, "ana@example.com"); // true
 */
import { createHmac } from "node:crypto";

export function personKey(salt: string, identifier: string): string {
  const norm = identifier.trim().toLowerCase();
  return "p_" + createHmac("sha256", salt).update(norm).digest("hex").slice(0, 32);
}
