/**
 * SQLite: a claim runs under the database's single write lock (BEGIN IMMEDIATE), so two workers
 * never lease the same row; there is no row lock to take.
 */
import { sql } from "kysely";
import { claimRows } from "../claim-rows.js";
import type { DialectQueries } from "../dialect.js";
import { withWriteTransaction } from "../write-transaction.js";

/** See DialectQueries.claimQueued. */
export const claimQueued: DialectQueries["claimQueued"] = (store, table, by, o) =>
  withWriteTransaction(store, (trx) => claimRows(trx, table, by, o, sql``));
