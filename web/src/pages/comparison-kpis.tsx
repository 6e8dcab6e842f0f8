/**
 * The overview's headline figures against the window of equal length just before: messages,
 * negative share, and NPS, CSAT and CES with their 95% intervals and answer counts. A figure
 * without answers in either window shows no change.
 *
 * @example
 * <ComparisonKpis data={overview} />
 */
import type { OverviewData } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";

type Figures = Omit<OverviewData, "previous">;
type ScoreKey = keyof Figures["scores"];

function negativeShare(f: Figures): number | null {
  const neg = f.days.reduce((s, d) => s + d.negative, 0);
  return f.total ? (neg / f.total) * 100 : null;
}

export function ComparisonKpis({ data }: { data: OverviewData }) {
  const { t, num } = useI18n();
  const prev = data.previous;
  const round = (v: number, digits: number) => num(Math.round(v * 10 ** digits) / 10 ** digits);
  /** "+12 against the previous period", or that there is none. */
  const change = (now: number | null, before: number | null | undefined, digits: number) => {
    if (now === null || before === null || before === undefined)
      return <span className="kpi-change muted">{t("overview.noPrevious")}</span>;
    const d = now - before;
    const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
    return (
      <span className="kpi-change" data-delta={d}>
        {t("overview.vsPrevious", { delta: `${sign}${round(Math.abs(d), digits)}` })}
      </span>
    );
  };
  const score = (k: ScoreKey, digits: number, unit: string) => {
    const s = data.scores[k];
    return (
      <div className="kpi" data-testid={`kpi-${k}`} key={k}>
        <span className="kpi-value">{s.value === null ? "–" : `${round(s.value, digits)}${unit}`}</span>
        <span className="kpi-label">
          {t(`metric.${k}`)} · {t("overview.answers", { n: s.n })}
          {s.ci_low !== null && s.ci_high !== null
            ? ` · ${t("overview.interval", { low: round(s.ci_low, digits), high: round(s.ci_high, digits) })}`
            : ""}
        </span>
        {change(s.value, prev ? prev.scores[k].value : undefined, digits)}
      </div>
    );
  };
  const share = negativeShare(data);
  return (
    <>
      <div className="kpi" data-testid="kpi-total">
        <span className="kpi-value">{num(data.total)}</span>
        <span className="kpi-label">{t("overview.messages")}</span>
        {change(data.total, prev?.total, 0)}
      </div>
      <div className="kpi" data-testid="kpi-negative">
        <span className="kpi-value">{share === null ? "–" : `${Math.round(share)}%`}</span>
        <span className="kpi-label">{t("overview.negativeShare")}</span>
        {change(share, prev ? negativeShare(prev) : undefined, 0)}
      </div>
      {score("nps", 0, "")}
      {score("csat", 0, "%")}
      {score("ces", 1, "")}
    </>
  );
}
