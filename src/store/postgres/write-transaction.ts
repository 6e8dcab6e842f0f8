/** PostgreSQL: a plain transaction; row locks and SKIP LOCKED keep concurrent writers apart. */
import type { Transaction } from "kysely";
import type { DialectQueries } from "../dialect.js";
import type { Database } from "../schema.js";

/** See DialectQueries.writeTransaction. */
export const writeTransaction: DialectQueries["writeTransaction"] = (db, fn) =>
  db.transaction().execute((trx: Transaction<Database>) => fn(trx));
