/**
 * A content fingerprint of a message as it was sent: JSON with sorted keys, hashed with SHA-256.
 * The same external id with the same fingerprint is a duplicate; with another, a conflict.
 *
 * @example
 * contentHash({ text: "hi", external_id: "1" }) === contentHash({ external_id: "1", text: "hi" }); // true
 */
import { createHash } from "node:crypto";

export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(",")}}`;
}
