/**
 * `cases.reopens`: how many times a resolved case went back into work (issue 15, reopen rate). The
 * case's writers count it on the move itself (triage when the customer writes again, an agent's
 * move); before this column the service metrics matched the status events' JSON text, which breaks
 * as soon as the JSON is written differently. Existing cases are counted from their status events,
 * parsed here as JSON.
 *
 * @example
 * await caseReopens().up(db);
 */
import type { Kysely, Migration } from "kysely";

const PAGE = 5000;

/** Whether a status event's details record a move out of `resolved` back into work. */
function isReopen(details: string | null): boolean {
  if (!details) return false;
  try {
    const d = JSON.parse(details) as { from?: unknown; to?: unknown };
    return d.from === "resolved" && d.to === "open";
  } catch {
    return false;
  }
}

/** Counts the reopens already recorded as status events, page by page (a store may hold millions). */
export async function backfillReopens(db: Kysely<any>): Promise<void> {
  let after = 0;
  for (;;) {
    const page: { id: number; case_id: number; details: string | null }[] = await db
      .selectFrom("case_events")
      .select(["id", "case_id", "details"])
      .where("kind", "=", "status")
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    after = Number(page[page.length - 1]!.id);
    const counts = new Map<number, number>();
    for (const e of page) if (isReopen(e.details)) counts.set(Number(e.case_id), (counts.get(Number(e.case_id)) ?? 0) + 1);
    for (const [id, n] of counts)
      await db
        .updateTable("cases")
        .set((eb) => ({ reopens: eb("reopens", "+", n) }))
        .where("id", "=", id)
        .execute();
  }
}

export function caseReopens(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("cases")
        .addColumn("reopens", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await backfillReopens(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable("cases").dropColumn("reopens").execute();
    },
  };
}
