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
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Store } from "../store/open-store.js";
import { rollupsAnswer, type AggregateFilter, type SentimentSplit } from "./aggregates.js";

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

const DAY = 86_400_000;

/** Upper bounds of the urgency bands (the last is closed). */
export const URGENCY_BANDS = [0.2, 0.4, 0.6, 0.8, 1] as const;

/**
 * The overview for a filter: from the rollups when they can answer it, else from the readings.
 *
 * @example
 * const o = await overview(store, { workspaceId: 1, includeEmployee: false, directions: ["customer"] });
 */
export async function overview(store: Store, f: OverviewFilter): Promise<Overview> {
  // Both databases keep daily rollups (migrations 003 and 004); whole-day windows read those instead of every reading.
  if (rollupsAnswer(f)) return overviewFromRollups(store, f);
  return overviewLive(store, f);
}

/** The overview straight from `readings` and `reading_labels` (windows that cut a day, and checks). */
export async function overviewLive(store: Store, f: OverviewFilter): Promise<Overview> {
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
  const day = sql<number>`(r.sent_at / ${sql.lit(DAY)})`;
  const band = sql<number>`(case when r.urgency < 0.2 then 0 when r.urgency < 0.4 then 1 when r.urgency < 0.6 then 2 when r.urgency < 0.8 then 3 else 4 end)`;
  const readings = () =>
    db
      .selectFrom("readings as r")
      .where(where("r"))
      .$if(!!f.teams?.length, (q) => q.where(teamOf));
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
      .select([
        "l.label as label",
        "l.polarity as polarity",
        "l.channel as channel",
        "l.language as language",
        (eb) => eb.fn.countAll<number>().as("n"),
      ])
      .groupBy(["l.label", "l.polarity", "l.channel", "l.language"])
      .execute(),
    readings()
      .select([band.as("band"), (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(band)
      .execute(),
  ]);

  return assemble(dayRows, emotionRows, causeRows, urgencyRows);
}

type Rows = {
  days: { day: number; sentiment: string; n: number }[];
  emotions: { label: string; n: number }[];
  causes: { label: string; polarity: string; channel: string; language: string; n: number }[];
  urgency: { band: number; n: number }[];
};

function assemble(dayRows: Rows["days"], emotionRows: Rows["emotions"], causeRows: Rows["causes"], urgencyRows: Rows["urgency"]): Overview {
  const days = new Map<number, { day: string } & SentimentSplit>();
  let total = 0;
  for (const r of dayRows) {
    if (Number(r.n) === 0) continue;
    const d = Number(r.day);
    const e = days.get(d) ?? { day: new Date(d * DAY).toISOString().slice(0, 10), total: 0, positive: 0, neutral: 0, negative: 0 };
    const n = Number(r.n);
    if (r.sentiment === "positive" || r.sentiment === "neutral" || r.sentiment === "negative") e[r.sentiment] += n;
    e.total += n;
    total += n;
    days.set(d, e);
  }
  return {
    total,
    days: [...days.values()],
    emotions: emotionRows
      .map((r) => ({ emotion: r.label, count: Number(r.n) }))
      .filter((e) => e.count > 0)
      .sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)),
    causes: causeRows
      .map((r) => ({ cause: r.label, polarity: r.polarity, channel: r.channel, language: r.language, count: Number(r.n) }))
      .filter((c) => c.count > 0),
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

interface RollupTables {
  rollup_readings: {
    workspace_id: number;
    day: number;
    direction: string;
    channel: string;
    language: string;
    team_id: number;
    sentiment: string;
    urgency_band: number;
    n: number;
  };
  rollup_labels: {
    workspace_id: number;
    kind: string;
    day: number;
    direction: string;
    channel: string;
    language: string;
    label: string;
    polarity: string;
    n: number;
  };
}

/** The overview from the daily rollups (summed over PostgreSQL's shards); with a team filter, emotions and causes are read live. */
async function overviewFromRollups(store: Store, f: OverviewFilter): Promise<Overview> {
  const db = store.db as unknown as Kysely<RollupTables>;
  const where = (eb: ExpressionBuilder<any, any>) => {
    const parts = [eb("workspace_id", "=", f.workspaceId)];
    if (!f.includeEmployee) parts.push(eb("direction", "<>", "employee"));
    if (f.from !== undefined) parts.push(eb("day", ">=", f.from / DAY));
    if (f.to !== undefined) parts.push(eb("day", "<", f.to / DAY));
    if (f.channels?.length) parts.push(eb("channel", "in", f.channels));
    if (f.languages?.length) parts.push(eb("language", "in", f.languages));
    if (f.directions?.length) parts.push(eb("direction", "in", f.directions));
    return eb.and(parts);
  };
  const readings = () =>
    db
      .selectFrom("rollup_readings")
      .where(where)
      .$if(!!f.teams?.length, (q) => q.where("team_id", "in", f.teams!));
  const sumN = sql<number>`sum(n)`;
  const [dayRows, urgencyRows] = await Promise.all([
    readings()
      .select(["day", "sentiment", sumN.as("n")])
      .groupBy(["day", "sentiment"])
      .orderBy("day")
      .execute(),
    readings()
      .select(["urgency_band as band", sumN.as("n")])
      .groupBy("urgency_band")
      .execute(),
  ]);
  let emotionRows: Rows["emotions"];
  let causeRows: Rows["causes"];
  if (f.teams?.length) {
    const live = await overviewLive(store, f);
    emotionRows = live.emotions.map((e) => ({ label: e.emotion, n: e.count }));
    causeRows = live.causes.map((c) => ({ label: c.cause, polarity: c.polarity, channel: c.channel, language: c.language, n: c.count }));
  } else {
    const labels = (kind: string) => db.selectFrom("rollup_labels").where("kind", "=", kind).where(where);
    [emotionRows, causeRows] = await Promise.all([
      labels("emotion")
        .select(["label", sumN.as("n")])
        .groupBy("label")
        .execute(),
      labels("cause")
        .select(["label", "polarity", "channel", "language", sumN.as("n")])
        .groupBy(["label", "polarity", "channel", "language"])
        .execute(),
    ]);
  }
  return assemble(dayRows, emotionRows, causeRows, urgencyRows);
}
