/**
 * The SLA clocks of cases (first response, resolution): one row per case and kind.
 *
 * @example
 * const clocks = await loadClocks(store.db, [7, 8]); // case id -> its clocks
 */
import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { ClockRow, Database } from "./schema.js";

type Db = Kysely<Database>;

const CLOCK_COLUMNS: (keyof ClockRow)[] = [
  "target_minutes",
  "started_at",
  "stopped_at",
  "pauses",
  "due_at",
  "warn_at",
  "warned_at",
  "breached_at",
];

/** The clocks of these cases, by case id. */
export async function loadClocks(db: Db, caseIds: readonly number[]): Promise<Map<number, ClockRow[]>> {
  const out = new Map<number, ClockRow[]>();
  for (const chunk of chunks(caseIds, 500)) {
    const rows = await db.selectFrom("case_clocks").selectAll().where("case_id", "in", chunk).execute();
    for (const r of rows) {
      const list = out.get(r.case_id) ?? [];
      list.push(r);
      out.set(r.case_id, list);
    }
  }
  return out;
}

/** Writes clocks, new or changed, in a few statements. */
export async function upsertClocks(db: Db, rows: readonly ClockRow[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) {
    await db
      .insertInto("case_clocks")
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(["case_id", "kind"])
          .doUpdateSet((eb) => Object.fromEntries(CLOCK_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
      )
      .execute();
  }
}

/** Inserts the clocks of a new case. */
export async function insertClocks(db: Db, rows: readonly ClockRow[]): Promise<void> {
  if (rows.length) await db.insertInto("case_clocks").values(rows).execute();
}

/** Updates clocks one by one (a single case's: at most two). */
export async function updateClocks(db: Db, rows: readonly ClockRow[]): Promise<void> {
  for (const { case_id, kind, ...cols } of rows) {
    await db.updateTable("case_clocks").set(cols).where("case_id", "=", case_id).where("kind", "=", kind).execute();
  }
}
