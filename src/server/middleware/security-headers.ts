/**
 * Middleware: the headers every answer carries, errors included. `nosniff` keeps browsers from
 * guessing a JSON answer is a script; `no-referrer` keeps case and message ids in URLs from
 * leaking to other sites; API answers are never cached (they hold customer text and change).
 *
 * @example
 * app.use("*", securityHeaders("/api/v1"));
 */
import type { MiddlewareHandler } from "hono";

/** Sets the headers after the handler has answered; `apiPrefix` marks the answers not to cache. */
export function securityHeaders(apiPrefix: string): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    if (c.req.path.startsWith(apiPrefix)) c.header("Cache-Control", "no-store");
  };
}
