/**
 * Ingestion over HTTP: one message, a JSON batch (bad items reported, good items kept), and a
 * streamed file upload (JSONL, CSV with column mapping, mbox, eml; gzip allowed) read with bounded
 * memory. Each answers with what was accepted, duplicated, in conflict and rejected.
 *
 * @example
 * curl -X POST localhost:3000/api/v1/messages -H "authorization: Bearer $KEY" -H 'content-type: application/json' \
 *   -d '{"external_id":"t-1","text":"Where is my order?","channel":"chat"}'
 */
import { z } from "zod";
import { AttuneError, asAttuneError } from "../../core/errors.js";
import { CHANNELS, DIRECTIONS } from "../../core/labels.js";
import type { CsvMapping } from "../../ingest/csv.js";
import { importStream } from "../../ingest/import-file.js";
import { Ingestor, type IngestorOptions } from "../../ingest/ingestor.js";
import { MessageInput } from "../../ingest/message-input.js";
import { nowOf, type AppDeps } from "../app-deps.js";
import type { Principal } from "../auth/principal.js";
import { defineRoute } from "../route.js";
import { bodyBytes } from "../request-body.js";

const sourceName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  .describe("Source name; external ids are unique within it.");
const SourceQuery = z.object({ source: sourceName.optional() }).strict();

const Counts = z.object({ accepted: z.number(), duplicates: z.number(), conflicts: z.number(), rejected: z.number() });
const Problem = z.object({ row: z.number(), field: z.string().optional(), code: z.string() });
/** An ingestor's report (src/ingest/ingestor.ts IngestReport): counts and the first problems. */
export const IngestReportOut = Counts.extend({
  problems: z.array(Problem),
  problems_truncated: z.boolean().optional().describe("Present when more problems were left out."),
}).meta({ id: "IngestReport" });
const BatchResult = Counts.extend({
  results: z.array(
    z.object({
      index: z.number(),
      external_id: z.string().optional(),
      status: z.enum(["accepted", "duplicate", "conflict", "rejected"]),
      id: z.number().optional(),
    }),
  ),
  problems: z.array(Problem),
});

const BatchBody = z.object({ source: sourceName.optional(), messages: z.array(z.unknown()).min(1).max(1000) }).strict();

const columns = [
  "external_id",
  "text",
  "channel",
  "author",
  "author_name",
  "author_email",
  "sent_at",
  "thread",
  "direction",
  "public",
  "subject",
  "language",
  "team",
  "audience",
] as const;
const ImportQuery = z
  .object({
    format: z.enum(["jsonl", "csv", "mbox", "eml"]),
    source: sourceName.optional(),
    channel: z.enum(CHANNELS).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    delimiter: z.string().length(1).optional(),
    ...Object.fromEntries(columns.map((c) => [`${c}_column`, z.string().min(1).max(200).optional().describe(`CSV column holding ${c}.`)])),
  })
  .strict();

/** Employee feedback over the API takes `employee:write`, and only into the open period. */
function employeeWrites(principal: Principal, deps: AppDeps): Pick<IngestorOptions, "employee" | "now"> {
  return { employee: { writer: principal.scopes.has("employee:write") }, now: () => nowOf(deps) };
}

