/**
 * Overview: the headline figures against the previous period (messages, negative share, NPS, CSAT,
 * CES), volume and sentiment over time, the emotion mix, causes with their polarity by channel or
 * language, urgency, what moves NPS (drivers with intervals), recovery when cases exist, and service
 * per priority, team or channel;
 * filters for time, channel, language and team. Every bar and slice opens the messages behind it.
 *
 * @example
 * <OverviewPage query={{ range: "30", channel: "chat" }} />
 */
import { useMemo } from "react";
import { api } from "../api/client.js";
import type { OverviewData, LanguageCounts, Team } from "../api/types.js";
import { Chart, type Pick } from "../components/chart.js";
import { Filters } from "../components/filters.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import { navigate } from "../router.js";
import { COLORS } from "./overview-colors.js";
import { ComparisonKpis } from "./comparison-kpis.js";
import { DriversPanel, type Metric } from "./drivers-panel.js";
import { RecoveryChart } from "./recovery-chart.js";
import { RecoveryPanel } from "./recovery-panel.js";
import { SERVICE_BY, ServicePanel, type ServiceBy } from "./service-panel.js";

const DAY = 86_400_000;

export function OverviewPage({ query }: { query: Record<string, string> }) {
  const { t, label } = useI18n();
  const teams = useApi(() => api.get<{ items: Team[] }>("/teams"), "teams");
  const langs = useApi(() => api.get<LanguageCounts>("/aggregates/languages"), "langs");
  // One request: the server anchors the window on the newest message, so old data still shows.
  const days = query.range === "all" ? undefined : Number(query.range ?? "90") || 90;
  const q = { days, channel: query.channel, language: query.language, team: query.team, direction: "customer" };
  const o = useApi(() => api.get<OverviewData>("/insights/overview", q), JSON.stringify(q));
  const win = o.data?.window;
  const filter = {
    from: win?.from?.slice(0, 10),
    to: win?.to?.slice(0, 10),
    channel: query.channel,
    language: query.language,
    team: query.team,
  };
  const dim = query.by === "language" ? "language" : "channel";

  /** Opens the messages behind a picked chart element, with the page's filters. */
  const drill = (extra: Record<string, string | number | undefined>) =>
    navigate("messages", { ...filter, direction: "customer", ...extra });

  const data = o.data;
  const volume = useMemo(() => {
    if (!data) return null;
    const days = data.days.map((d) => d.day);
    const s = (k: "positive" | "neutral" | "negative") => ({
      type: "bar",
      stack: "v",
      name: label("sentiment", k),
      id: k,
      itemStyle: { color: COLORS[k] },
      data: data.days.map((d) => d[k]),
    });
    return {
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: "category", data: days },
      yAxis: { type: "value" },
      series: [s("negative"), s("neutral"), s("positive")],
    };
  }, [data, label]);
  const emotions = useMemo(() => {
    if (!data) return null;
    const rows = [...data.emotions].reverse();
    return {
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      yAxis: { type: "category", data: rows.map((e) => label("emotion", e.emotion)) },
      xAxis: { type: "value" },
      series: [
        {
          type: "bar",
          id: "emotion",
          name: t("overview.emotions"),
          data: rows.map((e) => ({ value: e.count, id: e.emotion })),
          itemStyle: { color: "#5b6ee1" },
        },
      ],
    };
  }, [data, label, t]);
  const causes = useMemo(() => {
    if (!data) return null;
    const totals = new Map<string, number>();
    for (const c of data.causes) totals.set(c.cause, (totals.get(c.cause) ?? 0) + c.count);
    const causeOrder = [...totals].sort((a, b) => a[1] - b[1]).map(([c]) => c);
    const values = [...new Set(data.causes.map((c) => c[dim]))].sort();
    const palette = ["#5b6ee1", "#e1a05b", "#3fa7a0", "#c45bd6", "#7d8c3a", "#d65b7d", "#5ba8e1", "#8b6b4a", "#4a8b5f", "#a0a0a0"];
    const series = values.flatMap((v, i) =>
      (["negative", "positive"] as const).map((pol) => ({
        type: "bar",
        stack: pol,
        name: v,
        id: `${pol}|${v}`,
        itemStyle: { color: palette[i % palette.length], opacity: pol === "negative" ? 1 : 0.6 },
        data: causeOrder.map((cause) => {
          const n = data.causes.filter((c) => c.cause === cause && c.polarity === pol && c[dim] === v).reduce((s, c) => s + c.count, 0);
          return { value: pol === "negative" ? -n : n, id: cause };
        }),
      })),
    );
    return {
      legend: { top: 0, data: values },
      grid: { left: 150, right: 24, top: 40, bottom: 24 },
      yAxis: { type: "category", data: causeOrder.map((c) => label("cause", c)) },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      series,
    };
  }, [data, dim, label]);
  const urgency = useMemo(() => {
    if (!data) return null;
    const names = ["0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1"];
    return {
      grid: { left: 48, right: 16, top: 8, bottom: 32 },
      xAxis: { type: "category", data: names },
      yAxis: { type: "value" },
      series: [
        {
          type: "bar",
          id: "urgency",
          name: t("overview.urgency"),
          data: data.urgency.map((u) => ({
            value: u.count,
            itemStyle: { color: ["#9aa5b1", "#c9b458", "#e1a05b", "#e07b39", "#d64545"][u.band] },
          })),
        },
      ],
    };
  }, [data, t]);

  const languages = [...new Set([...(langs.data?.items.map((l) => l.language) ?? []), ...(query.language ? [query.language] : [])])].sort();
  return (
    <section className="page overview" data-testid="overview">
      <h1>{t("overview.title")}</h1>
      <Filters query={query} page="overview" teams={teams.data?.items ?? []} languages={languages} />
      {o.error ? <p className="error">{t("common.loadFailed")}</p> : null}
      {data && (
        <>
          <div className="kpis">
            <ComparisonKpis data={data} />
            <RecoveryPanel />
          </div>
          {data.total === 0 && <p className="muted">{t("overview.empty")}</p>}
          <div className="grid2">
            <figure className="card wide">
              <figcaption>{t("overview.volume")}</figcaption>
              <Chart
                testId="chart-volume"
                label={t("overview.volume")}
                option={volume!}
                onPick={(p: Pick) => drill({ from: p.name, to: nextDay(p.name), sentiment: p.seriesId })}
              />
            </figure>
            <figure className="card">
              <figcaption>{t("overview.emotions")}</figcaption>
              <Chart
                testId="chart-emotions"
                label={t("overview.emotions")}
                option={emotions!}
                onPick={(p) => drill({ emotion: (p.data as { id: string }).id })}
              />
            </figure>
            <figure className="card">
              <figcaption>{t("overview.urgency")}</figcaption>
              <Chart
                testId="chart-urgency"
                label={t("overview.urgency")}
                option={urgency!}
                onPick={(p) => drill({ urgency_min: p.dataIndex * 0.2 })}
              />
            </figure>
            <figure className="card wide">
              <figcaption>
                {t("overview.causes")}{" "}
                <select
                  aria-label={t("overview.by")}
                  value={dim}
                  onChange={(e) => navigate("overview", { ...query, by: e.target.value })}
                  data-testid="causes-by"
                >
                  <option value="channel">{t("overview.byChannel")}</option>
                  <option value="language">{t("overview.byLanguage")}</option>
                </select>
                <span className="muted small"> {t("overview.causesHint")}</span>
              </figcaption>
              <Chart
                testId="chart-causes"
                height={320}
                label={t("overview.causes")}
                option={causes!}
                onPick={(p) => {
                  const [pol, v] = (p.seriesId ?? "").split("|");
                  drill({ cause: (p.data as { id: string }).id, cause_polarity: pol, [dim]: v });
                }}
              />
            </figure>
            <DriversPanel
              metric={(["nps", "csat", "ces"].includes(query.metric ?? "") ? query.metric : "nps") as Metric}
              slice={filter}
              onMetric={(m) => navigate("overview", { ...query, metric: m })}
            />
            <RecoveryChart slice={filter} />
            <ServicePanel
              slice={filter}
              by={(SERVICE_BY as readonly string[]).includes(query.service_by ?? "") ? (query.service_by as ServiceBy) : "priority"}
              onBy={(by) => navigate("overview", { ...query, service_by: by })}
            />
          </div>
        </>
      )}
    </section>
  );
}

function nextDay(day: string): string {
  return new Date(Date.parse(day) + DAY).toISOString().slice(0, 10);
}
