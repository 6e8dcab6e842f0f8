/**
 * One small error class for the whole code base (after hono's HTTPException and zod's issue codes):
 * a stable machine-readable `code`, structured `details`, and a human message derived from them.
 * Messages never quote customer text: callers pass positions, field names and sizes, not content.
 *
 * @example
 * throw new AttuneError("input.too_large", { limit: 1_000_000, size: 2_400_000 });
 */
import { storeFailureOf } from "./store-failure.js";

/** Stable error codes. Others script against these: add freely, never rename. */
export const ERROR_MESSAGES = {
  "input.empty": "The text is empty.",
  "input.too_large": "The input is larger than the limit.",
  "input.invalid_utf8": "The input is not valid UTF-8.",
  "input.invalid_unicode": "A text is not well-formed Unicode: it holds a lone surrogate.",
  "input.nul_character": "A text holds a NUL character (U+0000), which is not accepted.",
  "input.invalid_json": "A line is not valid JSON.",
  "input.missing_field": "A required field is missing.",
  "input.wrong_type": "A field has the wrong type.",
  "input.unknown_field": "A field is not known.",
  "input.invalid_value": "A field has a value that is not allowed.",
  "input.unsupported_format": "This file format is not supported.",
  "input.csv_malformed": "The CSV is malformed.",
  "input.compressed_bomb": "The compressed input expands beyond the limit.",
  "input.file_not_found": "The file does not exist.",
  "input.not_a_file": "The path is not a file.",
  "input.file_unreadable": "The file cannot be read.",
  "cli.usage": "The command line is not valid.",
  "config.invalid": "The configuration is not valid.",
  "config.missing_secret_key": "ATTUNE_SECRET_KEY is not set, so connector secrets cannot be stored or read.",
  "server.port_in_use": "The port is already in use.",
  "model.missing": "A model file is missing.",
  "model.corrupt": "A model file could not be read.",
  "store.conflict": "A record with this id exists with other content.",
  "store.not_found": "The record was not found.",
  "store.unavailable": "The database could not be reached; try again shortly.",
  "store.full": "The database has no space left to store this; try again later.",
  "auth.required": "Authentication is required.",
  "auth.invalid": "The credentials are not valid.",
  "auth.forbidden": "This role may not do that.",
  "auth.csrf": "The request is missing a valid CSRF token.",
  "rate.limited": "Too many requests.",
  "employee.untrusted_source": "Employee feedback is accepted only from a source trusted for it.",
  "employee.period_closed": "The reporting period of this employee feedback has closed.",
  "webhook.bad_signature": "The webhook signature is not valid.",
  "webhook.stale": "The webhook timestamp is outside the allowed window.",
  "webhook.replay": "The webhook was already received.",
  "webhook.target_refused": "The webhook target is not a public address (see ATTUNE_WEBHOOK_ALLOW).",
  "llm.unavailable": "The language model server could not be reached.",
  "cases.unavailable": "This server runs without the case engine.",
  "connector.unreachable": "The helpdesk could not be reached, or kept failing; try again later.",
  "connector.auth": "The helpdesk refused the credentials.",
  "connector.bad_response": "The helpdesk answered with something that is not its documented format.",
  "connector.secret_unreadable": "A stored connector secret cannot be decrypted: ATTUNE_SECRET_KEY is not the key it was saved with.",
  "connector.secret_missing": "The connector's secret is not set (an environment variable or the stored secret).",
  internal: "Something went wrong inside attune.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AttuneError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(ERROR_MESSAGES[code], options);
    this.name = "AttuneError";
    this.code = code;
    this.details = details;
  }

  /** The wire shape used by the CLI and the HTTP API. */
  toJSON(): { error: { code: ErrorCode; message: string; details: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

/**
 * Narrow an unknown thrown value to an AttuneError: a database that is down or full becomes
 * `store.unavailable` or `store.full` (with `retry_after` seconds), anything else `internal`.
 */
export function asAttuneError(err: unknown): AttuneError {
  if (err instanceof AttuneError) return err;
  const failure = storeFailureOf(err);
  if (failure) return new AttuneError(failure.code, { retry_after: failure.retryAfter }, { cause: err });
  return new AttuneError("internal", {}, { cause: err });
}