export const ingestRoutes = [
  defineRoute({
    method: "post",
    path: "/messages",
    summary: "Ingest one message",
    description: "Stored once per (source, external_id): sent again it is a duplicate (200), with other content a conflict (409).",
    tags: ["ingest"],
    scope: "messages:write",
    query: SourceQuery,
    body: MessageInput,
    responses: {
      201: { description: "Stored", schema: z.object({ status: z.literal("accepted"), id: z.number() }) },
      200: { description: "Already stored with the same content", schema: z.object({ status: z.literal("duplicate"), id: z.number() }) },
      409: { description: "Stored before with other content (store.conflict)" },
    },
    async handler({ c, query, body, principal, deps }) {
      const ing = await Ingestor.open(deps.store, {
        workspaceId: principal.workspaceId,
        source: query.source ?? "api",
        origin: "http",
        collectResults: true,
        ...employeeWrites(principal, deps),
      });
      await ing.add(1, body);
      await ing.finish();
      const r = ing.results[0];
      if (r?.status === "rejected") {
        const p = ing.problems[0];
        throw new AttuneError(p?.code ?? "input.invalid_value", p?.field ? { field: p.field } : {});
      }
      if (r?.status === "accepted") deps.onIngested?.();
      if (r?.status === "conflict") throw new AttuneError("store.conflict", { field: "external_id" });
      if (r?.status === "accepted") return c.json({ status: "accepted", id: r.id }, 201);
      if (r?.status === "duplicate") return c.json({ status: "duplicate", id: r.id }, 200);
      throw new AttuneError("internal", {});
    },
  }),
  defineRoute({
    method: "post",
    path: "/messages/batch",
    summary: "Ingest up to 1,000 messages",
    description: "Each message is validated on its own: bad ones are reported (index, field, code) and quarantined, good ones stored.",
    tags: ["ingest"],
    scope: "messages:write",
    body: BatchBody,
    docBody: z.object({ source: sourceName.optional(), messages: z.array(MessageInput).min(1).max(1000) }).strict(),
    responses: { 200: { description: "Per-message outcome", schema: BatchResult } },
    async handler({ c, body, principal, deps }) {
      const ing = await Ingestor.open(deps.store, {
        workspaceId: principal.workspaceId,
        source: body.source ?? "api",
        origin: "http",
        collectResults: true,
        batchSize: 1000,
        ...employeeWrites(principal, deps),
      });
      for (let i = 0; i < body.messages.length; i++) await ing.add(i, body.messages[i]);
      const report = await ing.finish();
      if (report.accepted) deps.onIngested?.();
      const results = ing.results
        .map((r) => ({
          index: r.row,
          ...(r.external_id !== undefined ? { external_id: r.external_id } : {}),
          status: r.status,
          ...(r.id !== undefined ? { id: r.id } : {}),
        }))
        .sort((a, b) => a.index - b.index);
      return c.json({
        accepted: report.accepted,
        duplicates: report.duplicates,
        conflicts: report.conflicts,
        rejected: report.rejected,
        results,
        problems: report.problems,
      });
    },
  }),
  defineRoute({
    method: "post",
    path: "/import",
    summary: "Import a streamed file (JSONL, CSV, mbox, eml)",
    description:
      "The body is the file, optionally gzipped (Content-Encoding: gzip or gzip magic bytes). Read as a stream with bounded memory: records over 1 MiB, more than 200,000 rows or output beyond 1 GiB after inflation stop the import with a code; rows stored before stay stored.",
    tags: ["ingest"],
    scope: "messages:write",
    cost: 10,
    query: ImportQuery,
    raw: {
      contentTypes: ["application/x-ndjson", "text/csv", "application/mbox", "message/rfc822", "application/octet-stream"],
      description: "The file.",
    },
    responses: {
      200: { description: "Import report", schema: IngestReportOut },
      400: { description: "Malformed input" },
      413: { description: "Too large" },
    },
    async handler({ c, query, principal, deps }) {
      const q = query as Record<string, string | undefined>;
      const mapping: CsvMapping = {};
      for (const col of columns) if (q[`${col}_column`]) mapping[col] = q[`${col}_column`]!;
      const ing = await Ingestor.open(deps.store, {
        workspaceId: principal.workspaceId,
        source: query.source ?? "import",
        origin: "http",
        ...employeeWrites(principal, deps),
        defaults: { ...(query.channel ? { channel: query.channel } : {}), ...(query.direction ? { direction: query.direction } : {}) },
      });
      const bytes = bodyBytes(c, deps.limits.uploadBytes, deps.limits.uploadInflatedBytes);
      try {
        await importStream(bytes, query.format, ing, {
          mapping,
          ...(query.delimiter ? { delimiter: query.delimiter } : {}),
          maxRows: deps.limits.uploadRows,
        });
      } catch (err) {
        const report = await ing.finish();
        if (report.accepted) deps.onIngested?.();
        const e = asAttuneError(err);
        const { problems: _p, ...counts } = report;
        throw new AttuneError(e.code, { ...e.details, ...counts }, { cause: err });
      }
      const report = await ing.finish();
      if (report.accepted) deps.onIngested?.();
      return c.json(report);
    },
  }),
];
