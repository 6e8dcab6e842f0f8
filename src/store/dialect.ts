/**
 * The two storage dialects and the column types that differ between them, so one migration builds
 * the same schema on both.
 *
 * @example
 * col("sqlite").time; // "integer"
 */
import type { ColumnDataType } from "kysely";

export type DialectName = "sqlite" | "postgres";

/** Column types per dialect: integer milliseconds, floats, and auto-increment ids. */
export function col(dialect: DialectName): { time: ColumnDataType; real: ColumnDataType; id: ColumnDataType; ref: ColumnDataType } {
  return dialect === "postgres"
    ? { time: "bigint", real: "double precision", id: "bigserial", ref: "bigint" }
    : { time: "integer", real: "real", id: "integer", ref: "integer" };
}
