/**
 * Middleware: the rate limit. Each caller has its own token bucket (an API key, a user, or the
 * client address when anonymous); a route takes `cost` tokens, and an empty bucket answers 429
 * `rate.limited` with Retry-After. Runs after `principal`, whose result names the bucket.
 *
 * @example
 * app.on("POST", "/api/v1/import", principal(resolve), limit(limiter, 5), handler);
 */
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { RateLimiter } from "../rate-limit.js";

/** Takes `cost` tokens from the caller's bucket, or throws `rate.limited`. */
export function limit(limiter: RateLimiter, cost = 1): MiddlewareHandler {
  return async function limitMiddleware(c, next) {
    const p = c.get("principal");
    limiter.take(p.kind === "anonymous" ? `ip:${clientAddress(c)}` : `${p.kind}:${p.id}`, cost);
    await next();
  };
}

/** The caller's address, for anonymous rate limits (a proxy in front should set its own limits). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "local";
  }
}
