/**
 * Everything the dashboard's overview draws, in one pass over the indexed reading columns: volume
 * and sentiment per UTC day, the emotion mix, causes with their polarity per channel and language,
 * and urgency in five bands. Filters: time, channel, language, direction and the team that handled
 * the message. Never reads message text.
 *
 * @example
 * const o = await overview(store, { workspaceId: 1, includeEmployee: false, from: Date.parse("2026-01-01"), teams: [3] });
 * o.days[0]; // { day: "2026-01-01", total: 40, positive: 10, neutral: 12, negative: 18 }
 */
import { sql, type ExpressionBuilder } from "kysely";
import type { Store } from "../store/open-store.js";
import type { AggregateFilter, SentimentSplit } from "./aggregates.js";

export interface OverviewFilter extends AggregateFilter {
  /** Team ids (the team that handled or is concerned by the message). */
  teams?: number[];
}

export interface Overview {
  total: number;
  days: ({ day: string } & SentimentSplit)[];
  emotions: { emotion: string; count: number }[];
  /** One row per cause, polarity, channel and language: the client pivots by the dimension it shows. */
  causes: { cause: string; polarity: string; channel: string; language: string; count: number }[];
  /** Messages per urgency band: [0, .2), [.2, .4), [.4, .6), [.6, .8), [.8, 1]. */
  urgency: { band: number; count: number }[];
}

const DAY_MS = 86_400_000;

/** Upper bounds of the urgency bands (the last is closed). */
export const URGENCY_BANDS = [0.2, 0.4, 0.6, 0.8, 1] as const;

export async function overview(store: Store, f: OverviewFilter): Promise<Overview> {
  const where = (prefix: "r" | "l") => (eb: ExpressionBuilder<any, any>) => {
    const col = (c: string) => `${prefix}.${c}`;
    const parts = [eb(col("workspace_id"), "=", f.workspaceId)];
    if (!f.includeEmployee) parts.push(eb(col("direction"), "<>", "employee"));
    if (f.from !== undefined) parts.push(eb(col("sent_at"), ">=", f.from));
    if (f.to !== undefined) parts.push(eb(col("sent_at"), "<", f.to));
    if (f.channels?.length) parts.push(eb(col("channel"), "in", f.channels));
    if (f.languages?.length) parts.push(eb(col("language"), "in", f.languages));
    if (f.directions?.length) parts.push(eb(col("direction"), "in", f.directions));
    return eb.and(parts);
  };
  const teamOf = (eb: ExpressionBuilder<any, any>) => eb("r.team_id", "in", f.teams!);
  const db = store.db;
  const day = sql<number>`(r.sent_at / ${sql.lit(DAY_MS)})`;
  const band = sql<number>`(case when r.urgency < 0.2 then 0 when r.urgency < 0.4 then 1 when r.urgency < 0.6 then 2 when r.urgency < 0.8 then 3 else 4 end)`;
  const readings = () => db.selectFrom("readings as r").where(where("r")).$if(!!f.teams?.length, (q) => q.where(teamOf));
  // Labels carry their own copies of the filter columns; the team needs the reading row.
  const labels = () =>
    f.teams?.length
      ? db.selectFrom("reading_labels as l").innerJoin("readings as r", "r.message_id", "l.message_id").where(where("l")).where(teamOf)
      : db.selectFrom("reading_labels as l").where(where("l"));

  const [dayRows, emotionRows, causeRows, urgencyRows] = await Promise.all([
    readings()
      .select([day.as("day"), "r.sentiment as sentiment", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy([day, "r.sentiment"])
      .orderBy("day")
      .execute(),
    labels()
      .where("l.kind", "=", "emotion")
      .select(["l.label as label", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("l.label")
      .execute(),
    labels()
      .where("l.kind", "=", "cause")
      .select(["l.label as label", "l.polarity as polarity", "l.channel as channel", "l.language as language", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["l.label", "l.polarity", "l.channel", "l.language"])
      .execute(),
    readings()
      .select([band.as("band"), (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(band)
      .execute(),
  ]);

  const days = new Map<number, { day: string } & SentimentSplit>();
  let total = 0;
  for (const r of dayRows) {
    const d = Number(r.day);
    const e = days.get(d) ?? { day: new Date(d * DAY_MS).toISOString().slice(0, 10), total: 0, positive: 0, neutral: 0, negative: 0 };
    const n = Number(r.n);
    if (r.sentiment === "positive" || r.sentiment === "neutral" || r.sentiment === "negative") e[r.sentiment] += n;
    e.total += n;
    total += n;
    days.set(d, e);
  }
  return {
    total,
    days: [...days.values()],
    emotions: emotionRows.map((r) => ({ emotion: r.label, count: Number(r.n) })).sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)),
    causes: causeRows.map((r) => ({ cause: r.label, polarity: r.polarity, channel: r.channel, language: r.language, count: Number(r.n) })),
    urgency: URGENCY_BANDS.map((_, i) => ({ band: i, count: Number(urgencyRows.find((r) => Number(r.band) === i)?.n ?? 0) })),
  };
}

/**
 * When the newest read message was sent (null when none): the overview's default window ends there,
 * so a workspace whose data stops in the past still opens on its data.
 *
 * @example
 * const newest = await newestSentAt(store, 1, false);
 */
export async function newestSentAt(store: Store, workspaceId: number, includeEmployee: boolean): Promise<number | null> {
  const r = await store.db
    .selectFrom("readings")
    .select((eb) => eb.fn.max<number>("sent_at").as("newest"))
    .where("workspace_id", "=", workspaceId)
    .$if(!includeEmployee, (q) => q.where("direction", "<>", "employee"))
    .executeTakeFirst();
  return r?.newest === null || r?.newest === undefined ? null : Number(r.newest);
}
