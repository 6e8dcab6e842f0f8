/**
 * Public channels (social, reviews, forums): the posts with the most reach, days when negative
 * posts spiked against their own recent baseline, and the alerts raised, when the cases API has
 * them.
 *
 * @example
 * <PublicPage query={{ range: "30" }} />
 */
import { useMemo } from "react";
import { api } from "../api/client.js";
import type { Answer, MessageSummary, OverviewData } from "../api/types.js";
import { Chart } from "../components/chart.js";
import { MessageCard } from "../components/message-card.js";
import { spikes } from "../components/spikes.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/en.js";
import { navigate } from "../router.js";
import { useSession } from "../session.js";

const PUBLIC = ["social", "review", "forum"];

type Alert = Answer<"getAlerts">["items"][number];

export function PublicPage({ query }: { query: Record<string, string> }) {
  const { t } = useI18n();
  const { can } = useSession();
  const posts = useApi(
    () => api.get<{ items: MessageSummary[] }>("/messages", { channel: PUBLIC, direction: "customer", limit: 200 }),
    "public-posts",
  );
  const days = Number(query.range ?? "30") || 30;
  const o = useApi(
    () =>
      can("overview")
        ? api.get<OverviewData>("/insights/overview", { days, channel: PUBLIC, direction: "customer" })
        : Promise.resolve(null),
    String(days),
  );
  const alerts = useApi(() => api.get<{ items: Alert[] }>("/alerts", { limit: 20 }), "alerts");

  const top = useMemo(
    () =>
      [...(posts.data?.items ?? [])]
        .filter((m) => m.reading)
        .sort((a, b) => (b.reading!.reach ?? 0) - (a.reading!.reach ?? 0))
        .slice(0, 10),
    [posts.data],
  );
  const chart = useMemo(() => {
    if (!o.data) return null;
    const neg = o.data.days.map((d) => d.negative);
    const hot = new Set(spikes(neg));
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: o.data.days.map((d) => d.day) },
      yAxis: { type: "value" },
      series: [
        {
          type: "bar",
          id: "negative",
          name: t("public.negativePosts"),
          data: neg.map((n, i) => ({ value: n, itemStyle: { color: hot.has(i) ? "#d64545" : "#e3a3a3" } })),
        },
      ],
    };
  }, [o.data, t]);
  const spikeDays = o.data ? spikes(o.data.days.map((d) => d.negative)).map((i) => o.data!.days[i]!.day) : [];

  return (
    <section className="page public" data-testid="public-page">
      <h1>{t("public.title")}</h1>
      {alerts.data && (
        <div className="card">
          <h2>{t("public.alerts")}</h2>
          {alerts.data.items.length === 0 ? (
            <p className="muted">{t("public.noAlerts")}</p>
          ) : (
            <ul className="alerts" data-testid="alerts">
              {alerts.data.items.map((a) => (
                <li key={a.id}>
                  <span className={`chip signal sev-${a.severity}`}>{t(`alert.${a.kind}` as MessageKey)}</span> {a.summary}{" "}
                  <time className="muted small">{new Date(a.created_at).toLocaleString()}</time>
                  {a.case_id ? (
                    <a className="small" href={`#/cases/${a.case_id}`}>
                      {" "}
                      {t("queue.open")}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {chart && (
        <figure className="card wide">
          <figcaption>
            {t("public.spikes")}{" "}
            {spikeDays.length ? (
              <strong data-testid="spike-days">{spikeDays.join(", ")}</strong>
            ) : (
              <span className="muted small">{t("public.noSpikes")}</span>
            )}
          </figcaption>
          <Chart
            testId="chart-public"
            label={t("public.spikes")}
            option={chart}
            onPick={(p) =>
              navigate("messages", {
                channel: PUBLIC.join(","),
                sentiment: "negative",
                from: p.name,
                to: new Date(Date.parse(p.name) + 86_400_000).toISOString().slice(0, 10),
              })
            }
          />
        </figure>
      )}
      <h2>{t("public.reach")}</h2>
      {posts.data && top.length === 0 && <p className="muted">{t("messages.none")}</p>}
      <div className="message-list">
        {top.map((m) => (
          <div key={m.id} className="with-reach">
            <div className="reach" title={t("messages.reach")}>
              <span className="kpi-value">{Math.round((m.reading?.reach ?? 0) * 100)}</span>
              <span className="kpi-label">{m.audience ? t("messages.audience", { n: m.audience }) : t("messages.reach")}</span>
            </div>
            <MessageCard summary={m} />
          </div>
        ))}
      </div>
    </section>
  );
}
