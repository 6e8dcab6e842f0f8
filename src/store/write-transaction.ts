/**
 * Runs a unit of writes atomically, the dialect's way (sqlite/ and postgres/write-transaction.ts:
 * SQLite takes its write lock up front and waits for it without blocking the event loop), and
 * notes the outcome for /health.
 *
 * @example
 * await withWriteTransaction(store, async (trx) => { await trx.insertInto("teams").values(row).execute(); });
 */
import type { Kysely } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";
import { noteWriteOutcome } from "./store-health.js";

/** Runs `fn` in a write transaction; its error (after the rollback) is rethrown. */
export async function withWriteTransaction<T>(store: Pick<Store, "db" | "queries">, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    const out = await store.queries.writeTransaction(store.db, fn);
    noteWriteOutcome(store.db);
    return out;
  } catch (err) {
    // /health reports a store that cannot write (down, disk full) from what real writes met.
    noteWriteOutcome(store.db, err);
    throw err;
  }
}
