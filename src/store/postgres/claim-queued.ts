/**
 * PostgreSQL: concurrent claimers skip each other's rows (FOR UPDATE SKIP LOCKED) instead of
 * queueing behind them; the single statement is its own transaction.
 */
import { sql } from "kysely";
import { claimRows } from "../claim-rows.js";
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.claimQueued. */
export const claimQueued: DialectQueries["claimQueued"] = (store, table, by, o) =>
  claimRows(store.db, table, by, o, sql`for update skip locked`);
