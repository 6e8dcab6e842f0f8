/**
 * Recovery after resolution: of the resolved cases whose customer wrote again, how many had their
 * sentiment improve, per team, cause or channel; with the goodwill given, so the cost of a recovered
 * customer is known.
 *
 * @example
 * const rows = await recoveryReport(store, { workspaceId: 1, by: "team" });
 * // [{ key: "Support CZ", judged: 40, recovered: 31, rate: 0.775, goodwill: [{ currency: "EUR", amount: 420 }] }]
 */
import { recoveryCounts, type RecoveryQuery } from "../store/case-reports.js";
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

export async function recoveryReport(store: Pick<Store, "db">, o: RecoveryQuery): Promise<RecoveryRow[]> {
  const { counts, goodwill } = await recoveryCounts(store.db, o);
  return counts
    .map((r) => {
      const judged = Number(r.judged ?? 0);
      const recovered = Number(r.recovered ?? 0);
      return {
        key: r.key,
        resolved: Number(r.resolved),
        judged,
        recovered,
        rate: judged > 0 ? Math.round((recovered / judged) * 1000) / 1000 : null,
        goodwill: goodwill
          .filter((m) => m.key === r.key)
          .map((m) => ({ currency: m.currency, amount: Math.round(Number(m.amount) * 100) / 100, cases: Number(m.cases) })),
      };
    })
    .sort((a, b) => b.resolved - a.resolved);
}
