/**
 * Aggregates over stored readings: messages per day and emotion, per cause and polarity, per
 * language and per channel (each split by sentiment), and sentiment per day, shaped from the rows
 * src/store/aggregate-rows.ts counts (indexed reading columns or rollups, never message text). Days are UTC.
 *
 * @example
 * const rows = await emotionsByDay(store, { workspaceId: 1, includeEmployee: false, from: Date.parse("2026-01-01") });
 * // [{ day: "2026-01-01", emotion: "anger", count: 12 }, ...]
 */
import { causeRows, DAY_MS, emotionDayRows, sentimentDayRows, sentimentRows, type AggregateFilter } from "../store/aggregate-rows.js";
import type { Store } from "../store/open-store.js";

export { rollupsAnswer, type AggregateFilter } from "../store/aggregate-rows.js";

function isoDay(day: number): string {
  return new Date(Number(day) * DAY_MS).toISOString().slice(0, 10);
}

export async function emotionsByDay(store: Store, f: AggregateFilter): Promise<{ day: string; emotion: string; count: number }[]> {
  const rows = await emotionDayRows(store, f);
  return rows.map((r) => ({ day: isoDay(r.day), emotion: r.label, count: Number(r.n) }));
}

export async function causesByPolarity(
  store: Store,
  f: AggregateFilter,
): Promise<{ cause: string; positive: number; negative: number; total: number }[]> {
  const rows = await causeRows(store, f);
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
  const by = new Map<string, SentimentSplit>();
  for (const r of await sentimentRows(store, f, column)) {
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
  const rows = await sentimentDayRows(store, f);
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
