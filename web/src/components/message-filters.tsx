/**
 * The messages page's filters: sentiment, emotion, cause and its polarity, need, signal, channel,
 * language, team, complaint severity, survey answer (kind and score range) and dates. They live in
 * the page's URL (the hash), so back, forward, reload and a shared link all keep them; the server
 * does the filtering (GET /messages takes the same names).
 *
 * @example
 * <MessageFilters query={query} teams={teams} languages={["en", "th"]} />
 */
import type { Team } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/en.js";
import { navigate } from "../router.js";
import {
  CAUSE_LABELS,
  CHANNEL_LABELS,
  EMOTION_LABELS,
  NEED_LABELS,
  SENTIMENT_LABELS,
  SIGNAL_LABELS,
  SURVEY_SCALES,
  type SurveyKind,
} from "./label-sets.js";

/** Every query key the messages list passes to the server. */
export const MESSAGE_FILTER_KEYS = [
  "from",
  "to",
  "channel",
  "language",
  "team",
  "sentiment",
  "emotion",
  "cause",
  "cause_polarity",
  "need",
  "signal",
  "urgency_min",
  "severity_min",
  "survey",
  "survey_min",
  "survey_max",
  "text",
  "direction",
  "thread_id",
] as const;

type Option = readonly [value: string, text: string];

export function MessageFilters({ query, teams, languages }: { query: Record<string, string>; teams: Team[]; languages: string[] }) {
  const { t, label } = useI18n();
  const set = (k: string, v: string) => navigate("messages", { ...query, [k]: v || undefined });
  const pick = (name: string, key: MessageKey, options: Option[]) => (
    <FilterSelect name={name} caption={t(key)} value={query[name]} options={options} onChange={(v) => set(name, v)} />
  );
  /** A filter over one of the Reading's label sets, each label in the interface language. */
  const labelled = (kind: "sentiment" | "emotion" | "cause" | "need" | "signal" | "channel", values: readonly string[]) =>
    pick(
      kind,
      `field.${kind}`,
      values.map((v) => [v, label(kind, v)]),
    );
  const date = (name: "from" | "to") => (
    <label>
      {t(`field.${name}`)}
      <input
        type="date"
        value={(query[name] ?? "").slice(0, 10)}
        onChange={(e) => set(name, e.target.value)}
        data-testid={`filter-${name}`}
      />
    </label>
  );
  const kind = (query.survey && query.survey in SURVEY_SCALES ? query.survey : "nps") as SurveyKind;
  const [low, high] = SURVEY_SCALES[kind];
  const scores: Option[] = Array.from({ length: high - low + 1 }, (_, i) => [String(low + i), String(low + i)]);
  return (
    <form
      className="filters message-filters"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t("filters.label")}
      data-testid="message-filters"
    >
      {labelled("sentiment", SENTIMENT_LABELS)}
      {labelled("emotion", EMOTION_LABELS)}
      {labelled("cause", CAUSE_LABELS)}
      {pick("cause_polarity", "field.cause_polarity", [
        ["negative", t("polarity.negative")],
        ["positive", t("polarity.positive")],
      ])}
      {labelled("need", NEED_LABELS)}
      {labelled("signal", SIGNAL_LABELS)}
      {labelled("channel", CHANNEL_LABELS)}
      {pick(
        "language",
        "field.language",
        languages.map((l) => [l, l]),
      )}
      {pick(
        "team",
        "field.team",
        teams.map((tm) => [String(tm.id), tm.name]),
      )}
      {pick(
        "severity_min",
        "field.severity_min",
        ["1", "2", "3", "4"].map((n) => [n, `${n}/4`]),
      )}
      {pick(
        "survey",
        "field.survey",
        (Object.keys(SURVEY_SCALES) as SurveyKind[]).map((k) => [k, t(`survey.${k}`)]),
      )}
      {pick("survey_min", "field.survey_min", scores)}
      {pick("survey_max", "field.survey_max", scores)}
      {date("from")}
      {date("to")}
    </form>
  );
}

/** A select whose empty choice means "all"; a value from the URL that no option names (a list from a chart) is kept as its own option. */
function FilterSelect({
  name,
  caption,
  value,
  options,
  onChange,
}: {
  name: string;
  caption: string;
  value: string | undefined;
  options: Option[];
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const known = !value || options.some(([v]) => v === value);
  return (
    <label>
      {caption}
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value)} data-testid={`filter-${name}`}>
        <option value="">{t("filters.all")}</option>
        {!known && <option value={value}>{value}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
