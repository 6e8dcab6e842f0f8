/**
 * Runs a unit of writes atomically. On SQLite it takes the write lock up front (BEGIN IMMEDIATE):
 * a deferred transaction that reads first and writes later can fail with SQLITE_BUSY when another
 * process (a standalone worker) committed in between, and would then lose an acknowledged batch.
 *
 * @example
 * await withWriteTransaction(store, async (trx) => { await trx.insertInto("teams").values(row).execute(); });
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";

export async function withWriteTransaction<T>(store: Pick<Store, "db" | "dialect">, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.dialect === "postgres") return store.db.transaction().execute((trx: Transaction<Database>) => fn(trx));
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}
