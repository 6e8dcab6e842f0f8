/**
 * Aggregates over stored readings: messages per day and emotion, per cause and polarity, per
 * language and per channel (each split by sentiment), and sentiment per day. They read the indexed
 * columns of `readings` and `reading_labels` only, never message text. Days are UTC.
 *
 * @example
 * const rows = await emotionsByDay(store, { workspaceId: 1, includeEmployee: false, from: Date.parse("2026-01-01") });
 * // [{ day: "2026-01-01", emotion: "anger", count: 12 }, ...]
 */
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from "kysely";
import { sql } from "kysely";
import type { Store } from "../store/open-store.js";
import type { Database } from "../store/schema.js";

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

const DAY_MS = 86_400_000;

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

function isoDay(day: number): string {
  return new Date(Number(day) * DAY_MS).toISOString().slice(0, 10);
}

export async function emotionsByDay(store: Store, f: AggregateFilter): Promise<{ day: string; emotion: string; count: number }[]> {
  const rows: { day: number; label: string; n: number }[] = rollupsAnswer(f)
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
  return rows.map((r) => ({ day: isoDay(r.day), emotion: r.label, count: Number(r.n) }));
}

export async function causesByPolarity(
  store: Store,
  f: AggregateFilter,
): Promise<{ cause: string; positive: number; negative: number; total: number }[]> {
  const rows: { label: string; polarity: string; n: number }[] = rollupsAnswer(f)
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
  const by = new Map<string, { cause: string; positive: number; negative: number; total: number }>();
  for (const r of rows) {
    const e = by.get(r.label) ?? { cause: r.label, positive: 0, negative: 0, total: 0 };
    const n = Number(r.n);
    if (r.polarity === "positive") e.positive += n;
    else e.negative += n;
    e.total += n;
    by.set(r.label, e);
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.cause.localeCompare(b.cause));
}

export interface SentimentSplit {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

async function bySentiment(store: Store, f: AggregateFilter, column: "language" | "channel"): Promise<Map<string, SentimentSplit>> {
  const rows = rollupsAnswer(f)
    ? await rolled(store, "rollup_readings", f)
        .select([column, "sentiment", sumN.as("n")])
        .groupBy([column, "sentiment"])
        .having(sumN, "<>", 0)
        .execute()
    : await filtered(store.db.selectFrom("readings"), f)
        .select([column, "sentiment", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy([column, "sentiment"])
        .execute();
  const by = new Map<string, SentimentSplit>();
  for (const r of rows as { sentiment: string; n: number; [k: string]: unknown }[]) {
    const key = String(r[column]);
    const e = by.get(key) ?? { total: 0, positive: 0, neutral: 0, negative: 0 };
    const n = Number(r.n);
    if (r.sentiment === "positive" || r.sentiment === "neutral" || r.sentiment === "negative") e[r.sentiment] += n;
    e.total += n;
    by.set(key, e);
  }
  return by;
}

export async function byLanguage(store: Store, f: AggregateFilter): Promise<({ language: string } & SentimentSplit)[]> {
  return [...(await bySentiment(store, f, "language"))].map(([language, s]) => ({ language, ...s })).sort((a, b) => b.total - a.total);
}

export async function byChannel(store: Store, f: AggregateFilter): Promise<({ channel: string } & SentimentSplit)[]> {
  return [...(await bySentiment(store, f, "channel"))].map(([channel, s]) => ({ channel, ...s })).sort((a, b) => b.total - a.total);
}

export async function sentimentByDay(store: Store, f: AggregateFilter): Promise<({ day: string } & SentimentSplit)[]> {
  const rows: { day: number; sentiment: string; n: number }[] = rollupsAnswer(f)
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
  const by = new Map<number, { day: string } & SentimentSplit>();
  for (const r of rows) {
    const e = by.get(r.day) ?? { day: isoDay(r.day), total: 0, positive: 0, neutral: 0, negative: 0 };
    const n = Number(r.n);
    if (r.sentiment === "positive" || r.sentiment === "neutral" || r.sentiment === "negative") e[r.sentiment] += n;
    e.total += n;
    by.set(r.day, e);
  }
  return [...by.values()];
}
