/**
 * PostgreSQL: transaction-scoped advisory locks on the keys' hashes, taken in one order so two
 * transactions never wait on each other crosswise. Row locks (`for update`) cannot hold a row that
 * does not exist yet, and a first attempt has no row.
 */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.lockKeys. */
export const lockKeys: DialectQueries["lockKeys"] = async (trx, keys) => {
  for (const key of [...keys].sort()) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
};
