/**
 * The source a vendor webhook posts to, with the secret that proves the sender (an HMAC key or a
 * shared token), found by name; undefined for an unknown source or one without a secret.
 *
 * @example
 * const src = await signedSource(store.db, "zammad"); // { id, workspace_id, secret }
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

export async function signedSource(
  db: Kysely<Database>,
  name: string,
): Promise<{ id: number; workspace_id: number; secret: string } | undefined> {
  const row = await db
    .selectFrom("sources")
    .select(["id", "workspace_id", "webhook_secret"])
    .where("name", "=", name)
    .where("webhook_secret", "is not", null)
    .executeTakeFirst();
  return row?.webhook_secret ? { id: row.id, workspace_id: row.workspace_id, secret: row.webhook_secret } : undefined;
}
