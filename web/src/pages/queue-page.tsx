/**
 * The queue: cases in work by priority, then SLA due time, with live timers, the reason for each
 * priority in words, and filters for status, priority and "mine".
 *
 * @example
 * <QueuePage query={{ priority: "1,2" }} />
 */
import { api, ApiError } from "../api/client.js";
import type { QueuePage as Page } from "../api/cases.js";
import { SlaTimer } from "../components/sla-timer.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import { explain } from "../i18n/reasons.js";
import type { MessageKey } from "../i18n/en.js";
import { href, navigate } from "../router.js";

const STATUS_SETS: Record<string, string> = { active: "new,open,waiting", resolved: "resolved", closed: "closed" };

export function QueuePage({ query }: { query: Record<string, string> }) {
  const { t, label, num, lang } = useI18n();
  const set = query.status && STATUS_SETS[query.status] ? query.status : "active";
  const q = { status: STATUS_SETS[set], priority: query.priority, assignee: query.mine ? "me" : undefined, limit: 100 };
  const page = useApi(() => api.get<Page>("/cases", q), JSON.stringify(q));
  const counts = useApi(() => api.get<Record<string, number>>("/cases/counts"), `counts${JSON.stringify(q)}`);
  const missing = page.error instanceof ApiError && (page.error.status === 404 || page.error.status === 503);
  return (
    <section className="page queue" data-testid="queue-page">
      <h1>{t("queue.title")}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("queue.filterStatus")}
          <select value={set} onChange={(e) => navigate("queue", { ...query, status: e.target.value })}>
            <option value="active">
              {t("status.new")}, {t("status.open")}, {t("status.waiting")}
            </option>
            <option value="resolved">{t("status.resolved")}</option>
            <option value="closed">{t("status.closed")}</option>
          </select>
        </label>
        <label>
          {t("queue.priority")}
          <select value={query.priority ?? ""} onChange={(e) => navigate("queue", { ...query, priority: e.target.value || undefined })}>
            <option value="">{t("filters.all")}</option>
            {["1", "2", "3", "4", "1,2"].map((p) => (
              <option key={p} value={p}>
                {p
                  .split(",")
                  .map((x) => `P${x}`)
                  .join("+")}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.assignee")}
          <select value={query.mine ? "me" : ""} onChange={(e) => navigate("queue", { ...query, mine: e.target.value ? "1" : undefined })}>
            <option value="">{t("filters.all")}</option>
            <option value="me">{t("queue.mine")}</option>
          </select>
        </label>
      </form>
      {counts.data && Object.keys(counts.data).length > 0 && (
        <div className="kpis" data-testid="queue-counts">
          {Object.entries(counts.data)
            .sort()
            .map(([p, n]) => (
              <a key={p} className="kpi" href={href("queue", { ...query, priority: p.replace(/^P/, "") })}>
                <span className="kpi-value">{num(n)}</span>
                <span className="kpi-label">{p.startsWith("P") ? p : `P${p}`}</span>
              </a>
            ))}
        </div>
      )}
      {missing && <p className="muted">{t("queue.noCases")}</p>}
      {page.error && !missing ? <p className="error">{t("common.loadFailed")}</p> : null}
      {page.data && page.data.items.length === 0 && <p className="muted">{t("queue.empty")}</p>}
      {page.data && page.data.items.length > 0 && (
        <table className="table" data-testid="queue">
          <thead>
            <tr>
              <th>{t("queue.priority")}</th>
              <th>{t("queue.case")}</th>
              <th>{t("queue.status")}</th>
              <th>
                {t("queue.firstResponse")} / {t("queue.resolution")}
              </th>
              <th>
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((c) => (
              <tr key={c.id} className="clickable" data-testid="queue-row" data-case-id={c.id} onClick={() => navigate(`cases/${c.id}`)}>
                <td>
                  <span className={`prio p${c.priority}`}>P{c.priority}</span>
                </td>
                <td>
                  <div>{explain(c.priority_explanation, t, label, lang).replace(/^P\d:\s*/, "")}</div>
                  <div className="chips">
                    <span className="chip channel">{label("channel", c.channel)}</span>
                    {c.public && <span className="chip public">{t("messages.public")}</span>}
                    {c.language && <span className="chip lang">{c.language}</span>}
                    {c.emotion && <span className="chip emotion">{label("emotion", c.emotion)}</span>}
                    {c.cause && <span className="chip cause negative">{label("cause", c.cause)}</span>}
                  </div>
                </td>
                <td>{t(`status.${c.status}` as MessageKey)}</td>
                <td>
                  <SlaTimer
                    dueAt={c.due_at}
                    breached={c.breached}
                    status={c.status === "resolved" || c.status === "closed" ? "met" : undefined}
                  />
                </td>
                <td>
                  <a href={href(`cases/${c.id}`)} onClick={(e) => e.stopPropagation()}>
                    {t("queue.open")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
