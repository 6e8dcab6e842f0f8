/**
 * Sources of a workspace: where messages come from (external ids are unique per source), whether
 * they may post by signed webhook, and whether they are trusted with employee feedback.
 *
 * @example
 * const sourceId = await ensureSource(store, store.workspaceId, "zendesk", "api");
 */
import type { Store } from "./open-store.js";

/** Finds or creates a named source; returns its id. */
export async function ensureSource(store: Pick<Store, "db">, workspaceId: number, name: string, kind: string): Promise<number> {
  const byName = () => store.db.selectFrom("sources").select("id").where("workspace_id", "=", workspaceId).where("name", "=", name);
  const found = await byName().executeTakeFirst();
  if (found) return found.id;
  await store.db
    .insertInto("sources")
    .values({ workspace_id: workspaceId, name, kind, webhook_secret: null, created_at: Date.now() })
    .onConflict((oc) => oc.columns(["workspace_id", "name"]).doNothing())
    .execute();
  return (await byName().executeTakeFirstOrThrow()).id;
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

/** The sources of a workspace, oldest first. */
export async function listSources(store: Pick<Store, "db">, workspaceId: number) {
  return store.db
    .selectFrom("sources")
    .select(["id", "name", "kind", "webhook_secret", "employee_feedback", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
}

/** Lets a source post by signed webhook with this secret (replacing any earlier one). */
export async function setWebhookSecret(store: Pick<Store, "db">, sourceId: number, secret: string): Promise<void> {
  await store.db.updateTable("sources").set({ webhook_secret: secret }).where("id", "=", sourceId).execute();
}

/** A source that takes signed webhooks, by name; undefined when there is none. */
export async function webhookSource(
  store: Pick<Store, "db">,
  name: string,
): Promise<{ id: number; workspace_id: number; webhook_secret: string | null } | undefined> {
  return store.db
    .selectFrom("sources")
    .select(["id", "workspace_id", "webhook_secret"])
    .where("name", "=", name)
    .where("webhook_secret", "is not", null)
    .executeTakeFirst();
}
