/**
 * The two storage dialects and what differs between them. Column types let one migration build the
 * same schema on both; `DialectQueries` holds the queries that must be written differently, one
 * implementation per dialect (`sqlite/` and `postgres/`, the same file set, as kysely keeps its
 * dialects), picked once when the store opens (`store.queries`).
 *
 * @example
 * col("sqlite").time; // "integer"
 * await store.queries.claimQueued(store, "reading_queue", "w-1", { limit: 200, leaseMs: 60_000, now: Date.now() });
 */
import type { AliasedRawBuilder, ColumnDataType, Expression, Kysely, RawBuilder } from "kysely";
import type { MessageQuery } from "./message-query.js";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";
import type { SurveyFactsIndex, SurveyFactsTable } from "./survey-facts.js";

export type DialectName = "sqlite" | "postgres";

/** The leased work queues between the pipeline's stages (work-queue.ts). */
export type QueueTable = "reading_queue" | "triage_queue";

/** Column types per dialect: integer milliseconds, floats, and auto-increment ids. */
export function col(dialect: DialectName): { time: ColumnDataType; real: ColumnDataType; id: ColumnDataType; ref: ColumnDataType } {
  return dialect === "postgres"
    ? { time: "bigint", real: "double precision", id: "bigserial", ref: "bigint" }
    : { time: "integer", real: "real", id: "integer", ref: "integer" };
}

/** How the message list looks a text up: through the text index, and whether it must bound its scan. */
export interface TextPlan {
  /** The index narrows the candidates first (then every candidate is re-checked). */
  index: boolean;
  /** Without the index, the scan is bounded per page (TEXT_SCAN_WINDOW). */
  scan: boolean;
}

/** The queries written differently on SQLite and PostgreSQL; everything else is shared kysely. */
export interface DialectQueries {
  readonly name: DialectName;
  /** Leases up to `limit` free queue rows, oldest message first; returns their message ids. */
  claimQueued(
    store: Pick<Store, "db" | "dialect" | "queries">,
    table: QueueTable,
    by: string,
    o: { limit: number; leaseMs: number; now: number },
  ): Promise<number[]>;
  /** Runs `fn` in a transaction that holds the database's write lock from its start (write-transaction.ts adds the health notes). */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The group's values joined by `separator` (order not promised: SQLite has none). */
  joined(value: Expression<string>, separator: string): RawBuilder<string | null>;
  /** The later of two instants in SQL (an upsert keeps the newest `last_message_at`). */
  later(a: Expression<number>, b: Expression<number>): Expression<number>;
  /** Whether a language filter should start from readings (a rare language) instead of walking messages newest first. */
  readingsFirst(db: Kysely<Database>, workspaceId: number, languages: string[]): Promise<boolean>;
  /** How a text filter is served (see TextPlan). */
  textPlan(db: Kysely<Database>, text: string): Promise<TextPlan>;
  /** Keeps the messages (`m`) that contain `text`, case-insensitively. */
  whereText(q: MessageQuery, text: string, plan: TextPlan): MessageQuery;
  /**
   * Inside a write transaction, holds `keys` until it ends, so read-modify-write of rows that may not
   * exist yet is serialised across processes.
   */
  lockKeys(trx: Kysely<Database>, keys: readonly string[]): Promise<void>;
  /**
   * `survey_facts` as `s`, read along `index` (the time index for a short window, one in the
   * grouping's order for a long one: insights-surveys.ts), and the `sent_at` to bound the window with.
   */
  surveyFactsFrom(index: SurveyFactsIndex): { from: AliasedRawBuilder<SurveyFactsTable, "s">; sentAt: RawBuilder<number> };
  /** Runs a survey insight's read (insights-surveys.ts) with the planning it needs (postgres/survey-facts-from.ts). */
  surveyFactsRead<T>(db: Kysely<Database>, read: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}
