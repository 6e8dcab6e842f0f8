/**
 * Teams of a workspace, named by the rows that mention them (ingest).
 *
 * @example
 * const ids = await upsertTeams(trx, 1, ["Billing", "Returns"]); // Map { "Billing" => 3, "Returns" => 4 }
 */
import type { Kysely } from "kysely";
import { byKey } from "./chunks.js";
import type { Database } from "./schema.js";

/** Adds the teams the workspace does not have yet; returns the id of every name. */
export async function upsertTeams(trx: Kysely<Database>, workspaceId: number, names: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (!names.length) return ids;
  // Sorted: concurrent batches then lock shared rows in one order (PostgreSQL would deadlock otherwise).
  const sorted = [...names].sort(byKey((n) => n));
  await trx
    .insertInto("teams")
    .values(sorted.map((name) => ({ workspace_id: workspaceId, name })))
    .onConflict((oc) => oc.columns(["workspace_id", "name"]).doNothing())
    .execute();
  const rows = await trx
    .selectFrom("teams")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("name", "in", sorted)
    .execute();
  for (const r of rows) ids.set(r.name, r.id);
  return ids;
}

/** The teams of a workspace by name. */
export async function listTeams(db: Kysely<Database>, workspaceId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("teams").select(["id", "name"]).where("workspace_id", "=", workspaceId).orderBy("name").execute();
}
