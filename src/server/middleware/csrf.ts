/**
 * Middleware: CSRF protection for browser sessions. A request that changes something (POST, PUT,
 * PATCH, DELETE) and is authenticated by the session cookie must carry the session's token in
 * `X-CSRF-Token` (only its hash is stored); API keys are not sent by browsers on their own, so key
 * requests need none. Runs after `principal`.
 *
 * @example
 * app.on("POST", "/api/v1/cases/1/notes", principal(resolve), csrf(), handler);
 */
import type { MiddlewareHandler } from "hono";
import { AttuneError } from "../../core/errors.js";
import { sameHex, sha256Hex } from "../../store/secrets.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Refuses a session's unsafe request without the session's CSRF token (`auth.csrf`, 403). */
export function csrf(): MiddlewareHandler {
  return async function csrfMiddleware(c, next) {
    const p = c.get("principal");
    if (p.kind === "session" && UNSAFE.has(c.req.method)) {
      const token = c.req.header("x-csrf-token");
      if (!token || !p.csrfHash || !sameHex(sha256Hex(token), p.csrfHash)) throw new AttuneError("auth.csrf", {});
    }
    await next();
  };
}
