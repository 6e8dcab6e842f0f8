/**
 * Middleware: the request checked against the route's zod schemas (query, path parameters, JSON
 * body) before the handler runs, kept on the context as `input`. A query with a parameter the
 * route does not declare is refused too; a body over `maxBodyBytes` is `input.too_large` before it
 * is parsed; `perItem` routes (batch ingest) check items one by one later and keep the good ones.
 *
 * @example
 * app.on("GET", "/api/v1/messages", validation({ query: MessageQuery }, LIMITS.jsonBodyBytes), handler);
 */
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { readJson, readQuery, validate } from "../request-body.js";

export interface ValidInput {
  query: unknown;
  params: unknown;
  body: unknown;
}

declare module "hono" {
  interface ContextVariableMap {
    input: ValidInput;
  }
}

export interface InputSchemas {
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** Largest JSON body in bytes (default: the caller's `defaultMaxBodyBytes`). */
  maxBodyBytes?: number;
  /** The body's items are checked one by one later (batch ingest keeps good rows). */
  perItem?: boolean;
}

const EMPTY = z.object({}).strict();

/** Validates query, path parameters and body, and sets `c.get("input")`. */
export function validation(schemas: InputSchemas, defaultMaxBodyBytes: number): MiddlewareHandler {
  return async function validationMiddleware(c, next) {
    const query = readQuery(c, schemas.query ?? EMPTY);
    const params = schemas.params ? validate(schemas.params, c.req.param()) : {};
    const body = schemas.body
      ? await readJson(c, schemas.body, schemas.maxBodyBytes ?? defaultMaxBodyBytes, { perItem: schemas.perItem === true })
      : undefined;
    c.set("input", { query, params, body });
    await next();
  };
}
