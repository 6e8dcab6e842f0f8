/**
 * Finds or creates a named source of a workspace (external ids are unique per source).
 *
 * @example
 * const sourceId = await ensureSource(store, store.workspaceId, "zendesk", "api");
 */
import type { Store } from "./open-store.js";

export async function ensureSource(store: Pick<Store, "db">, workspaceId: number, name: string, kind: string): Promise<number> {
  const found = await store.db
    .selectFrom("sources")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("name", "=", name)
    .executeTakeFirst();
  if (found) return found.id;
  await store.db
    .insertInto("sources")
    .values({ workspace_id: workspaceId, name, kind, webhook_secret: null, created_at: Date.now() })
    .onConflict((oc) => oc.columns(["workspace_id", "name"]).doNothing())
    .execute();
  const row = await store.db
    .selectFrom("sources")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Marks a source as trusted (or not) for employee feedback: only respondents such a source vouches
 * for are counted in the employee view. An admin's decision, audited by the caller.
 *
 * @example
 * await setEmployeeTrust(store, store.workspaceId, sourceId, true);
 */
export async function setEmployeeTrust(store: Pick<Store, "db">, workspaceId: number, sourceId: number, trusted: boolean): Promise<void> {
  await store.db
    .updateTable("sources")
    .set({ employee_feedback: trusted ? 1 : 0 })
    .where("id", "=", sourceId)
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/** Whether a source is trusted with employee feedback (set by an admin; see employee-policy.ts). */
export async function trustsEmployeeFeedback(store: Pick<Store, "db">, sourceId: number): Promise<boolean> {
  const source = await store.db.selectFrom("sources").select("employee_feedback").where("id", "=", sourceId).executeTakeFirstOrThrow();
  return source.employee_feedback === 1;
}
