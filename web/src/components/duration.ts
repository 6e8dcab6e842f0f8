/**
 * A span of time in words of the interface language ("2 hr, 5 min", "3 days"), with Intl unit
 * formatting, for SLA timers.
 *
 * @example
 * duration(125 * 60_000, "en"); // "2 hr 5 min"
 */
export function duration(ms: number, lang: string): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const unit = (n: number, u: "minute" | "hour" | "day") =>
    new Intl.NumberFormat(lang, { style: "unit", unit: u, unitDisplay: "short" }).format(n);
  if (minutes < 60) return unit(minutes, "minute");
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${unit(h, "hour")} ${unit(m, "minute")}` : unit(h, "hour");
  }
  return unit(Math.floor(minutes / 1440), "day");
}
