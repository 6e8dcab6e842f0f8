/**
 * A route is data: method, path, the zod schemas of its query, path parameters and body, the scope
 * it needs, and its handler. The same objects validate requests and generate the OpenAPI document,
 * so the two cannot drift apart.
 *
 * @example
 * export const getHealth = defineRoute({ method: "get", path: "/health", summary: "Health", scope: null,
 *   responses: { 200: { description: "Up" } }, handler: async ({ c }) => c.json({ status: "ok" }) });
 */
import type { Context, Hono } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { z } from "zod";
import { AttuneError } from "../core/errors.js";
import type { Scope } from "../store/roles.js";
import { sameHex, sha256Hex } from "../store/secrets.js";
import type { AppDeps } from "./app-deps.js";
import { resolvePrincipal, type Principal } from "./auth/principal.js";
import { errorResponse } from "./error-response.js";
import { readJson, readQuery, validate } from "./request-body.js";

export interface RouteContext<Q, P, B> {
  c: Context;
  query: Q;
  params: P;
  body: B;
  principal: Principal;
  deps: AppDeps;
}

export interface RouteSpec<Q = unknown, P = unknown, B = unknown> {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Path under /api/v1 in hono syntax (`/messages/:id`). */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Scope required; null for public routes. */
  scope: Scope | null;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** JSON body schema; `raw` routes read the body themselves (streams, signed webhooks). */
  body?: z.ZodType<B>;
  /** Documented body when items are validated one by one later (batch ingest keeps good rows). */
  docBody?: z.ZodType;
  raw?: { contentTypes: string[]; description: string };
  maxBodyBytes?: number;
  /** Bucket cost (expensive routes take more than one token). */
  cost?: number;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handler(ctx: RouteContext<Q, P, B>): Promise<Response>;
}

export function defineRoute<Q = Record<string, never>, P = Record<string, never>, B = undefined>(
  spec: RouteSpec<Q, P, B>,
): RouteSpec<Q, P, B> {
  return spec;
}

export const API_PREFIX = "/api/v1";

const UNSAFE = new Set(["post", "put", "patch", "delete"]);

/** Adds every route to the app: principal, rate limit, scope, CSRF, validation, then the handler. */
export function mountRoutes(app: Hono, specs: RouteSpec<any, any, any>[], deps: AppDeps): void {
  for (const spec of specs) {
    app.on(spec.method.toUpperCase(), API_PREFIX + spec.path, async (c) => {
      try {
        const principal = await resolvePrincipal(c, deps.store);
        deps.limiter.take(principal.kind === "anonymous" ? `ip:${clientAddress(c)}` : `${principal.kind}:${principal.id}`, spec.cost ?? 1);
        if (spec.scope !== null) {
          if (principal.kind === "anonymous") throw new AttuneError("auth.required", {});
          if (!principal.scopes.has(spec.scope)) throw new AttuneError("auth.forbidden", { scope: spec.scope });
        }
        if (principal.kind === "session" && UNSAFE.has(spec.method)) {
          const token = c.req.header("x-csrf-token");
          if (!token || !principal.csrfHash || !sameHex(sha256Hex(token), principal.csrfHash)) throw new AttuneError("auth.csrf", {});
        }
        const query = spec.query ? readQuery(c, spec.query) : readQuery(c, EMPTY);
        const params = spec.params ? validate(spec.params, c.req.param()) : {};
        const body = spec.body
          ? await readJson(c, spec.body, spec.maxBodyBytes ?? deps.limits.jsonBodyBytes, { perItem: spec.docBody !== undefined })
          : undefined;
        return await spec.handler({ c, query, params, body, principal, deps });
      } catch (err) {
        return errorResponse(c, err, deps.debug);
      }
    });
  }
}

const EMPTY = z.object({}).strict();

/** The caller's address, for anonymous rate limits (a proxy in front should set its own limits). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "local";
  }
}
