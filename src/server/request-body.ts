/**
 * Reads request bodies with bounds: the bytes as sent are capped, gzip (Content-Encoding or magic
 * bytes) is inflated with a cap on its output, UTF-8 is decoded strictly, and JSON is parsed and
 * validated against a strict zod schema. Nothing larger than the cap is ever held in memory.
 *
 * @example
 * const body = await readJson(c, MessageInput, LIMITS.jsonBodyBytes);
 */
import type { Context } from "hono";
import type { z } from "zod";
import { AttuneError } from "../core/errors.js";
import { capBytes, collectBytes, inflateIfGzip, type ByteSource } from "../ingest/byte-streams.js";
import { problemsFromZod } from "../ingest/problems.js";
import { unstorableFields } from "../ingest/storable-text.js";

/** The request body as a bounded byte stream (inflated when gzipped). */
export function bodyBytes(c: Context, maxSent: number, maxInflated: number): ByteSource {
  const declared = Number(c.req.header("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxSent) throw new AttuneError("input.too_large", { limit: maxSent });
  const encoding = (c.req.header("content-encoding") ?? "identity").toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") throw new AttuneError("input.unsupported_format", { header: "content-encoding" });
  const stream = c.req.raw.body;
  const source: ByteSource = stream ? iterate(stream) : (async function* () {})();
  return inflateIfGzip(capBytes(source, maxSent), maxInflated, encoding === "gzip");
}

async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stop the client's upload as soon as we have given up on it.
    reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** How a body is checked beyond its schema. */
export interface BodyChecks {
  /** The body's items are checked one by one later, so that good ones are kept (batch ingest). */
  perItem?: boolean;
}

/** Reads, decodes and parses a JSON body, then validates it; failures carry codes and field paths. */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes: number,
  checks: BodyChecks = {},
): Promise<z.output<S>> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/json"))
    throw new AttuneError("input.unsupported_format", { header: "content-type", expected: "application/json" });
  const bytes = await collectBytes(bodyBytes(c, maxBytes, maxBytes));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AttuneError("input.invalid_utf8", {});
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    throw new AttuneError("input.invalid_json", m ? { position: Number(m[1]) } : {});
  }
  return validate(schema, value, checks);
}

/**
 * Validates a value, turning zod issues into one AttuneError listing every problem. Strings the
 * stores cannot keep (lone surrogates, NUL) are refused first, in every field of every request.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, checks: BodyChecks = {}): z.output<S> {
  const unstorable = checks.perItem ? [] : unstorableFields(value);
  if (unstorable.length > 0) throw new AttuneError(unstorable[0]!.code, { problems: unstorable });
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = problemsFromZod(r.error, value, 1).map(({ row: _row, ...p }) => p);
  throw new AttuneError(problems[0]?.code ?? "input.invalid_value", { problems });
}

/** Validates the query string: unknown parameters are rejected like unknown fields. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const url = new URL(c.req.url);
  const obj: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (k in obj)
      throw new AttuneError("input.invalid_value", { problems: [{ field: k, code: "input.invalid_value" }], reason: "repeated" });
    obj[k] = v;
  }
  return validate(schema, obj);
}
