/**
 * Browser sessions: a random token in an HttpOnly cookie and a separate CSRF token the page sends
 * back in a header on writes; both stored only as hashes. Sessions expire.
 *
 * @example
 * const { token, csrf } = await createSession(store.db, userId);
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import { newToken, sha256Hex } from "./secrets.js";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createSession(db: Kysely<Database>, userId: number, now = Date.now()): Promise<{ token: string; csrf: string }> {
  const token = newToken("ats");
  const csrf = newToken("csrf", 24);
  await db
    .insertInto("sessions")
    .values({
      user_id: userId,
      token_hash: sha256Hex(token),
      csrf_hash: sha256Hex(csrf),
      created_at: now,
      expires_at: now + SESSION_TTL_MS,
    })
    .execute();
  await db.deleteFrom("sessions").where("expires_at", "<", now).execute();
  return { token, csrf };
}

export interface SessionUser {
  sessionId: number;
  csrfHash: string;
  userId: number;
  workspaceId: number;
  email: string;
  role: string;
}

export async function findSession(db: Kysely<Database>, token: string, now = Date.now()): Promise<SessionUser | undefined> {
  const r = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.csrf_hash as csrfHash",
      "users.id as userId",
      "users.workspace_id as workspaceId",
      "users.email as email",
      "users.role as role",
    ])
    .where("sessions.token_hash", "=", sha256Hex(token))
    .where("sessions.expires_at", ">", now)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  return r;
}

/** Issues a fresh CSRF token for a session (after a page reload the old one is gone from memory). */
export async function rotateCsrf(db: Kysely<Database>, sessionId: number): Promise<string> {
  const csrf = newToken("csrf", 24);
  await db
    .updateTable("sessions")
    .set({ csrf_hash: sha256Hex(csrf) })
    .where("id", "=", sessionId)
    .execute();
  return csrf;
}

export async function deleteSession(db: Kysely<Database>, sessionId: number): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}
