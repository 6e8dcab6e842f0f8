/**
 * API keys: created with a role and optional narrower scopes, shown once, stored as SHA-256,
 * revocable. `findApiKey` answers only for keys that are neither revoked nor owned by a disabled user.
 *
 * @example
 * const { key } = await createApiKey(store.db, { workspaceId: 1, name: "zendesk sync", role: "agent", scopes: ["messages:write"] });
 */
import type { Kysely } from "kysely";
import { AttuneError } from "../core/errors.js";
import { SCOPES, type Role } from "./roles.js";
import type { ApiKeyRow, Database } from "./schema.js";
import { newToken, sha256Hex } from "./secrets.js";

export interface NewKey {
  workspaceId: number;
  name: string;
  role: Role;
  scopes?: string[];
  userId?: number | null;
}

export async function createApiKey(db: Kysely<Database>, k: NewKey): Promise<{ id: number; key: string; prefix: string }> {
  for (const s of k.scopes ?? [])
    if (!(SCOPES as readonly string[]).includes(s)) throw new AttuneError("input.invalid_value", { field: "scopes" });
  const key = newToken("atk");
  const prefix = key.slice(0, 10);
  const row = await db
    .insertInto("api_keys")
    .values({
      workspace_id: k.workspaceId,
      user_id: k.userId ?? null,
      name: k.name,
      prefix,
      hash: sha256Hex(key),
      role: k.role,
      scopes: (k.scopes ?? []).join(" "),
      created_at: Date.now(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, key, prefix };
}

export async function findApiKey(db: Kysely<Database>, key: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom("api_keys")
    .leftJoin("users", "users.id", "api_keys.user_id")
    .selectAll("api_keys")
    .where("api_keys.hash", "=", sha256Hex(key))
    .where("api_keys.revoked_at", "is", null)
    .where((eb) => eb.or([eb("api_keys.user_id", "is", null), eb("users.disabled_at", "is", null)]))
    .executeTakeFirst();
}

export async function revokeApiKey(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("api_keys")
    .set({ revoked_at: Date.now() })
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function countActiveAdminKeys(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom("api_keys")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The keys of a workspace, oldest first: names, prefixes and use, never the keys or their hashes. */
export async function listApiKeys(db: Kysely<Database>, workspaceId: number) {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "prefix", "role", "scopes", "user_id", "created_at", "last_used_at", "revoked_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
}

/** Notes when a key was last used. */
export async function touchApiKey(db: Kysely<Database>, id: number, now: number): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", id).execute();
}
