/**
 * Service on the overview: first response and resolution time (median / p90, business time), SLA
 * met, reopen and recovery rates per priority, team or channel (chosen beside the title, kept in the
 * URL) for the overview's window and slices, and the backlog (open cases at each day's end) as a line.
 *
 * @example
 * <ServicePanel slice={{ from: "2026-10-01", to: "2026-12-31" }} by="team" onBy={setBy} />
 */
import { useMemo } from "react";
import { api } from "../api/client.js";
import { Chart } from "../components/chart.js";
import { useApi } from "../components/use-api.js";
import type { Answer } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";

type ServiceData = Answer<"getInsightsService">;

export type ServiceBy = "priority" | "team" | "channel";
export const SERVICE_BY: readonly ServiceBy[] = ["priority", "team", "channel"];

export function ServicePanel({
  slice,
  by,
  onBy,
}: {
  slice: Record<string, string | undefined>;
  by: ServiceBy;
  onBy: (by: ServiceBy) => void;
}) {
  const { t, num, label } = useI18n();
  const q = { by, ...slice };
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
  // Rows are named for the grouping of the answer shown (the last one, until a new grouping's arrives).
  const shown = s.data?.by ?? by;
  const groupName = (r: { key: string; name?: string | null }) =>
    shown === "priority"
      ? t("service.priority", { n: r.key })
      : shown === "team"
        ? (r.name ?? t("service.noTeam"))
        : label("channel", r.key);
  const items = [...(s.data?.items ?? [])];
  if (shown === "priority") items.sort((a, b) => a.key.localeCompare(b.key));
  const rows = s.data ? [{ ...s.data.total, key: "", all: true }, ...items.map((i) => ({ ...i, all: false }))] : [];
  const header = { priority: t("service.group"), team: t("filters.team"), channel: t("filters.channel") }[shown];
  return (
    <figure className="card wide" data-testid="service">
      <figcaption>
        {t("service.title")}{" "}
        <select aria-label={t("overview.by")} value={by} onChange={(e) => onBy(e.target.value as ServiceBy)} data-testid="service-by">
          <option value="priority">{t("service.byPriority")}</option>
          <option value="team">{t("service.byTeam")}</option>
          <option value="channel">{t("overview.byChannel")}</option>
        </select>
        <span className="muted small"> {t("service.hint")}</span>
      </figcaption>
      {s.error ? <p className="error">{t("common.loadFailed")}</p> : null}
      {s.data && s.data.total.cases === 0 && <p className="muted">{t("service.none")}</p>}
      {s.data && s.data.total.cases > 0 && (
        <table className="table" data-testid="service-table" data-by={shown}>
          <thead>
            <tr>
              <th scope="col">{header}</th>
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
              <tr key={r.all ? "all" : `${shown}-${r.key}`} data-testid={r.all ? "service-row-all" : `service-row-${r.key || "none"}`}>
                <th scope="row">{r.all ? t("service.all") : groupName(r)}</th>
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
