/**
 * The HTTP status of each stable error code: one table, so every route answers alike.
 *
 * @example
 * statusOf("input.too_large"); // 413
 */
import type { ErrorCode } from "../core/errors.js";

const STATUS: Partial<Record<ErrorCode, number>> = {
  "input.too_large": 413,
  "input.compressed_bomb": 413,
  "input.unsupported_format": 415,
  "store.conflict": 409,
  "store.not_found": 404,
  "store.unavailable": 503,
  "store.full": 507,
  "auth.required": 401,
  "auth.invalid": 401,
  "auth.forbidden": 403,
  "auth.csrf": 403,
  "rate.limited": 429,
  "employee.untrusted_source": 403,
  "employee.period_closed": 409,
  "webhook.bad_signature": 401,
  "webhook.stale": 401,
  "webhook.replay": 409,
  "webhook.target_refused": 400,
  "llm.unavailable": 503,
  "cases.unavailable": 503,
  "config.invalid": 500,
  "config.missing_secret_key": 503,
  "connector.secret_unreadable": 500,
  "model.missing": 500,
  "model.corrupt": 500,
  internal: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? (code.startsWith("input.") ? 400 : 500);
}
