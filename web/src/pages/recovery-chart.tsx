/**
 * The recovery chart the README promises: per cause, the share of judged customers who wrote
 * again clearly better after their case was resolved, over the overview's window. Each bar opens
 * that cause's messages. Nothing when cases are not enabled or none has been judged yet.
 *
 * @example
 * <RecoveryChart slice={{ from: "2026-10-01", to: "2026-12-31" }} />
 */
import { useMemo } from "react";
import { api } from "../api/client.js";
import type { RecoveryData } from "../api/types.js";
import { Chart } from "../components/chart.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import { navigate } from "../router.js";
import { COLORS } from "./overview-colors.js";

export function RecoveryChart({ slice }: { slice: Record<string, string | undefined> }) {
  const { t, label, num } = useI18n();
  const q = { by: "cause", from: slice.from, to: slice.to };
  const r = useApi(() => api.get<RecoveryData>("/recovery", q), JSON.stringify(q));
  const rows = useMemo(
    () => (r.data?.items ?? []).filter((x) => x.key !== null && x.judged > 0).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0)),
    [r.data],
  );
  const option = useMemo(
    () => ({
      grid: { left: 190, right: 24, top: 8, bottom: 24 },
      yAxis: { type: "category", data: rows.map((x) => `${label("cause", x.key!)} (${num(x.recovered)}/${num(x.judged)})`) },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
      series: [
        {
          type: "bar",
          id: "recovery",
          name: t("overview.recoveryRate"),
          data: rows.map((x) => ({ value: Math.round((x.rate ?? 0) * 100), id: x.key, itemStyle: { color: COLORS.positive } })),
        },
      ],
    }),
    [rows, label, num, t],
  );
  if (!rows.length) return null;
  return (
    <figure className="card" data-testid="recovery">
      <figcaption>{t("overview.recoveryChart")}</figcaption>
      <Chart
        testId="chart-recovery"
        label={t("overview.recoveryChart")}
        option={option}
        onPick={(p) => navigate("messages", { ...slice, cause: String((p.data as { id: string }).id), direction: "customer" })}
      />
    </figure>
  );
}
