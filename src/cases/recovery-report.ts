/**
 * Recovery after resolution: of the resolved cases whose customer wrote again, how many had their
 * sentiment improve, per team, cause or channel; with the goodwill given, so the cost of a recovered
 * customer is known.
 *
 * @example
 * const rows = await recoveryReport(store, { workspaceId: 1, by: "team" });
 * // [{ key: "Support CZ", judged: 40, recovered: 31, rate: 0.775, goodwill: [{ currency: "EUR", amount: 420 }] }]
 */
import { sql } from "kysely";
import type { Store } from "../store/open-store.js";

export interface RecoveryRow {
  key: string | null;
  resolved: number;
  /** Resolved cases whose customer wrote again (recovery known). */
  judged: number;
  recovered: number;
  /** recovered / judged; null when nothing was judged. */
  rate: number | null;
  goodwill: { currency: string; amount: number; cases: number }[];
}

export async function recoveryReport(
  store: Pick<Store, "db">,
  o: { workspaceId: number; by: "team" | "cause" | "channel"; from?: number; to?: number },
): Promise<RecoveryRow[]> {
  const db = store.db;
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
  const rows = await q.groupBy(keyCol).execute();

  let g = db
    .selectFrom("case_goodwill as g")
    .innerJoin("cases as c", "c.id", "g.case_id")
    .leftJoin("teams as t", "t.id", "c.team_id")
    .select([keyCol.as("key"), "g.currency", sql<number>`sum(g.amount)`.as("amount"), sql<number>`count(distinct g.case_id)`.as("cases")])
    .where("c.workspace_id", "=", o.workspaceId)
    .where("c.resolved_at", "is not", null);
  if (o.from !== undefined) g = g.where("c.resolved_at", ">=", o.from);
  if (o.to !== undefined) g = g.where("c.resolved_at", "<", o.to);
  const money = await g.groupBy([keyCol, "g.currency"]).execute();

  return rows
    .map((r) => {
      const judged = Number(r.judged ?? 0);
      const recovered = Number(r.recovered ?? 0);
      return {
        key: r.key,
        resolved: Number(r.resolved),
        judged,
        recovered,
        rate: judged > 0 ? Math.round((recovered / judged) * 1000) / 1000 : null,
        goodwill: money
          .filter((m) => m.key === r.key)
          .map((m) => ({ currency: m.currency, amount: Math.round(Number(m.amount) * 100) / 100, cases: Number(m.cases) })),
      };
    })
    .sort((a, b) => b.resolved - a.resolved);
}
