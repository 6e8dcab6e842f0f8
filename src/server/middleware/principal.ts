/**
 * Middleware: who is calling (an API key, a session, or nobody), resolved once per request and
 * kept on the context as `principal` for the middleware and the handler after it. A malformed or
 * unknown credential stops the request here (`auth.invalid`), before it costs a rate-limit token.
 *
 * @example
 * app.on("GET", "/api/v1/messages", principal((c) => resolvePrincipal(c, store)), handler);
 */
import type { Context, MiddlewareHandler } from "hono";
import type { Principal } from "../auth/principal.js";

declare module "hono" {
  interface ContextVariableMap {
    principal: Principal;
  }
}

/** Resolves the caller with `resolve` and sets `c.get("principal")`. */
export function principal(resolve: (c: Context) => Promise<Principal>): MiddlewareHandler {
  return async function principalMiddleware(c, next) {
    c.set("principal", await resolve(c));
    await next();
  };
}
