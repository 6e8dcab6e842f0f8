/**
 * People team: employee feedback themes and sentiment per team and closed month, as the server
 * releases them (groups of at least 5 respondents; small teams pooled). There is no per-person
 * view and no link to individual messages from here.
 *
 * @example
 * <PeoplePage query={{ months: "6" }} />
 */
import { useMemo } from "react";
import { api } from "../api/client.js";
import type { EmployeeView, Team } from "../api/types.js";
import { Chart } from "../components/chart.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import { navigate } from "../router.js";

function monthsBack(n: number): { from_month: string; to_month: string } {
  const d = new Date();
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - (n - 1), 1));
  return { from_month: from.toISOString().slice(0, 7), to_month: to.toISOString().slice(0, 7) };
}

export function PeoplePage({ query }: { query: Record<string, string> }) {
  const { t, label, num } = useI18n();
  const span = Math.min(24, Math.max(1, Number(query.months ?? "12") || 12));
  const q = { ...monthsBack(span), team: query.team };
  const teams = useApi(() => api.get<{ items: Team[] }>("/teams"), "teams");
  const v = useApi(() => api.get<EmployeeView>("/insights/employee", q), JSON.stringify(q));

  const trend = useMemo(() => {
    if (!v.data) return null;
    const months = v.data.months.map((m) => m.month);
    const names = [
      ...new Set(v.data.months.flatMap((m) => m.cells.map((c) => (c.team === "other" ? t("people.otherTeams") : c.team.name)))),
    ];
    return {
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: "category", data: months },
      yAxis: { type: "value", min: -1, max: 1 },
      series: names.map((name) => ({
        type: "line",
        name,
        connectNulls: false,
        data: v.data!.months.map(
          (m) => m.cells.find((c) => (c.team === "other" ? t("people.otherTeams") : c.team.name) === name)?.sentiment.mean_score ?? null,
        ),
      })),
    };
  }, [v.data, t]);

  const latest = v.data ? [...v.data.months].reverse().find((m) => !m.suppressed && m.cells.length) : undefined;
  return (
    <section className="page people" data-testid="people-page">
      <h1>{t("people.title")}</h1>
      <p className="notice" data-testid="people-threshold">
        {t("people.threshold", { k: v.data?.k ?? 5 })}
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("people.months")}
          <select value={String(span)} onChange={(e) => navigate("people", { ...query, months: e.target.value })}>
            {[3, 6, 12, 24].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filters.team")}
          <select
            value={query.team ?? ""}
            onChange={(e) => navigate("people", { ...query, team: e.target.value || undefined })}
            data-testid="people-team"
          >
            <option value="">{t("filters.all")}</option>
            {(teams.data?.items ?? []).map((tm) => (
              <option key={tm.id} value={String(tm.id)}>
                {tm.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {v.error ? <p className="error">{t("common.loadFailed")}</p> : null}
      {v.data && !latest && (
        <p className="suppressed" data-testid="people-suppressed">
          {t("people.allSuppressed", { k: v.data.k })}
        </p>
      )}
      {v.data && latest && (
        <>
          <figure className="card wide">
            <figcaption>{t("people.trend")}</figcaption>
            <Chart testId="chart-people" label={t("people.trend")} option={trend!} />
          </figure>
          <h2>{t("people.month", { month: latest.month })}</h2>
          <table className="table" data-testid="people-table">
            <thead>
              <tr>
                <th>{t("filters.team")}</th>
                <th>{t("people.respondents")}</th>
                <th>{t("people.sentiment")}</th>
                <th>{t("people.themes")}</th>
                <th>{t("people.workplace")}</th>
                <th>{t("people.emotions")}</th>
              </tr>
            </thead>
            <tbody>
              {latest.cells.map((c) => {
                const name = c.team === "other" ? t("people.otherTeams") : c.team.name;
                const total = c.sentiment.positive + c.sentiment.neutral + c.sentiment.negative || 1;
                return (
                  <tr key={name} data-testid="people-row">
                    <td>
                      {name}
                      {c.pooled_teams.length > 0 && <div className="muted small">{c.pooled_teams.join(", ")}</div>}
                    </td>
                    <td>{num(c.respondents)}</td>
                    <td>
                      <meter className="sent" min={-1} max={1} value={c.sentiment.mean_score} title={String(c.sentiment.mean_score)} />
                      <span className="small">
                        {" "}
                        <span className="pos">{Math.round((c.sentiment.positive / total) * 100)}%</span> /{" "}
                        <span className="neg">{Math.round((c.sentiment.negative / total) * 100)}%</span>
                      </span>
                    </td>
                    <td>
                      {c.themes.slice(0, 4).map((th) => (
                        <span key={th.label} className={`chip cause ${th.negative >= th.positive ? "negative" : "positive"}`}>
                          {label("cause", th.label)} {th.negative ? `−${th.negative}` : ""} {th.positive ? `+${th.positive}` : ""}
                        </span>
                      ))}
                    </td>
                    <td data-testid="people-workplace">
                      {(c.workplace ?? []).slice(0, 4).map((w) => (
                        <span key={w.label} className={`chip cause ${w.negative >= w.positive ? "negative" : "positive"}`}>
                          {label("workplace", w.label)} {w.negative ? `−${w.negative}` : ""} {w.positive ? `+${w.positive}` : ""}
                        </span>
                      ))}
                    </td>
                    <td>
                      {c.emotions.slice(0, 3).map((e) => (
                        <span key={e.label} className="chip emotion">
                          {label("emotion", e.label)} {e.count}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">{t("people.suppressedMonths", { n: v.data.months.filter((m) => m.suppressed).length })}</p>
        </>
      )}
    </section>
  );
}
