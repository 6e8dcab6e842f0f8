/**
 * Service on the overview: first response and resolution time (median / p90, business time), SLA
 * met, reopen and recovery rates per priority for the overview's window and slices, and the backlog
 * (open cases at each day's end) as a line.
 *
 * @example
 * <ServicePanel slice={{ from: "2026-10-01", to: "2026-12-31" }} />
 */
import { useMemo } from "react";
import { api } from "../api/client.js";
import { Chart } from "../components/chart.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";

interface Duration {
  median: number | null;
  p90: number | null;
  sla_met: number | null;
}
interface Figures {
  cases: number;
  first_response: Duration;
  resolution: Duration;
  reopen_rate: number | null;
  recovery_rate: number | null;
}
interface ServiceData {
  total: Figures;
  items: (Figures & { key: string })[];
  backlog: { day: string; open: number }[] | null;
}

export function ServicePanel({ slice }: { slice: Record<string, string | undefined> }) {
  const { t, num } = useI18n();
  const q = { by: "priority", ...slice };
  const s = useApi(() => api.get<ServiceData>("/insights/service", q), JSON.stringify(q));
  const time = (m: number | null) =>
    m === null ? "–" : m < 120 ? t("service.minutes", { n: num(Math.round(m)) }) : t("service.hours", { n: num(Math.round(m / 6) / 10) });
  const pct = (x: number | null) => (x === null ? "–" : `${num(Math.round(x * 100))} %`);
  const backlog = s.data?.backlog ?? [];
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 8, bottom: 24 },
      xAxis: { type: "category", data: backlog.map((b) => b.day) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "line", id: "backlog", name: t("service.backlog"), data: backlog.map((b) => b.open) }],
    }),
    [backlog, t],
  );
  const rows = s.data ? [{ ...s.data.total, key: "" }, ...[...s.data.items].sort((a, b) => a.key.localeCompare(b.key))] : [];
  return (
    <figure className="card wide" data-testid="service">
      <figcaption>
        {t("service.title")} <span className="muted small">{t("service.hint")}</span>
      </figcaption>
      {s.error ? <p className="error">{t("common.loadFailed")}</p> : null}
      {s.data && s.data.total.cases === 0 && <p className="muted">{t("service.none")}</p>}
      {s.data && s.data.total.cases > 0 && (
        <table className="table" data-testid="service-table">
          <thead>
            <tr>
              <th scope="col">{t("service.group")}</th>
              <th scope="col">{t("service.cases")}</th>
              <th scope="col">{t("service.firstResponse")}</th>
              <th scope="col">{t("service.resolution")}</th>
              <th scope="col">{t("service.slaMet")}</th>
              <th scope="col">{t("service.reopenRate")}</th>
              <th scope="col">{t("overview.recoveryRate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={`service-row-${r.key || "all"}`}>
                <th scope="row">{r.key ? t("service.priority", { n: r.key }) : t("service.all")}</th>
                <td>{num(r.cases)}</td>
                <td>{`${time(r.first_response.median)} / ${time(r.first_response.p90)}`}</td>
                <td>{`${time(r.resolution.median)} / ${time(r.resolution.p90)}`}</td>
                <td>{`${pct(r.first_response.sla_met)} / ${pct(r.resolution.sla_met)}`}</td>
                <td>{pct(r.reopen_rate)}</td>
                <td>{pct(r.recovery_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {backlog.length > 1 && <Chart testId="chart-backlog" height={200} label={t("service.backlog")} option={option} />}
    </figure>
  );
}
