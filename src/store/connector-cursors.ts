/**
 * The resume point of each connector (a helpdesk export cursor, an IMAP UIDVALIDITY/UID pair), kept
 * as opaque JSON text per workspace and connector name. Connectors save it only after the messages
 * it covers were ingested, so a crash replays an overlap and never skips a message.
 *
 * @example
 * const cur = await readCursor(store.db, store.workspaceId, "zendesk:acme");
 * await saveCursor(store.db, store.workspaceId, "zendesk:acme", JSON.stringify({ cursor: "abc" }));
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** The saved cursor of a connector, or null before its first sync. */
export async function readCursor(db: Kysely<Database>, workspaceId: number, connector: string): Promise<string | null> {
  const row = await db
    .selectFrom("connector_cursors")
    .select("cursor")
    .where("workspace_id", "=", workspaceId)
    .where("connector", "=", connector)
    .executeTakeFirst();
  return row?.cursor ?? null;
}

/** Saves (inserts or replaces) a connector's cursor; `db` may be a transaction. */
export async function saveCursor(
  db: Kysely<Database>,
  workspaceId: number,
  connector: string,
  cursor: string,
  now = Date.now(),
): Promise<void> {
  await db
    .insertInto("connector_cursors")
    .values({ workspace_id: workspaceId, connector, cursor, updated_at: now })
    .onConflict((oc) => oc.columns(["workspace_id", "connector"]).doUpdateSet({ cursor, updated_at: now }))
    .execute();
}

/** Forgets a connector's cursor, so its next sync starts from the beginning. */
export async function clearCursor(db: Kysely<Database>, workspaceId: number, connector: string): Promise<void> {
  await db.deleteFrom("connector_cursors").where("workspace_id", "=", workspaceId).where("connector", "=", connector).execute();
}
