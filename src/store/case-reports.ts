/**
 * Case reports over resolved cases: how many were resolved, judged and recovered per team, cause
 * or channel, and the goodwill given to them per currency.
 *
 * @example
 * const { counts, goodwill } = await recoveryCounts(store.db, { workspaceId: 1, by: "team" });
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface RecoveryQuery {
  workspaceId: number;
  by: "team" | "cause" | "channel";
  /** Resolved at or after (epoch ms). */
  from?: number;
  /** Resolved before (epoch ms). */
  to?: number;
}

/** Resolved, judged and recovered cases per key, and goodwill per key and currency. */
export async function recoveryCounts(db: Kysely<Database>, o: RecoveryQuery) {
  const keyCol =
    o.by === "team" ? sql<string | null>`t.name` : o.by === "cause" ? sql<string | null>`c.cause` : sql<string | null>`c.channel`;
  let q = db
    .selectFrom("cases as c")
    .leftJoin("teams as t", "t.id", "c.team_id")
    .select([
      keyCol.as("key"),
      sql<number>`count(*)`.as("resolved"),
      sql<number>`sum(case when c.recovered is not null then 1 else 0 end)`.as("judged"),
      sql<number>`sum(case when c.recovered = 1 then 1 else 0 end)`.as("recovered"),
    ])
    .where("c.workspace_id", "=", o.workspaceId)
    .where("c.resolved_at", "is not", null);
  if (o.from !== undefined) q = q.where("c.resolved_at", ">=", o.from);
  if (o.to !== undefined) q = q.where("c.resolved_at", "<", o.to);
  const counts = await q.groupBy(keyCol).execute();

  let g = db
    .selectFrom("case_goodwill as g")
    .innerJoin("cases as c", "c.id", "g.case_id")
    .leftJoin("teams as t", "t.id", "c.team_id")
    .select([keyCol.as("key"), "g.currency", sql<number>`sum(g.amount)`.as("amount"), sql<number>`count(distinct g.case_id)`.as("cases")])
    .where("c.workspace_id", "=", o.workspaceId)
    .where("c.resolved_at", "is not", null);
  if (o.from !== undefined) g = g.where("c.resolved_at", ">=", o.from);
  if (o.to !== undefined) g = g.where("c.resolved_at", "<", o.to);
  const goodwill = await g.groupBy([keyCol, "g.currency"]).execute();
  return { counts, goodwill };
}
