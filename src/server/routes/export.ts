/**
 * The message export: every customer and agent message of a window with its Reading, survey answer
 * and case, as RFC 4180 CSV streamed a page at a time (pulled by the client: constant memory,
 * however long the window). Formula-like cells are neutralised (src/insights/csv-cell.ts).
 * Employee feedback is never exported message by message.
 *
 * @example
 * curl -s "localhost:3000/api/v1/export/messages?format=csv&from=2026-01-01&to=2026-02-01" -H "authorization: Bearer $KEY" > jan.csv
 */
import { z } from "zod";
import { EXPORT_COLUMNS, exportMessagesCsv } from "../../insights/export-messages.js";
import { defineRoute } from "../route.js";
import { timeParam } from "../schemas.js";

/** A pull-driven byte stream over text chunks: the next chunk is made only when the client reads. */
function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** GET /export/messages. */
export const exportRoutes = [
  defineRoute({
    method: "get",
    path: "/export/messages",
    summary: "Export messages with their Readings as CSV (streamed)",
    description: `RFC 4180 CSV, CRLF line ends, UTF-8, a header row: ${EXPORT_COLUMNS.join(", ")}. One row per customer or agent message sent in [from, to), oldest first; employee feedback is never exported. Label lists are joined by ";", causes written cause:polarity. A cell starting with =, +, -, @, tab or CR (other than a plain number) gets a leading apostrophe so no spreadsheet runs it as a formula.`,
    tags: ["insights"],
    scope: "insights:read",
    query: z
      .object({
        format: z.enum(["csv"]).default("csv"),
        from: timeParam.optional(),
        to: timeParam.optional(),
      })
      .strict(),
    cost: 10,
    responses: { 200: { description: "text/csv, streamed" } },
    async handler({ query: q, principal, deps }) {
      const chunks = exportMessagesCsv(deps.store, {
        workspaceId: principal.workspaceId,
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
      });
      const name = `attune-messages-${q.from !== undefined ? new Date(q.from).toISOString().slice(0, 10) : "start"}-${q.to !== undefined ? new Date(q.to).toISOString().slice(0, 10) : "now"}.csv`;
      return new Response(byteStream(chunks), {
        headers: {
          "content-type": "text/csv; charset=utf-8; header=present",
          "content-disposition": `attachment; filename="${name}"`,
          "cache-control": "no-store",
        },
      });
    },
  }),
];
