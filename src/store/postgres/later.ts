/** PostgreSQL: `max` is only an aggregate; the scalar maximum is `greatest`. */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.later. */
export const later: DialectQueries["later"] = (a, b) => sql<number>`greatest(${a}, ${b})`;
