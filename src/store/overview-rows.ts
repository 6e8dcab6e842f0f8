/**
 * The rows the dashboard's overview is made of (src/insights/overview.ts assembles them): readings
 * per UTC day and sentiment, emotions, causes per polarity, channel and language, and urgency in
 * five bands, from the daily rollups (migrations 003 and 004) or straight from the indexed reading
 * columns. Never message text.
 *
 * @example
 * const rows = await liveOverviewRows(store, { workspaceId: 1, includeEmployee: false, teams: [3] });
 */
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import { DAY_MS as DAY, type AggregateFilter } from "./aggregate-rows.js";
import type { Store } from "./open-store.js";
import { urgencyBandSql } from "./urgency-band.js";

/** An aggregate filter with the team that handled or is concerned by the message. */
export interface OverviewRowsFilter extends AggregateFilter {
  teams?: number[] | undefined;
}

/** Counted rows, one list per part of the overview. */
export interface OverviewRows {
  days: { day: number; sentiment: string; n: number }[];
  emotions: { label: string; n: number }[];
  causes: { label: string; polarity: string; channel: string; language: string; n: number }[];
  urgency: { band: number; n: number }[];
}

/** The overview rows straight from `readings` and `reading_labels` (windows that cut a day, and checks). */
export async function liveOverviewRows(store: Store, f: OverviewRowsFilter): Promise<OverviewRows> {
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
  const band = urgencyBandSql("r.urgency");
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

  return { days: dayRows, emotions: emotionRows, causes: causeRows, urgency: urgencyRows };
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

/** The overview rows from the daily rollups, summed over PostgreSQL's shards; `labels` false leaves emotions and causes empty (the rollups have no team for them). */
export async function rollupOverviewRows(store: Store, f: OverviewRowsFilter, labels: boolean): Promise<OverviewRows> {
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
  if (!labels) return { days: dayRows, urgency: urgencyRows, emotions: [], causes: [] };
  const labelRows = (kind: string) => db.selectFrom("rollup_labels").where("kind", "=", kind).where(where);
  const [emotionRows, causeRows] = await Promise.all([
    labelRows("emotion")
      .select(["label", sumN.as("n")])
      .groupBy("label")
      .execute(),
    labelRows("cause")
      .select(["label", "polarity", "channel", "language", sumN.as("n")])
      .groupBy(["label", "polarity", "channel", "language"])
      .execute(),
  ]);
  return { days: dayRows, urgency: urgencyRows, emotions: emotionRows, causes: causeRows };
}
