/**
 * The OpenAPI 3.1 document, generated from the same route objects (and zod schemas) that validate
 * requests. Query and path schemas become parameters, bodies become request bodies, and every
 * error answer shares one Error schema. zod puts a schema registered with an id (`.meta({ id })`)
 * under the converted schema's own `$defs` and points at `#/$defs/<id>`, which in an OpenAPI
 * document resolves against the document root: such definitions move to `components.schemas` and
 * their references with them, so the document validates and generators can name the types.
 *
 * @example
 * const doc = openApiDocument(allRoutes); // served at GET /api/v1/openapi.json
 */
import { z } from "zod";
import { API_PREFIX, type RouteSpec } from "./route.js";
import { ErrorBody } from "./schemas.js";

type Json = Record<string, unknown>;

/** Named schemas shared by the whole document (components.schemas), filled as routes are converted. */
type Components = Record<string, Json>;

const DEFS_REF = "#/$defs/";
const COMPONENTS_REF = "#/components/schemas/";

/** A schema as JSON Schema: requests as clients may send them (`input`), answers as the server sends them (`output`). */
function schemaOf(s: z.ZodType, components: Components, io: "input" | "output" = "input"): Json {
  const { $schema: _, $defs, ...out } = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
    const moved = refsToComponents(def) as Json;
    const known = components[id];
    if (known && JSON.stringify(known) !== JSON.stringify(moved)) throw new Error(`two different schemas share the id ${id}`);
    components[id] = moved;
  }
  return refsToComponents(out) as Json;
}

/** A copy of a JSON Schema with every `#/$defs/X` reference pointing at `#/components/schemas/X`. */
function refsToComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(refsToComponents);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" && v.startsWith(DEFS_REF) ? COMPONENTS_REF + v.slice(DEFS_REF.length) : refsToComponents(v),
    ]),
  );
}

function parameters(s: z.ZodType | undefined, where: "query" | "path", components: Components): Json[] {
  if (!s) return [];
  const js = schemaOf(s, components) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema as Json & { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (js.required ?? []).includes(name),
      schema: rest,
      ...(description ? { description } : {}),
    };
  });
}

function storeResponse(description: string): Json {
  return {
    description,
    headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } },
    content: { "application/json": { schema: { $ref: `${COMPONENTS_REF}Error` } } },
  };
}

export function openApiDocument(specs: RouteSpec<any, any, any>[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const components: Components = {};
  schemaOf(ErrorBody, components);
  for (const spec of specs) {
    const path = API_PREFIX + spec.path.replace(/:([A-Za-z_]+)/g, "{$1}");
    const responses: Record<string, Json> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { "application/json": { schema: schemaOf(r.schema, components, "output") } } } : {}),
      };
    }
    // Every route uses the database: any may find it down; writes may find it full.
    responses["503"] ??= { $ref: "#/components/responses/StoreUnavailable" };
    if (spec.method !== "get") responses["507"] ??= { $ref: "#/components/responses/StoreFull" };
    responses.default = { description: "Error", content: { "application/json": { schema: { $ref: `${COMPONENTS_REF}Error` } } } };
    const bodySchema = spec.docBody ?? spec.body;
    const op: Json = {
      operationId: `${spec.method}${spec.path.replace(/[/:-]+([a-z])/g, (_m, ch: string) => ch.toUpperCase()).replace(/[^A-Za-z0-9]/g, "")}`,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      security: spec.scope === null ? [] : [{ apiKey: [] }, { session: [] }],
      ...(spec.scope ? { "x-attune-scope": spec.scope } : {}),
      parameters: [...parameters(spec.params, "path", components), ...parameters(spec.query, "query", components)],
      responses,
    };
    if (bodySchema) op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(bodySchema, components) } } };
    else if (spec.raw)
      op.requestBody = {
        required: true,
        description: spec.raw.description,
        content: Object.fromEntries(spec.raw.contentTypes.map((t) => [t, { schema: { type: "string", format: "binary" } }])),
      };
    (paths[path] ??= {})[spec.method] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "attune API",
      version,
      description: "Customer and employee messages in, Readings out. Errors are {error: {code, message, details}} with stable codes.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "API key (atk_...), created once with POST /api/v1/keys or `attune keys create`.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "attune_session",
          description: "Browser session; writes also need the X-CSRF-Token header.",
        },
      },
      schemas: components,
      responses: {
        StoreUnavailable: storeResponse(
          "store.unavailable: the database cannot be reached (down, restarting). Send the request again after Retry-After seconds: what it stored before failing (an import's earlier rows) comes back as duplicates, never twice.",
        ),
        StoreFull: storeResponse(
          "store.full: the database has no space left (disk full). Send the request again after Retry-After seconds, once space is freed: what it stored before failing comes back as duplicates, never twice.",
        ),
      },
    },
    paths,
  };
}
