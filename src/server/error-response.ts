/**
 * The one place that turns any failure into `{error: {code, message, details}}` with its status.
 * Unknown errors become `internal` without their message (it may quote customer text); with
 * `debug` (ATTUNE_DEBUG) their stack goes to stderr, never to the client.
 *
 * @example
 * app.onError((err, c) => errorResponse(c, err));
 */
import type { Context } from "hono";
import { AttuneError, asAttuneError } from "../core/errors.js";
import { statusOf } from "./http-status.js";

export function errorResponse(c: Context, err: unknown, debug = false): Response {
  const e = asAttuneError(err);
  if (e.code === "internal" && debug) process.stderr.write(`${String((e.cause as Error)?.stack ?? e.cause)}\n`);
  const extra: Record<string, string> = {};
  // Rate limits, a database that is down and a full disk all say when to try again.
  if (typeof e.details.retry_after === "number") extra["Retry-After"] = String(Math.ceil(e.details.retry_after));
  return c.json(e.toJSON(), statusOf(e.code) as 400, extra);
}

/** Throws a not-found error; routes use it for absent and for hidden records alike. */
export function notFound(kind: string): never {
  throw new AttuneError("store.not_found", { resource: kind });
}
