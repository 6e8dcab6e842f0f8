/** SQLite: a write transaction begins IMMEDIATE (write-transaction.ts), so it already holds the one write lock. */
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.lockKeys: nothing to add to the database's write lock. */
export const lockKeys: DialectQueries["lockKeys"] = async () => {};
