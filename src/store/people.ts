/**
 * People: authors of messages under a pseudonymous key (an HMAC of their id), with what the
 * sources told about them.
 *
 * @example
 * const ids = await upsertPeople(trx, [{ workspace_id: 1, key: "k1", kind: "customer", ... }]);
 */
import type { Insertable, Kysely } from "kysely";
import { byKey, chunks } from "./chunks.js";
import type { Database, PeopleTable } from "./schema.js";

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
