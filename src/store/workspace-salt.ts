/**
 * Reads a workspace's secret salt (for pseudonymous person keys), cached per store.
 *
 * @example
 * const salt = await workspaceSalt(store, store.workspaceId);
 */
import type { Store } from "./open-store.js";

const cache = new WeakMap<object, Map<number, string>>();

export async function workspaceSalt(store: Pick<Store, "db">, workspaceId: number): Promise<string> {
  let byWs = cache.get(store.db);
  if (!byWs) cache.set(store.db, (byWs = new Map()));
  const hit = byWs.get(workspaceId);
  if (hit) return hit;
  const row = await store.db.selectFrom("workspaces").select("salt").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  byWs.set(workspaceId, row.salt);
  return row.salt;
}
