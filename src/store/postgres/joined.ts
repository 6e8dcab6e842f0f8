/** PostgreSQL: `string_agg` joins a group's values (sorted, so equal sets read the same). */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.joined. */
export const joined: DialectQueries["joined"] = (value, separator) =>
  sql<string | null>`string_agg(${value}, ${sql.lit(separator)} order by ${value})`;
