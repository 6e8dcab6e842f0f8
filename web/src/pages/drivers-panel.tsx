/**
 * "What moves NPS" (or CSAT, CES): for each cause and polarity, the change in the metric when the
 * cause is present, the others held fixed, as a bar with its 95% interval drawn as a whisker. Each
 * bar opens the survey answers behind it on the messages page (cause, polarity, survey kind and the
 * overview's window and slices).
 *
 * @example
 * <DriversPanel metric="nps" slice={{ from: "2026-10-01", to: "2026-12-31" }} onMetric={setMetric} />
 */
import { useCallback, useMemo } from "react";
import { api } from "../api/client.js";
import type { DriversData } from "../api/types.js";
import { Chart } from "../components/chart.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import { navigate } from "../router.js";
import { COLORS } from "./overview-colors.js";

export type Metric = "nps" | "csat" | "ces";
type Slice = Record<string, string | undefined>;

export function DriversPanel({ metric, slice, onMetric }: { metric: Metric; slice: Slice; onMetric: (m: Metric) => void }) {
  const { t, label, num } = useI18n();
  const q = { metric, ...slice };
  const d = useApi(() => api.get<DriversData>("/insights/drivers", q), JSON.stringify(q));
  const name = t(`metric.${metric}`);
  const rows = useMemo(() => [...(d.data?.drivers ?? [])].reverse(), [d.data]);
  const rowName = useCallback((c: string, p: string) => `${label("cause", c)} (${t(`polarity.${p as "positive"}`)})`, [label, t]);
  const option = useMemo(() => driversOption(rows, rowName), [rows, rowName]);
  return (
    <figure className="card wide" data-testid="drivers">
      <figcaption>
        {t("overview.drivers", { metric: name })}{" "}
        <select
          aria-label={t("overview.metric")}
          value={metric}
          onChange={(e) => onMetric(e.target.value as Metric)}
          data-testid="drivers-metric"
        >
          {(["nps", "csat", "ces"] as const).map((m) => (
            <option key={m} value={m}>
              {t(`metric.${m}`)}
            </option>
          ))}
        </select>
        <span className="muted small"> {t("overview.driversHint", { metric: name })}</span>
      </figcaption>
      {d.error ? <p className="error">{t("common.loadFailed")}</p> : null}
      {d.data && rows.length === 0 && <p className="muted">{t("overview.driversNone", { metric: name })}</p>}
      {d.data && rows.length > 0 && (
        <Chart
          testId="chart-drivers"
          height={rows.length > 6 ? 320 : 280}
          label={t("overview.drivers", { metric: name })}
          option={option}
          onPick={(p) => {
            // A bar, or the cause's name beside it (a larger target, and one that a test can find).
            const row = p.componentType === "yAxis" ? rows.find((r) => rowName(r.cause, r.polarity) === p.value) : rows[p.dataIndex];
            if (row)
              navigate("messages", { ...slice, cause: row.cause, cause_polarity: row.polarity, survey: metric, direction: "customer" });
          }}
        />
      )}
      {d.data && (
        <p className="muted small" data-testid="drivers-basis">
          {t("overview.driversBasis", { n: num(d.data.n), k: num(d.data.left_out) })}
        </p>
      )}
    </figure>
  );
}

type Row = DriversData["drivers"][number];

/** Bars of the effects and whiskers of their intervals, one category per cause and polarity. */
function driversOption(rows: Row[], name: (cause: string, polarity: string) => string) {
  return {
    grid: { left: 190, right: 24, top: 8, bottom: 24 },
    yAxis: { type: "category", triggerEvent: true, data: rows.map((r) => name(r.cause, r.polarity)) },
    xAxis: { type: "value" },
    series: [
      {
        type: "bar",
        id: "effect",
        data: rows.map((r) => ({
          value: Math.round(r.effect * 10) / 10,
          id: `${r.cause}|${r.polarity}`,
          itemStyle: { color: r.effect < 0 ? COLORS.negative : COLORS.positive },
        })),
      },
      {
        type: "custom",
        id: "interval",
        silent: true,
        data: rows.map((r, i) => [r.ci_low, r.ci_high, i]),
        encode: { x: [0, 1], y: 2 },
        renderItem: whisker,
        z: 3,
      },
    ],
  };
}

interface RenderApi {
  value(i: number): number;
  coord(p: [number, number]): [number, number];
  size(p: [number, number]): [number, number];
}

/** One interval: a horizontal line from low to high with short caps at both ends. */
function whisker(_: unknown, api: RenderApi) {
  const [x0, y] = api.coord([api.value(0), api.value(2)]);
  const [x1] = api.coord([api.value(1), api.value(2)]);
  const cap = api.size([0, 1])[1] * 0.2;
  const style = { stroke: "#1d2430", lineWidth: 1.5 };
  const line = (a: [number, number], b: [number, number]) => ({ type: "line", shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style });
  return {
    type: "group",
    children: [line([x0, y], [x1, y]), line([x0, y - cap], [x0, y + cap]), line([x1, y - cap], [x1, y + cap])],
  };
}
