/**
 * POST /analyze: a stateless Reading of a text; nothing is stored.
 *
 * @example
 * curl -s -X POST localhost:3000/api/v1/analyze -H "authorization: Bearer $KEY" -H 'content-type: application/json' \
 *   -d '{"text":"Grabe, 2 weeks na wala pa rin yung order ko!","context":{"channel":"social"}}'
 */
import { z } from "zod";
import { ReadingContextSchema } from "../../core/reading-context.js";
import type { ReadingContext } from "../../core/reading.js";
import { LIMITS } from "../../ingest/limits.js";
import { ReadingOut } from "../reading-schema.js";
import { defineRoute } from "../route.js";

export const AnalyzeBody = z
  .object({
    text: z.string().min(1).max(LIMITS.textChars),
    // The same rules as the CLI's records (core/reading-context.ts).
    context: ReadingContextSchema.optional(),
  })
  .strict();

export const analyzeRoutes = [
  defineRoute({
    method: "post",
    path: "/analyze",
    summary: "Read a text without storing it",
    tags: ["analyze"],
    scope: "analyze",
    body: AnalyzeBody,
    maxBodyBytes: 1_048_576,
    responses: { 200: { description: "The Reading (docs/reading.md)", schema: ReadingOut } },
    async handler({ c, body, deps }) {
      const engine = await deps.engine();
      const context: ReadingContext = { ...(body.context ?? {}) };
      return c.json(engine.analyze(body.text, context));
    },
  }),
];
