/** SQLite: `group_concat` joins a group's values, in no promised order. */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.joined. */
export const joined: DialectQueries["joined"] = (value, separator) => sql<string | null>`group_concat(${value}, ${sql.lit(separator)})`;
