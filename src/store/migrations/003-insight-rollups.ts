/**
 * Daily rollups for the dashboard's overview (issue 6), on SQLite: counts per UTC day, direction,
 * channel, language, team, sentiment and urgency band (from `readings`), and per day, direction,
 * channel, language, kind, label and polarity (emotions and causes, from `reading_labels`). Kept
 * exact by triggers on every insert, update and delete of those tables, so the reading worker,
 * `attune reread`, erasure (cascades fire the triggers) and bulk loads all keep them right without
 * knowing about them. A year of data is a few hundred thousand rollup rows instead of millions of
 * readings, so the overview stays fast at 1,000,000 messages.
 *
 * On PostgreSQL nothing is created here: concurrent workers updating the same hot rollup rows would
 * serialise (and could deadlock). Migration 004 builds them there, sharded per open transaction.
 *
 * @example
 * await insightRollups("sqlite").up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { DialectName } from "../dialect.js";

const DAY = "86400000";
// Frozen copy of URGENCY_BANDS (core/urgency.ts) as the rollups were built: a migration never
// changes. store/urgency-band.test.ts fails if the constant moves without a new migration.
export const BAND = (u: string) =>
  `(case when ${u} < 0.2 then 0 when ${u} < 0.4 then 1 when ${u} < 0.6 then 2 when ${u} < 0.8 then 3 else 4 end)`;

function readingKey(r: "new" | "old"): string {
  return `${r}.workspace_id, ${r}.sent_at / ${DAY}, ${r}.direction, ${r}.channel, ${r}.language, coalesce(${r}.team_id, -1), ${r}.sentiment, ${BAND(`${r}.urgency`)}`;
}
function readingWhere(r: "old"): string {
  return `workspace_id = ${r}.workspace_id and day = ${r}.sent_at / ${DAY} and direction = ${r}.direction and channel = ${r}.channel and language = ${r}.language and team_id = coalesce(${r}.team_id, -1) and sentiment = ${r}.sentiment and urgency_band = ${BAND(`${r}.urgency`)}`;
}
function labelKey(r: "new" | "old"): string {
  return `${r}.workspace_id, ${r}.kind, ${r}.sent_at / ${DAY}, ${r}.direction, ${r}.channel, ${r}.language, ${r}.label, ${r}.polarity`;
}
function labelWhere(r: "old"): string {
  return `workspace_id = ${r}.workspace_id and kind = ${r}.kind and day = ${r}.sent_at / ${DAY} and direction = ${r}.direction and channel = ${r}.channel and language = ${r}.language and label = ${r}.label and polarity = ${r}.polarity`;
}

const ADD_READING = (r: "new") => `insert into rollup_readings values (${readingKey(r)}, 1) on conflict do update set n = n + 1;`;
const SUB_READING = (r: "old") => `update rollup_readings set n = n - 1 where ${readingWhere(r)};`;
const ADD_LABEL = (r: "new") => `insert into rollup_labels values (${labelKey(r)}, 1) on conflict do update set n = n + 1;`;
const SUB_LABEL = (r: "old") => `update rollup_labels set n = n - 1 where ${labelWhere(r)};`;
// Only the label kinds the overview draws are rolled up.
const KINDS = `('emotion', 'cause')`;

export function insightRollups(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== "sqlite") return;
      const run = (q: string) => sql.raw(q).execute(db);
      await run(`create table rollup_readings (
        workspace_id integer not null, day integer not null, direction text not null, channel text not null,
        language text not null, team_id integer not null, sentiment text not null, urgency_band integer not null,
        n integer not null,
        primary key (workspace_id, day, direction, channel, language, team_id, sentiment, urgency_band)) without rowid`);
      await run(`create table rollup_labels (
        workspace_id integer not null, kind text not null, day integer not null, direction text not null,
        channel text not null, language text not null, label text not null, polarity text not null,
        n integer not null,
        primary key (workspace_id, kind, day, direction, channel, language, label, polarity)) without rowid`);
      await run(
        `insert into rollup_readings select ${readingKey("new").replace(/new\./g, "")}, count(*) from readings group by 1, 2, 3, 4, 5, 6, 7, 8`,
      );
      await run(
        `insert into rollup_labels select ${labelKey("new").replace(/new\./g, "")}, count(*) from reading_labels where kind in ${KINDS} group by 1, 2, 3, 4, 5, 6, 7, 8`,
      );
      await run(`create trigger rollup_readings_ins after insert on readings begin ${ADD_READING("new")} end`);
      await run(`create trigger rollup_readings_del after delete on readings begin ${SUB_READING("old")} end`);
      await run(`create trigger rollup_readings_upd after update on readings begin ${SUB_READING("old")} ${ADD_READING("new")} end`);
      await run(`create trigger rollup_labels_ins after insert on reading_labels when new.kind in ${KINDS} begin ${ADD_LABEL("new")} end`);
      await run(`create trigger rollup_labels_del after delete on reading_labels when old.kind in ${KINDS} begin ${SUB_LABEL("old")} end`);
      await run(
        `create trigger rollup_labels_upd after update on reading_labels when old.kind in ${KINDS} and new.kind in ${KINDS} begin ${SUB_LABEL("old")} ${ADD_LABEL("new")} end`,
      );
    },
    async down(db: Kysely<any>) {
      if (dialect !== "sqlite") return;
      for (const t of [
        "rollup_readings_ins",
        "rollup_readings_del",
        "rollup_readings_upd",
        "rollup_labels_ins",
        "rollup_labels_del",
        "rollup_labels_upd",
      ])
        await sql.raw(`drop trigger if exists ${t}`).execute(db);
      await db.schema.dropTable("rollup_labels").ifExists().execute();
      await db.schema.dropTable("rollup_readings").ifExists().execute();
    },
  };
}
