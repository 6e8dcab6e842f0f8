/**
 * The daily rollups of migration 003, on PostgreSQL (issue 3: aggregates under 300 ms over
 * 1,000,000 messages). Same tables and keys as SQLite's plus a `shard` column, kept exact by
 * statement-level triggers that read the statement's transition tables and apply one grouped
 * `insert ... on conflict do update set n = n + excluded.n` per statement (deletes add negative
 * counts, updates add the new keys and subtract the old). Readers sum over shards; a shard's row
 * may be negative, only the sum means anything.
 *
 * Why shards claimed by advisory lock, not `pg_backend_pid() % 16` or the transaction id: the
 * reading worker writes a batch in several statements (chunks of 100 readings, then labels), so
 * sorting keys within one statement does not give two transactions the same lock order across
 * statements: A locks day 3 then day 1, B day 1 then day 3, and they deadlock. A hash of pid or
 * txid only makes that rarer. Instead a transaction's first rollup write claims a shard with
 * `pg_try_advisory_xact_lock` (the lowest free of 16) and keeps it in a transaction-local setting:
 * no two open transactions ever write the same rollup rows, so rollup writes never wait and never
 * deadlock, whatever their order. Lowest free, not by pid: a key then has at most as many shard
 * rows as there were concurrent writers (2-3 here), however often workers restart, so readers sum
 * few rows. Only with more than 16 concurrent writers does one wait for a shard (a plain lock wait,
 * seen by the deadlock detector).
 * Rows are still grouped and ordered by key, so a statement touches each rollup row once.
 *
 * Existing rows are backfilled into shard 0. SQLite keeps 003's row triggers (one writer at a
 * time there): this migration does nothing on it.
 *
 * @example
 * await pgRollups("postgres").up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { DialectName } from "../dialect.js";

const SHARDS = 16;
// Frozen copy of URGENCY_BANDS (core/urgency.ts) as the rollups were built: a migration never
// changes. store/urgency-band.test.ts fails if the constant moves without a new migration.
export const BAND = (u: string) =>
  `(case when ${u} < 0.2 then 0 when ${u} < 0.4 then 1 when ${u} < 0.6 then 2 when ${u} < 0.8 then 3 else 4 end)`;
const READING_COLS = "workspace_id, day, direction, channel, language, team_id, sentiment, urgency_band";
const READING_KEY = `workspace_id, (sent_at / 86400000)::integer, direction, channel, language, coalesce(team_id, -1), sentiment, ${BAND("urgency")}`;
const LABEL_COLS = "workspace_id, kind, day, direction, channel, language, label, polarity";
const LABEL_KEY = "workspace_id, kind, (sent_at / 86400000)::integer, direction, channel, language, label, polarity";
// Only the label kinds the overview draws are rolled up (as in 003).
const KINDS = `kind in ('emotion', 'cause')`;

const TRIGGERS = [
  ["rollup_readings_ins", "readings", "insert"],
  ["rollup_readings_del", "readings", "delete"],
  ["rollup_readings_upd", "readings", "update"],
  ["rollup_labels_ins", "reading_labels", "insert"],
  ["rollup_labels_del", "reading_labels", "delete"],
  ["rollup_labels_upd", "reading_labels", "update"],
] as const;

/** The trigger body that folds one statement's transition rows into a rollup table, in this transaction's shard. */
function fold(s: string, table: "rollup_readings" | "rollup_labels", event: "insert" | "delete" | "update"): string {
  const [cols, key, where] = table === "rollup_readings" ? [READING_COLS, READING_KEY, "true"] : [LABEL_COLS, LABEL_KEY, KINDS];
  const plus = `select ${key}, 1 from new_rows where ${where}`;
  const minus = `select ${key}, -1 from old_rows where ${where}`;
  const rows = event === "insert" ? plus : event === "delete" ? minus : `${plus} union all ${minus}`;
  const c = cols
    .split(", ")
    .map((_, i) => `c${i + 1}`)
    .join(", ");
  return `declare sh smallint := ${s}.rollup_shard();
    begin
      insert into ${s}.${table} as t (${cols}, shard, n)
      select ${c}, sh, n from (select ${c}, sum(d)::integer as n from (${rows}) r(${c}, d) group by ${c} having sum(d) <> 0 order by ${c}) x
      on conflict (${cols}, shard) do update set n = t.n + excluded.n;
      return null;
    end`;
}

export function pgRollups(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== "postgres") return;
      const run = (q: string) => sql.raw(q).execute(db);
      // Qualified names: triggers fire under whatever search_path the writing session has.
      const s = `"${(await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s}"`;
      await run(`create table ${s}.rollup_readings (
        workspace_id bigint not null, day integer not null, direction text not null, channel text not null,
        language text not null, team_id bigint not null, sentiment text not null, urgency_band integer not null,
        shard smallint not null, n integer not null,
        primary key (${READING_COLS}, shard))`);
      await run(`create table ${s}.rollup_labels (
        workspace_id bigint not null, kind text not null, day integer not null, direction text not null,
        channel text not null, language text not null, label text not null, polarity text not null,
        shard smallint not null, n integer not null,
        primary key (${LABEL_COLS}, shard))`);
      await run(`insert into ${s}.rollup_readings select ${READING_KEY}, 0, count(*) from ${s}.readings group by 1, 2, 3, 4, 5, 6, 7, 8`);
      await run(
        `insert into ${s}.rollup_labels select ${LABEL_KEY}, 0, count(*) from ${s}.reading_labels where ${KINDS} group by 1, 2, 3, 4, 5, 6, 7, 8`,
      );
      await run(`create function ${s}.rollup_shard() returns smallint language plpgsql volatile as $$
        declare
          claimed text := current_setting('attune.rollup_shard', true);
          base integer := pg_backend_pid() % ${SHARDS};
          i integer;
        begin
          if claimed is not null and claimed <> '' then return claimed::smallint; end if;
          for i in 0..${SHARDS - 1} loop
            if pg_try_advisory_xact_lock(hashtext(${`'${s}.rollup'`}), i) then
              perform set_config('attune.rollup_shard', i::text, true);
              return i;
            end if;
          end loop;
          perform pg_advisory_xact_lock(hashtext(${`'${s}.rollup'`}), base);
          perform set_config('attune.rollup_shard', base::text, true);
          return base;
        end $$`);
      for (const [name, table, event] of TRIGGERS) {
        const target = table === "readings" ? "rollup_readings" : "rollup_labels";
        await run(`create function ${s}.${name}() returns trigger language plpgsql as $$ ${fold(s, target, event)} $$`);
        const refs =
          event === "insert"
            ? "new table as new_rows"
            : event === "delete"
              ? "old table as old_rows"
              : "old table as old_rows new table as new_rows";
        await run(
          `create trigger ${name} after ${event} on ${s}.${table} referencing ${refs} for each statement execute function ${s}.${name}()`,
        );
      }
    },
    async down(db: Kysely<any>) {
      if (dialect !== "postgres") return;
      for (const [name, table] of TRIGGERS) {
        await sql.raw(`drop trigger if exists ${name} on ${table}`).execute(db);
        await sql.raw(`drop function if exists ${name}()`).execute(db);
      }
      await sql.raw(`drop function if exists rollup_shard()`).execute(db);
      await db.schema.dropTable("rollup_labels").ifExists().execute();
      await db.schema.dropTable("rollup_readings").ifExists().execute();
    },
  };
}
