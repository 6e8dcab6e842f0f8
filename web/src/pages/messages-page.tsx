/**
 * The messages behind a chart: the list filtered as the URL says (the filters of
 * components/message-filters.tsx, urgency and text), each with its Reading and evidence, and for the
 * roles that read insights a CSV download of the chosen dates (GET /export/messages); and one
 * message with its whole thread.
 *
 * @example
 * <MessagesPage query={{ emotion: "anger", channel: "chat" }} />
 * <MessagesPage query={{}} id={42} />
 */
import { useEffect, useState } from "react";
import { api, queryString } from "../api/client.js";
import type { MessageDetail, MessageSummary, LanguageCounts, Team } from "../api/types.js";
import { MessageCard } from "../components/message-card.js";
import { MESSAGE_FILTER_KEYS, MessageFilters } from "../components/message-filters.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/en.js";
import { reason } from "../i18n/reasons.js";
import { href, navigate } from "../router.js";
import { useSession } from "../session.js";

const PAGE = 20;

export function MessagesPage({ query, id }: { query: Record<string, string>; id?: number | undefined }) {
  if (id !== undefined && Number.isFinite(id)) return <MessageView id={id} />;
  return <MessageList query={query} />;
}

function MessageList({ query }: { query: Record<string, string> }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const filter: Record<string, string> = {};
  for (const k of MESSAGE_FILTER_KEYS) if (query[k]) filter[k] = query[k];
  const teams = useApi(() => api.get<{ items: Team[] }>("/teams"), "teams");
  const langs = useApi(() => api.get<LanguageCounts>("/aggregates/languages"), "langs");
  const teamName = new Map((teams.data?.items ?? []).map((x) => [String(x.id), x.name]));
  const languages = [...new Set([...(langs.data?.items.map((l) => l.language) ?? []), ...(query.language ? [query.language] : [])])].sort();
  // Employee feedback is shown only in aggregate (the people team page), never message by message.
  const request = {
    ...filter,
    direction: filter.direction && !filter.direction.includes("employee") ? filter.direction : "customer,agent",
  };
  const key = JSON.stringify(request);
  const [items, setItems] = useState<MessageSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useApi(
    () => api.get<{ items: MessageSummary[]; next_cursor: string | null }>("/messages", { ...request, limit: PAGE }),
    key,
  );
  useEffect(() => {
    if (first.data) {
      setItems(first.data.items);
      setCursor(first.data.next_cursor);
    }
  }, [first.data]);
  // While another filter loads, the old list would pass for its answer: show nothing instead.
  const shown = first.loading ? [] : items;
  const [search, setSearch] = useState(query.text ?? "");

  async function more() {
    if (!cursor) return;
    const page = await api.get<{ items: MessageSummary[]; next_cursor: string | null }>("/messages", { ...request, limit: PAGE, cursor });
    setItems((xs) => [...xs, ...page.items]);
    setCursor(page.next_cursor);
  }

  const active = Object.entries(filter).filter(([k]) => k !== "text");
  return (
    <section className="page messages" data-testid="messages-page">
      <h1>{t("messages.title")}</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate("messages", { ...filter, text: search.trim().length >= 2 ? search.trim() : undefined });
        }}
      >
        <label>
          {t("messages.search")}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} data-testid="message-search" />
        </label>
        <button type="submit">{t("messages.searchButton")}</button>
      </form>
      <MessageFilters query={filter} teams={teams.data?.items ?? []} languages={languages} />
      {/* The export's scope (insights:read) is held by the roles that see the overview. */}
      {can("overview") && (
        <p className="export">
          <a
            href={`/api/v1/export/messages${queryString({ format: "csv", from: filter.from, to: filter.to })}`}
            download
            data-testid="export-csv"
          >
            {t("messages.exportCsv")}
          </a>{" "}
          <span className="muted small">{t("messages.exportHint")}</span>
        </p>
      )}
      {active.length > 0 && (
        <p className="active-filters" data-testid="active-filters">
          {active.map(([k, v]) => (
            <a key={k} className="chip removable" href={href("messages", { ...filter, [k]: undefined })} title={t("messages.removeFilter")}>
              {t(`field.${k}` as MessageKey)}: {shownValue(k, v, label, (id) => teamName.get(id) ?? id)} ×
            </a>
          ))}
        </p>
      )}
      {first.error ? <p className="error">{t("common.loadFailed")}</p> : null}
      {first.data && !first.loading && items.length === 0 && <p className="muted">{t("messages.none")}</p>}
      <div className="message-list" data-loading={first.loading ? "1" : undefined}>
        {shown.map((m) => (
          <MessageCard key={m.id} summary={m} />
        ))}
      </div>
      {cursor && !first.loading && (
        <button type="button" onClick={() => void more()}>
          {t("messages.more")}
        </button>
      )}
    </section>
  );
}

const LABELLED = {
  emotion: "emotion",
  cause: "cause",
  channel: "channel",
  sentiment: "sentiment",
  need: "need",
  signal: "signal",
} as const;

/** A filter's value as a person reads it: labels translated, team ids as names. */
function shownValue(k: string, v: string, label: ReturnType<typeof useI18n>["label"], team: (id: string) => string): string {
  const kind = LABELLED[k as keyof typeof LABELLED];
  const parts = v.split(",");
  if (kind) return parts.map((x) => label(kind, x)).join(", ");
  if (k === "team") return parts.map(team).join(", ");
  if (k === "cause_polarity" || k === "direction")
    return parts.map((x) => label(k === "direction" ? "direction" : "sentiment", x)).join(", ");
  return v;
}

function MessageView({ id }: { id: number }) {
  const { t, label, lang } = useI18n();
  const why = (rs: string[]) => rs.map((r) => reason(r, t, label, lang)).join(", ");
  const m = useApi(() => api.get<MessageDetail>(`/messages/${id}`), String(id));
  if (m.error) return <p className="error">{t("common.notFound")}</p>;
  if (!m.data) return <p className="muted">…</p>;
  const d = m.data;
  const { reading, thread, ...summary } = d;
  return (
    <section className="page message-view" data-testid="message-view">
      <p>
        <a href={href("messages")}>← {t("messages.title")}</a>
      </p>
      <MessageCard summary={{ ...summary, reading: null }} reading={reading} link={false} />
      {reading && (
        <dl className="facts">
          <dt>{t("messages.language")}</dt>
          <dd>
            {reading.language.code} ({Math.round(reading.language.confidence * 100)}%, {reading.language.script})
          </dd>
          <dt>{t("messages.stage")}</dt>
          <dd>{label("stage", reading.stage.label)}</dd>
          <dt>{t("messages.complaint")}</dt>
          <dd>{reading.complaint.severity}/4</dd>
          <dt>{t("messages.urgency")}</dt>
          <dd>
            {reading.urgency.score.toFixed(2)} {why(reading.urgency.reasons)}
          </dd>
          <dt>{t("messages.reach")}</dt>
          <dd>
            {reading.reach.score.toFixed(2)} {why(reading.reach.reasons)}
          </dd>
        </dl>
      )}
      {thread && thread.messages.length > 1 && (
        <>
          <h2>{t("messages.thread")}</h2>
          <div className="message-list thread">
            {thread.messages.map((x) => (
              <MessageCard key={x.id} summary={x} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
