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
import type { z } from "zod";
import type { Scope } from "../store/roles.js";
import type { AppDeps } from "./app-deps.js";
import { resolvePrincipal, type Principal } from "./auth/principal.js";
import { csrf } from "./middleware/csrf.js";
import { limit } from "./middleware/limit.js";
import { principal } from "./middleware/principal.js";
import { requireScope } from "./middleware/scope.js";
import { validation } from "./middleware/validation.js";

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

/**
 * Adds every route to the app as a chain of named middleware (./middleware/, each with its test),
 * as hono composes them: principal, rate limit, scope, CSRF, validation, then the handler. A
 * failure anywhere goes to the app's error handler (`app.onError`), which answers with its code.
 */
export function mountRoutes(app: Hono, specs: RouteSpec<any, any, any>[], deps: AppDeps): void {
  const resolve = (c: Context) => resolvePrincipal(c, deps.store);
  for (const spec of specs) {
    const schemas = {
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.maxBodyBytes !== undefined ? { maxBodyBytes: spec.maxBodyBytes } : {}),
      perItem: spec.docBody !== undefined,
    };
    app.on(
      spec.method.toUpperCase(),
      API_PREFIX + spec.path,
      principal(resolve),
      limit(deps.limiter, spec.cost ?? 1),
      ...(spec.scope !== null ? [requireScope(spec.scope)] : []),
      csrf(),
      validation(schemas, deps.limits.jsonBodyBytes),
      function routeHandler(c) {
        const { query, params, body } = c.get("input");
        return spec.handler({ c, query, params, body, principal: c.get("principal"), deps });
      },
    );
  }
}

export { clientAddress } from "./middleware/limit.js";
