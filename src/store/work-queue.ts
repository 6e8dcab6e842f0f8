/**
 * The leased work queues between the pipeline's stages (`reading_queue`: ingest -> reading,
 * `triage_queue`: reading -> triage). A claim is a lease (claimed_by, claimed_until): taken with
 * FOR UPDATE SKIP LOCKED on PostgreSQL and under SQLite's single write lock, so a row goes to one
 * worker at a time; a worker that dies leaves its lease to expire, one whose write fails gives the
 * claim back at once. A row leaves the queue only in the transaction that stores the stage's result,
 * and only for the worker that still holds it: a stage done twice after a lost lease writes once.
 *
 * @example
 * const ids = await claimQueued(store, "triage_queue", "w-1", { limit: 200, leaseMs: 60_000 });
 * await withWriteTransaction(store, (trx) => finishQueued(trx, "triage_queue", "w-1", ids));
 */
import type { Kysely } from "kysely";
import type { QueueTable } from "./dialect.js";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";

export type { QueueTable } from "./dialect.js";

/** Claims up to `limit` free rows, oldest message first; returns their message ids. */
export function claimQueued(
  store: Pick<Store, "db" | "dialect" | "queries">,
  table: QueueTable,
  by: string,
  o: { limit: number; leaseMs: number },
): Promise<number[]> {
  // PostgreSQL: concurrent claimers skip each other's rows; SQLite: the write lock serialises them.
  return store.queries.claimQueued(store, table, by, { ...o, now: Date.now() });
}

/**
 * Gives claims back (a write failed): the rows are free again at `retryAt` (default now), and set
 * aside (failed = 1) once they were claimed `failAfter` times. Only this worker's claims are touched.
 */
export async function releaseQueued(
  store: Pick<Store, "db" | "dialect" | "queries">,
  table: QueueTable,
  by: string,
  ids: number[],
  o: { retryAt?: number; failAfter?: number } = {},
): Promise<number> {
  let released = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const r = await store.db
      .updateTable(table)
      .set((eb) => ({
        claimed_by: null,
        claimed_until: o.retryAt ?? 0,
        failed: o.failAfter === undefined ? 0 : eb.case().when("attempts", ">=", o.failAfter).then(1).else(0).end(),
      }))
      .where("claimed_by", "=", by)
      .where("message_id", "in", ids.slice(i, i + 500))
      .executeTakeFirst();
    released += Number(r.numUpdatedRows ?? 0);
  }
  return released;
}

/**
 * Claims a worker could not give back because the database was gone (a restart, a stop): kept in
 * memory and given back before the worker's next claim, so the batch is taken up again as soon as
 * the database answers instead of after the whole lease.
 */
export class HeldClaims {
  private ids: number[] = [];

  constructor(
    private readonly store: Pick<Store, "db" | "dialect" | "queries">,
    private readonly table: QueueTable,
    private readonly by: string,
  ) {}

  /** Gives `ids` back now, or keeps them for `giveBackKept` when that fails too. */
  async giveBack(ids: number[], o: { retryAt?: number; failAfter?: number } = {}): Promise<void> {
    await releaseQueued(this.store, this.table, this.by, ids, o).catch(() => this.ids.push(...ids));
  }

  /** Gives back what an outage kept; throws (keeping them) while the database is still away. */
  async giveBackKept(): Promise<void> {
    if (!this.ids.length) return;
    await releaseQueued(this.store, this.table, this.by, this.ids);
    this.ids = [];
  }
}

/** Inside the stage's write transaction: removes the rows this worker still holds; returns their ids. */
export async function finishQueued(trx: Kysely<Database>, table: QueueTable, by: string, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .deleteFrom(table)
      .where("message_id", "in", ids.slice(i, i + 500))
      .where("claimed_by", "=", by)
      .returning("message_id")
      .execute();
    for (const r of rows) out.push(Number(r.message_id));
  }
  return out;
}

/** Rows not set aside: waiting or claimed. */
export async function queuedCount(store: Pick<Store, "db">, table: QueueTable): Promise<number> {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("failed", "=", 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Of the triage rows `by` holds, the messages that were read again (`retriage` = 1). */
export async function retriaged(store: Pick<Store, "db">, by: string, ids: number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db
      .selectFrom("triage_queue")
      .select("message_id")
      .where("message_id", "in", ids.slice(i, i + 500))
      .where("claimed_by", "=", by)
      .where("retriage", "=", 1)
      .execute();
    for (const r of rows) out.add(Number(r.message_id));
  }
  return out;
}
