/**
 * A bare hono app for the middleware tests beside this file: the middleware under test, a handler
 * that reports what it saw, and the server's own error handler, so a refusal answers as in attune.
 *
 * @example
 * const app = middlewareApp("POST", [csrf()], session);
 * (await app.request("/t", { method: "POST" })).status; // 403
 */
import { Hono, type MiddlewareHandler } from "hono";
import type { Principal } from "../auth/principal.js";
import { errorResponse } from "../error-response.js";

export const anonymous: Principal = { kind: "anonymous", id: null, workspaceId: 1, role: null, scopes: new Set() };

/** An app answering `method /t` through `chain` after setting `who` as the principal (when given). */
export function middlewareApp(method: string, chain: MiddlewareHandler[], who?: Principal): Hono {
  const app = new Hono();
  const setPrincipal: MiddlewareHandler = async (c, next) => {
    if (who) c.set("principal", who);
    await next();
  };
  app.on(method, "/t", setPrincipal, ...chain, (c) => c.json({ reached: true, input: c.get("input") ?? null }));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

/** The answer's status and error code (or `reached` when the handler ran). */
export async function outcome(res: Response): Promise<{ status: number; code: string }> {
  const body = (await res.json()) as { error?: { code: string }; reached?: boolean };
  return { status: res.status, code: body.error?.code ?? (body.reached ? "reached" : "?") };
}
