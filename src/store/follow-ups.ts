/**
 * Follow-ups after resolution: a resolved case may schedule a check-in with the customer; it is
 * "scheduled" until its time comes, then "due" (fired) until someone marks it done.
 *
 * @example
 * const due = await followUps(store.db, 1, "due", 50);
 */
import type { Kysely } from "kysely";
import type { CaseRow, Database } from "./schema.js";

/** Cases with an open follow-up in that state, soonest first. */
export async function followUps(db: Kysely<Database>, workspaceId: number, state: "due" | "scheduled", limit: number): Promise<CaseRow[]> {
  const q = db
    .selectFrom("cases")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("follow_up_at", "is not", null)
    .where("follow_up_done_at", "is", null)
    .where("follow_up_fired_at", state === "due" ? "is not" : "is", null);
  return q.orderBy("follow_up_at").orderBy("id").limit(limit).execute();
}
