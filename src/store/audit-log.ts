/**
 * The audit log: who did what, when, to which record, with details that never hold personal data.
 *
 * @example
 * await audit(store.db, { workspaceId: 1, actor: { kind: "key", id: 3 }, action: "key.created", target: { kind: "api_key", id: "7" } });
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface Actor {
  kind: "user" | "key" | "cli" | "system";
  id: number | null;
}

export interface AuditEntry {
  workspaceId: number;
  actor: Actor;
  action: string;
  target?: { kind: string; id: string | null };
  details?: Record<string, string | number | boolean>;
}

/** Appends an entry. */
export async function audit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      workspace_id: e.workspaceId,
      at: Date.now(),
      actor_kind: e.actor.kind,
      actor_id: e.actor.id,
      action: e.action,
      target_kind: e.target?.kind ?? null,
      target_id: e.target?.id ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
    })
    .execute();
}

/** A page of the log, oldest first, after the entry `after`. */
export async function auditPage(db: Kysely<Database>, workspaceId: number, page: { after?: number | undefined; limit: number }) {
  let q = db.selectFrom("audit_log").selectAll().where("workspace_id", "=", workspaceId);
  if (page.after) q = q.where("id", ">", page.after);
  return q.orderBy("id").limit(page.limit).execute();
}
