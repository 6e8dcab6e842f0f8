/**
 * People: authors of messages under a pseudonymous key (an HMAC of their id), with what the
 * sources told about them.
 *
 * @example
 * const ids = await upsertPeople(trx, [{ workspace_id: 1, key: "k1", kind: "customer", ... }]);
 */
import type { Insertable, Kysely } from "kysely";
import { byKey, chunks } from "./chunks.js";
import type { Database, PeopleTable, PersonRow } from "./schema.js";

/**
 * Adds new people and fills in what a known person's row left blank (a later row may carry the
 * name or team an earlier one lacked; a blank never erases); returns the id of every key.
 */
export async function upsertPeople(trx: Kysely<Database>, rows: readonly Insertable<PeopleTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  // Sorted by key, so concurrent batches lock rows in one order.
  for (const chunk of chunks([...rows].sort(byKey((r) => r.key)), 200)) {
    const out = await trx
      .insertInto("people")
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(["workspace_id", "key"]).doUpdateSet((eb) => ({
          display_name: eb.fn.coalesce(eb.ref("excluded.display_name"), eb.ref("people.display_name")),
          email: eb.fn.coalesce(eb.ref("excluded.email"), eb.ref("people.email")),
          phone: eb.fn.coalesce(eb.ref("excluded.phone"), eb.ref("people.phone")),
          audience: eb.fn.coalesce(eb.ref("excluded.audience"), eb.ref("people.audience")),
          team_id: eb.fn.coalesce(eb.ref("excluded.team_id"), eb.ref("people.team_id")),
        })),
      )
      .returning(["id", "key"])
      .execute();
    for (const r of out) ids.set(r.key, r.id);
  }
  return ids;
}

/** Which people a list shows: employees only to admins, by kind or key, a page after `after`. */
export interface PeopleFilter {
  workspaceId: number;
  withEmployees: boolean;
  kind?: PersonRow["kind"] | undefined;
  key?: string | undefined;
  after?: number | undefined;
  limit: number;
}

/** A page of people in id order. */
export async function listPeople(db: Kysely<Database>, f: PeopleFilter): Promise<PersonRow[]> {
  let sel = db.selectFrom("people").selectAll().where("workspace_id", "=", f.workspaceId);
  if (!f.withEmployees) sel = sel.where("kind", "<>", "employee");
  if (f.kind) sel = sel.where("kind", "=", f.kind);
  if (f.key) sel = sel.where("key", "=", f.key);
  if (f.after) sel = sel.where("id", ">", f.after);
  return sel.orderBy("id").limit(f.limit).execute();
}

/** One person of the workspace by id. */
export async function personById(db: Kysely<Database>, workspaceId: number, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
}

/**
 * How many messages a person wrote and when the last one was sent, and their survey answers, all
 * without their employee feedback (a colleague's feedback stays out of their record for every role).
 */
export async function personActivity(db: Kysely<Database>, personId: number) {
  const counts = await db
    .selectFrom("messages")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max<number>("sent_at").as("last")])
    .where("person_id", "=", personId)
    .where("direction", "<>", "employee")
    .executeTakeFirstOrThrow();
  const surveys = await db
    .selectFrom("survey_answers as s")
    .innerJoin("messages as m", "m.id", "s.message_id")
    .select(["s.kind", "s.score", "s.answered_at", "s.thread_id"])
    .where("s.person_id", "=", personId)
    .where("m.direction", "<>", "employee")
    .orderBy("s.answered_at")
    .execute();
  return { messages: Number(counts.n), lastMessageAt: counts.last, surveys };
}

/** The name and attributes (customer value) of these people, by id. */
export async function personFacts(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, { display_name: string | null; attributes: string | null }>> {
  const parts = await Promise.all(
    [...chunks(ids, 500)].map((chunk) =>
      db.selectFrom("people").select(["id", "display_name", "attributes"]).where("id", "in", chunk).execute(),
    ),
  );
  return new Map(parts.flat().map((p) => [p.id, p]));
}

/** A person as the case page shows them. */
export async function personSummary(
  db: Kysely<Database>,
  id: number,
): Promise<{ id: number; display_name: string | null; audience: number | null } | undefined> {
  return db.selectFrom("people").select(["id", "display_name", "audience"]).where("id", "=", id).executeTakeFirst();
}
