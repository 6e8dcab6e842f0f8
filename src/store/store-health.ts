/**
 * What the store can do right now, for /health: read (a query answers), write (the last real write
 * did not fail for want of the database or of space, and on SQLite there is room to grow), and how
 * far reading and triage lag. `select 1` alone said "ok" on a full disk, where every ingest failed.
 *
 * Write failures are noted by `withWriteTransaction` (ingest, the reading worker, triage) and count
 * for WRITE_FAILURE_TTL_MS unless a later write succeeds: a balancer that takes the server out of
 * rotation on 503 stops the writes that would clear it, so the verdict must expire on its own.
 *
 * @example
 * const h = await storeHealth(store); // { read: "ok", write: "full", room_bytes: 0, queues: { reading: {...}, triage: {...} } }
 */
import { sql } from "kysely";
import type { Store } from "./open-store.js";
import { queueStats, type QueueStats } from "./reading-queue.js";
import { storeFailureOf, type StoreFailure } from "../core/store-failure.js";

/** How long a failed write marks the store as unable to write, without a successful write since. */
const WRITE_FAILURE_TTL_MS = 15_000;
/** Less room than this and a batch of messages no longer fits: report the store as full. */
export const MIN_ROOM_BYTES = 1 << 20;
/** A probe that takes longer than this counts as failed (a pool waiting on a dead server). */
const PROBE_TIMEOUT_MS = 3_000;

export interface StoreHealth {
  read: "ok" | "failing";
  write: "ok" | "full" | "failing";
  /** Bytes the SQLite file can still grow by (disk and page limit); absent on PostgreSQL. */
  room_bytes?: number;
  /** The pipeline's queues (null when the store cannot be read). */
  queues: { reading: QueueStats; triage: QueueStats } | null;
}

const lastWriteFailure = new WeakMap<object, { failure: StoreFailure; at: number }>();

/** Notes how a write ended: a store failure (down, full) is remembered, a success forgets it. */
export function noteWriteOutcome(db: object, err?: unknown): void {
  if (err === undefined) {
    lastWriteFailure.delete(db);
    return;
  }
  const failure = storeFailureOf(err);
  if (failure) lastWriteFailure.set(db, { failure, at: Date.now() });
}

export async function storeHealth(store: Store, now = Date.now()): Promise<StoreHealth> {
  const queues = await withTimeout(
    (async () => {
      await sql`select 1`.execute(store.db);
      return { reading: await queueStats(store, now), triage: await queueStats(store, now, "triage_queue") };
    })(),
  ).catch(() => null);
  if (!queues) return { read: "failing", write: "failing", queues: null };
  const room = await store.roomBytes().catch(() => null);
  return { read: "ok", write: writeVerdict(store, room, now), ...(room !== null ? { room_bytes: room } : {}), queues };
}

function writeVerdict(store: Store, room: number | null, now: number): StoreHealth["write"] {
  if (room !== null && room < MIN_ROOM_BYTES) return "full";
  const last = lastWriteFailure.get(store.db);
  if (!last || now - last.at > WRITE_FAILURE_TTL_MS) return "ok";
  return last.failure.code === "store.full" ? "full" : "failing";
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("probe timed out")), PROBE_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
