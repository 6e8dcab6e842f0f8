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

/** A team of the workspace by id (all digits) or by name; undefined when there is none. */
export async function findTeam(db: Kysely<Database>, workspaceId: number, ref: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("teams")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where((eb) => (/^\d+$/.test(ref) ? eb("id", "=", Number(ref)) : eb("name", "=", ref)))
    .executeTakeFirst();
}

/** Names of these teams by id (nulls ignored). */
export async function teamNames(db: Kysely<Database>, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom("teams").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** True when the team belongs to the workspace. */
export async function teamInWorkspace(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const t = await db.selectFrom("teams").select("id").where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
  return t !== undefined;
}
