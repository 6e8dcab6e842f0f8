/**
 * An SLA timer: time left until the due time, or time overdue, re-rendered every 15 seconds; met,
 * paused and breached clocks say so.
 *
 * @example
 * <SlaTimer dueAt={c.due_at} status="running" warnAt={c.warn_at} />
 */
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";
import { duration } from "./duration.js";

export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function SlaTimer({
  dueAt,
  status,
  warnAt,
  breached,
}: {
  dueAt: string | null;
  status?: string;
  warnAt?: string | null;
  breached?: boolean;
}) {
  const { t, lang } = useI18n();
  const now = useNow();
  if (status === "met") return <span className="sla met">{t("sla.met")}</span>;
  if (status === "paused") return <span className="sla">{t("sla.paused")}</span>;
  if (!dueAt)
    return (
      <span className={`sla ${breached || status === "breached" ? "breached" : ""}`}>
        {breached || status === "breached" ? t("sla.breached") : "–"}
      </span>
    );
  const due = Date.parse(dueAt);
  const left = due - now;
  const warn = warnAt ? now >= Date.parse(warnAt) : left < 30 * 60_000;
  const cls = left < 0 ? "breached" : warn ? "warn" : "";
  return (
    <span className={`sla ${cls}`} data-testid="sla" title={new Date(due).toLocaleString(lang)}>
      {left < 0 ? t("sla.overdue", { t: duration(-left, lang) }) : t("sla.dueIn", { t: duration(left, lang) })}
    </span>
  );
}
