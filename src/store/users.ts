/**
 * Users of the dashboard and the API (people of the company, not customers): email, role, scrypt
 * password hash; disabling a user ends their sessions and keys.
 *
 * @example
 * const id = await createUser(store.db, { workspaceId: 1, email: "lee@example.com", role: "analyst", password: "s3cret-long" });
 */
import type { Kysely } from "kysely";
import { AttuneError } from "../core/errors.js";
import type { Role } from "./roles.js";
import type { Database, UserRow } from "./schema.js";
import { hashPassword } from "./secrets.js";

export interface NewUser {
  workspaceId: number;
  email: string;
  role: Role;
  password?: string;
  displayName?: string;
}

export async function createUser(db: Kysely<Database>, u: NewUser): Promise<number> {
  const email = u.email.trim().toLowerCase();
  const exists = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (exists) throw new AttuneError("store.conflict", { resource: "user", field: "email" });
  const row = await db
    .insertInto("users")
    .values({
      workspace_id: u.workspaceId,
      email,
      display_name: u.displayName ?? null,
      role: u.role,
      password_hash: u.password ? await hashPassword(u.password) : null,
      created_at: Date.now(),
      disabled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

export async function disableUser(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("users")
    .set({ disabled_at: Date.now() })
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  await db.deleteFrom("sessions").where("user_id", "=", id).execute();
  await db.updateTable("api_keys").set({ revoked_at: Date.now() }).where("user_id", "=", id).where("revoked_at", "is", null).execute();
  return Number(r.numUpdatedRows) > 0;
}

/** The users of a workspace, oldest first (never their password hashes). */
export async function listUsers(db: Kysely<Database>, workspaceId: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "role", "created_at", "disabled_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
}

/** A user's id, email and role; throws when the id is unknown (the caller holds a live session of theirs). */
export async function sessionUser(db: Kysely<Database>, id: number): Promise<{ id: number; email: string; role: string }> {
  return db.selectFrom("users").select(["id", "email", "role"]).where("id", "=", id).executeTakeFirstOrThrow();
}

/** Whether an enabled admin user exists in the workspace. */
export async function hasEnabledAdmin(db: Kysely<Database>, workspaceId: number): Promise<boolean> {
  const users = await db
    .selectFrom("users")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .limit(1)
    .execute();
  return users.length > 0;
}

/** True when the user belongs to the workspace and is not disabled. */
export async function activeUserInWorkspace(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const u = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return u !== undefined;
}

/** Who a case is assigned to, as the case page shows it. */
export async function userSummary(
  db: Kysely<Database>,
  id: number,
): Promise<{ id: number; email: string; display_name: string | null } | undefined> {
  return db.selectFrom("users").select(["id", "email", "display_name"]).where("id", "=", id).executeTakeFirst();
}
