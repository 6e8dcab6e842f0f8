/** SQLite: `max` with two arguments is the scalar maximum. */
import { sql } from "kysely";
import type { DialectQueries } from "../dialect.js";

/** See DialectQueries.later. */
export const later: DialectQueries["later"] = (a, b) => sql<number>`max(${a}, ${b})`;
