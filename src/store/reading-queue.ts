/**
 * The reading queue seen from outside the worker: how far behind reading is (for /health and the
 * ingest benchmark), and re-queueing messages whose reading is missing or older than the pipeline.
 *
 * @example
 * const { pending, lagMs } = await queueStats(store);
 * const queued = await requeueStale(store, PIPELINE_VERSION);
 */
import { sql, type Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";

export interface QueueStats {
  /** Messages waiting to be read (not set aside). */
  pending: number;
  /** Messages set aside after failing repeatedly. */
  failed: number;
  /** Age of the oldest waiting message in ms (0 when none). */
  lagMs: number;
}

/** Depth and lag of a pipeline queue: `reading_queue` (ingest -> reading) by default, or `triage_queue`. */
export async function queueStats(
  store: Pick<Store, "db">,
  now = Date.now(),
  table: "reading_queue" | "triage_queue" = "reading_queue",
): Promise<QueueStats> {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when("failed", "=", 0).then(1).else(0).end()).as("pending"),
      eb.fn.sum<number>(eb.case().when("failed", "=", 1).then(1).else(0).end()).as("failed"),
      eb.fn.min<number>(eb.case().when("failed", "=", 0).then(eb.ref("enqueued_at")).else(null).end()).as("oldest"),
    ])
    .executeTakeFirstOrThrow();
  const oldest = r.oldest === null || r.oldest === undefined ? null : Number(r.oldest);
  return { pending: Number(r.pending ?? 0), failed: Number(r.failed ?? 0), lagMs: oldest === null ? 0 : Math.max(0, now - oldest) };
}

/**
 * Queues every message without a reading of `version` (or every message with `all`); returns how
 * many were queued. Set-aside messages get another chance.
 */
export async function requeueStale(store: Pick<Store, "db">, version: string, opts: { all?: boolean } = {}): Promise<number> {
  const now = Date.now();
  await store.db.updateTable("reading_queue").set({ failed: 0, attempts: 0, claimed_until: 0 }).where("failed", "=", 1).execute();
  const stale = opts.all
    ? sql`select m.id from messages m`
    : sql`select m.id from messages m left join readings r on r.message_id = m.id where r.message_id is null or r.pipeline_version <> ${version}`;
  const res = await sql`
    insert into reading_queue (message_id, enqueued_at, claimed_by, claimed_until, attempts, failed)
    select s.id, ${now}, null, 0, 0, 0 from (${stale}) s
    where true
    on conflict (message_id) do nothing`.execute(store.db);
  return Number(res.numAffectedRows ?? 0);
}

/** Inside ingest's write transaction: queues new messages for reading (one already waiting keeps its row). */
export async function enqueueForReading(trx: Kysely<Database>, messageIds: readonly number[], now: number): Promise<void> {
  const rows = messageIds.map((message_id) => ({
    message_id,
    enqueued_at: now,
    claimed_by: null,
    claimed_until: 0,
    attempts: 0,
    failed: 0,
  }));
  for (const chunk of chunks(rows, 500))
    await trx
      .insertInto("reading_queue")
      .values(chunk)
      .onConflict((oc) => oc.column("message_id").doNothing())
      .execute();
}
