/**
 * The rows the insights aggregates are made of (src/insights/aggregates.ts shapes them): counts of
 * readings and labels grouped by day, label, polarity, language or channel and sentiment, from the
 * daily rollups (migrations 003 and 004) when they can answer the filter, else from the indexed
 * columns of `readings` and `reading_labels`. Never message text. Days are UTC day numbers.
 *
 * @example
 * const rows = await emotionDayRows(store, { workspaceId: 1, includeEmployee: false }); // [{ day: 20454, label: "anger", n: 12 }]
 */
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from "kysely";
import { sql } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";

/** Which readings an aggregate counts. */
export interface AggregateFilter {
  workspaceId: number;
  includeEmployee: boolean;
  from?: number;
  to?: number;
  channels?: string[];
  languages?: string[];
  directions?: string[];
  /** Count the readings themselves, not the rollups (checks that the rollups are exact). */
  live?: boolean;
}

/** One UTC day. */
export const DAY_MS = 86_400_000;

/** Kysely's selection type of a query that has selected nothing yet. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- it is `{}` by kysely's definition
type NothingSelected = {};

function filtered<T extends "readings" | "reading_labels">(
  q: SelectQueryBuilder<Database, T, NothingSelected>,
  f: AggregateFilter,
): SelectQueryBuilder<Database, T, NothingSelected> {
  let out = q.where((eb: ExpressionBuilder<any, any>) => eb("workspace_id", "=", f.workspaceId)) as typeof q;
  const w = (fn: (eb: ExpressionBuilder<any, any>) => any) => {
    out = out.where(fn) as typeof q;
  };
  if (!f.includeEmployee) w((eb) => eb("direction", "<>", "employee"));
  if (f.from !== undefined) w((eb) => eb("sent_at", ">=", f.from!));
  if (f.to !== undefined) w((eb) => eb("sent_at", "<", f.to!));
  if (f.channels?.length) w((eb) => eb("channel", "in", f.channels!));
  if (f.languages?.length) w((eb) => eb("language", "in", f.languages!));
  if (f.directions?.length) w((eb) => eb("direction", "in", f.directions!));
  return out;
}

const dayOf = sql<number>`(sent_at / ${sql.lit(DAY_MS)})`;

/**
 * Whether the rollups (migrations 003 and 004, daily and exact on both databases) can answer a
 * filter: only whole UTC days, or a day cut by the window would be counted whole.
 */
export function rollupsAnswer(f: Pick<AggregateFilter, "from" | "to" | "live">): boolean {
  return !f.live && (f.from === undefined || f.from % DAY_MS === 0) && (f.to === undefined || f.to % DAY_MS === 0);
}

/** Rollup rows of a table under the filter, summed over PostgreSQL's shards by the callers' grouping. */
function rolled(store: Store, table: "rollup_readings" | "rollup_labels", f: AggregateFilter) {
  let q = (store.db as unknown as Kysely<any>).selectFrom(table).where("workspace_id", "=", f.workspaceId);
  if (!f.includeEmployee) q = q.where("direction", "<>", "employee");
  if (f.from !== undefined) q = q.where("day", ">=", f.from / DAY_MS);
  if (f.to !== undefined) q = q.where("day", "<", f.to / DAY_MS);
  if (f.channels?.length) q = q.where("channel", "in", f.channels);
  if (f.languages?.length) q = q.where("language", "in", f.languages);
  if (f.directions?.length) q = q.where("direction", "in", f.directions);
  return q;
}
// Re-reads and erasure leave rollup rows at zero: a group summing to zero has no messages.
const sumN = sql<number>`sum(n)`;

/** Messages per day and emotion. */
export async function emotionDayRows(store: Store, f: AggregateFilter): Promise<{ day: number; label: string; n: number }[]> {
  return rollupsAnswer(f)
    ? await rolled(store, "rollup_labels", f)
        .where("kind", "=", "emotion")
        .select(["day", "label", sumN.as("n")])
        .groupBy(["day", "label"])
        .having(sumN, "<>", 0)
        .orderBy("day")
        .orderBy("label")
        .execute()
    : await filtered(store.db.selectFrom("reading_labels"), f)
        .where("kind", "=", "emotion")
        .select([dayOf.as("day"), "label", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy([dayOf, "label"])
        .orderBy("day")
        .orderBy("label")
        .execute();
}

/** Messages per cause and polarity. */
export async function causeRows(store: Store, f: AggregateFilter): Promise<{ label: string; polarity: string; n: number }[]> {
  return rollupsAnswer(f)
    ? await rolled(store, "rollup_labels", f)
        .where("kind", "=", "cause")
        .select(["label", "polarity", sumN.as("n")])
        .groupBy(["label", "polarity"])
        .having(sumN, "<>", 0)
        .execute()
    : await filtered(store.db.selectFrom("reading_labels"), f)
        .where("kind", "=", "cause")
        .select(["label", "polarity", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy(["label", "polarity"])
        .execute();
}

/** Messages per language or channel and sentiment. */
export async function sentimentRows(
  store: Store,
  f: AggregateFilter,
  column: "language" | "channel",
): Promise<{ sentiment: string; n: number; [k: string]: unknown }[]> {
  return (
    rollupsAnswer(f)
      ? await rolled(store, "rollup_readings", f)
          .select([column, "sentiment", sumN.as("n")])
          .groupBy([column, "sentiment"])
          .having(sumN, "<>", 0)
          .execute()
      : await filtered(store.db.selectFrom("readings"), f)
          .select([column, "sentiment", (eb) => eb.fn.countAll<number>().as("n")])
          .groupBy([column, "sentiment"])
          .execute()
  ) as { sentiment: string; n: number; [k: string]: unknown }[];
}

/** Messages per day and sentiment. */
export async function sentimentDayRows(store: Store, f: AggregateFilter): Promise<{ day: number; sentiment: string; n: number }[]> {
  return rollupsAnswer(f)
    ? await rolled(store, "rollup_readings", f)
        .select(["day", "sentiment", sumN.as("n")])
        .groupBy(["day", "sentiment"])
        .having(sumN, "<>", 0)
        .orderBy("day")
        .execute()
    : await filtered(store.db.selectFrom("readings"), f)
        .select([dayOf.as("day"), "sentiment", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy([dayOf, "sentiment"])
        .orderBy("day")
        .execute();
}
