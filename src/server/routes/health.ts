/**
 * GET /health: database reachable, reading queue depth and lag, pipeline version. Public, so load
 * balancers can call it without a key; it reveals no content.
 *
 * @example
 * curl -s localhost:3000/api/v1/health
 */
import { sql } from "kysely";
import { z } from "zod";
import { PIPELINE_VERSION } from "../../core/version.js";
import { queueStats } from "../../store/reading-queue.js";
import { defineRoute } from "../route.js";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["sqlite", "postgres"]),
  pipeline_version: z.string(),
  reading_queue: z.object({ pending: z.number(), failed: z.number(), lag_ms: z.number() }),
});

export const healthRoutes = [
  defineRoute({
    method: "get",
    path: "/health",
    summary: "Liveness, database and reading lag",
    tags: ["health"],
    scope: null,
    responses: { 200: { description: "Up", schema: Health }, 503: { description: "Database unreachable" } },
    async handler({ c, deps }) {
      await sql`select 1`.execute(deps.store.db);
      const q = await queueStats(deps.store);
      return c.json({
        status: q.lagMs > 60_000 ? "degraded" : "ok",
        database: deps.store.dialect,
        pipeline_version: PIPELINE_VERSION,
        reading_queue: { pending: q.pending, failed: q.failed, lag_ms: q.lagMs },
      });
    },
  }),
];
