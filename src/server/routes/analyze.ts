/**
 * POST /analyze: a stateless Reading of a text; nothing is stored.
 *
 * @example
 * curl -s -X POST localhost:3000/api/v1/analyze -H "authorization: Bearer $KEY" -H 'content-type: application/json' \
 *   -d '{"text":"Grabe, 2 weeks na wala pa rin yung order ko!","context":{"channel":"social"}}'
 */
import { z } from "zod";
import { CHANNELS, DIRECTIONS } from "../../core/labels.js";
import type { ReadingContext } from "../../core/reading.js";
import { LIMITS } from "../../ingest/limits.js";
import { defineRoute } from "../route.js";

export const AnalyzeBody = z
  .object({
    text: z.string().min(1).max(LIMITS.textChars),
    context: z
      .object({
        channel: z.enum(CHANNELS).optional(),
        public: z.boolean().optional(),
        audience: z.number().int().min(0).optional(),
        direction: z.enum(DIRECTIONS).optional(),
        thread: z.array(z.string().max(LIMITS.textChars)).max(20).optional(),
        languageHint: z.string().min(2).max(8).optional(),
      })
      .strict()
      .optional(),
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
    responses: { 200: { description: "The Reading (docs/reading.md)" } },
    async handler({ c, body, deps }) {
      const engine = await deps.engine();
      const context: ReadingContext = { ...(body.context ?? {}) } as ReadingContext;
      return c.json(engine.analyze(body.text, context));
    },
  }),
];
