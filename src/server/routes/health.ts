/**
 * GET /health: what the store can do (read, write, room), reading and triage queue depth and lag,
 * pipeline version. 200 while the server can read and store messages ("degraded" when reading or
 * triage lags over a minute), 503 with Retry-After when it cannot, naming which of the two fails.
 * Public, so load balancers can call it without a key; it reveals no content.
 *
 * @example
 * curl -s localhost:3000/api/v1/health
 */
import { z } from "zod";
import { PIPELINE_VERSION } from "../../core/version.js";
import type { QueueStats } from "../../store/reading-queue.js";
import { storeFailureRetryAfter } from "../../core/store-failure.js";
import { storeHealth } from "../../store/store-health.js";
import { defineRoute } from "../route.js";

const Queue = z.object({ pending: z.number(), failed: z.number(), lag_ms: z.number() });

const Health = z.object({
  status: z.enum(["ok", "degraded", "unavailable"]),
  database: z.enum(["sqlite", "postgres"]),
  pipeline_version: z.string(),
  checks: z.object({
    read: z.enum(["ok", "failing"]).describe("A query answers."),
    write: z
      .enum(["ok", "full", "failing"])
      .describe(
        "Messages can be stored: no write failed for want of the database or of space in the last seconds, and (SQLite) there is room to grow.",
      ),
    room_bytes: z.number().optional().describe("SQLite: bytes the database can still grow by (free disk, page limit)."),
  }),
  reading_queue: Queue.nullable().describe("Messages waiting to be read; null when the store cannot be read."),
  triage_queue: Queue.nullable().describe("Read messages waiting for triage (cases); null when the store cannot be read."),
});

const wire = (q: QueueStats): z.infer<typeof Queue> => ({ pending: q.pending, failed: q.failed, lag_ms: q.lagMs });

/** Reading or triage this far behind still answers 200, as "degraded". */
const DEGRADED_LAG_MS = 60_000;

export const healthRoutes = [
  defineRoute({
    method: "get",
    path: "/health",
    summary: "What the server can do: read, write, reading lag",
    tags: ["health"],
    scope: null,
    responses: {
      200: { description: "Reads and stores messages (status ok, or degraded when reading lags)", schema: Health },
      503: {
        description:
          "Cannot read or cannot store messages (database down, disk full); the body says which. Retry-After says when to ask again.",
        schema: Health,
      },
    },
    async handler({ c, deps }) {
      const h = await storeHealth(deps.store);
      const up = h.read === "ok" && h.write === "ok";
      const lag = Math.max(h.queues?.reading.lagMs ?? 0, h.queues?.triage.lagMs ?? 0);
      const body = {
        status: !up ? "unavailable" : lag > DEGRADED_LAG_MS ? "degraded" : "ok",
        database: deps.store.dialect,
        pipeline_version: PIPELINE_VERSION,
        checks: { read: h.read, write: h.write, ...(h.room_bytes !== undefined ? { room_bytes: h.room_bytes } : {}) },
        reading_queue: h.queues ? wire(h.queues.reading) : null,
        triage_queue: h.queues ? wire(h.queues.triage) : null,
      } satisfies z.infer<typeof Health>;
      if (up) return c.json(body, 200);
      return c.json(body, 503, { "Retry-After": String(storeFailureRetryAfter(h.write === "full" ? "store.full" : "store.unavailable")) });
    },
  }),
];
