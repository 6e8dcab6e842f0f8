/**
 * The SQL that puts an urgency score in its band (core/urgency.ts), built from URGENCY_BANDS so
 * that the live overview count and `urgencyBand` cannot disagree.
 *
 * @example
 * sql<number>`${urgencyBandSql("r.urgency")}`; // (case when r.urgency < 0.2 then 0 ... else 4 end)
 */
import { sql, type RawBuilder } from "kysely";
import { URGENCY_BANDS } from "../core/urgency.js";

/** The band expression as SQL text over `column` (a trusted column name, never input). */
export function urgencyBandCase(column: string): string {
  const whens = URGENCY_BANDS.slice(0, -1).map((upper, i) => `when ${column} < ${upper} then ${i}`);
  return `(case ${whens.join(" ")} else ${URGENCY_BANDS.length - 1} end)`;
}

/** The band expression as a kysely fragment. */
export function urgencyBandSql(column: string): RawBuilder<number> {
  return sql<number>`${sql.raw(urgencyBandCase(column))}`;
}
