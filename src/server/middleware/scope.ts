/**
 * Middleware: the scope a route needs. Nobody signed in is `auth.required` (401); someone whose
 * role or key lacks the scope is `auth.forbidden` (403) naming the scope. Public routes do not
 * use it. Runs after `principal`.
 *
 * @example
 * app.on("GET", "/api/v1/messages", principal(resolve), requireScope("messages:read"), handler);
 */
import type { MiddlewareHandler } from "hono";
import { AttuneError } from "../../core/errors.js";
import type { Scope } from "../../store/roles.js";

/** Lets the request on only when the caller holds `scope`. */
export function requireScope(scope: Scope): MiddlewareHandler {
  return async function scopeMiddleware(c, next) {
    const p = c.get("principal");
    if (p.kind === "anonymous") throw new AttuneError("auth.required", {});
    if (!p.scopes.has(scope)) throw new AttuneError("auth.forbidden", { scope });
    await next();
  };
}
