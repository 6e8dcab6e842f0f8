/**
 * The overview's filters (time range, channel, language, team), kept in the page's URL so every
 * view can be linked and the back button works.
 *
 * @example
 * <Filters query={query} page="overview" teams={teams} languages={["en", "th"]} />
 */
import type { Team } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { navigate } from "../router.js";

export const CHANNELS = ["email", "chat", "social", "review", "forum", "survey", "call", "internal"] as const;
export const RANGES = ["7", "30", "90", "365", "all"] as const;

export function Filters({
  query,
  page,
  teams,
  languages,
}: {
  query: Record<string, string>;
  page: string;
  teams: Team[];
  languages: string[];
}) {
  const { t, label } = useI18n();
  const set = (k: string, v: string) => navigate(page, { ...query, [k]: v || undefined });
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("filters.label")}>
      <label>
        {t("filters.range")}
        <select value={query.range ?? "90"} onChange={(e) => set("range", e.target.value)} data-testid="filter-range">
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {r === "all" ? t("filters.allTime") : t("filters.lastDays", { n: Number(r) })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filters.channel")}
        <select value={query.channel ?? ""} onChange={(e) => set("channel", e.target.value)} data-testid="filter-channel">
          <option value="">{t("filters.all")}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {label("channel", c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filters.language")}
        <select value={query.language ?? ""} onChange={(e) => set("language", e.target.value)} data-testid="filter-language">
          <option value="">{t("filters.all")}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filters.team")}
        <select value={query.team ?? ""} onChange={(e) => set("team", e.target.value)} data-testid="filter-team">
          <option value="">{t("filters.all")}</option>
          {teams.map((tm) => (
            <option key={tm.id} value={String(tm.id)}>
              {tm.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
