/**
 * One case: why it is here (priority in words), the SLA clocks, the thread with each message's
 * Reading and evidence, the drafted replies, and the reply box with the empathy check updating as
 * the agent types (checked by the server, debounced). Assign, wait on the customer, resolve,
 * note, goodwill. A sent reply goes out the way the thread came in (the helpdesk's ticket, or an
 * email from the mailbox's address), once per composed reply (its idempotency key), and shows its
 * state in the thread (reply-delivery.tsx).
 *
 * @example
 * <CasePage id={42} />
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client.js";
import type { CaseDetail, CheckResult } from "../api/cases.js";
import { HighlightedText } from "../components/highlighted-text.js";
import { ReadingChips } from "../components/reading-chips.js";
import { SlaTimer } from "../components/sla-timer.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import { explain, reason } from "../i18n/reasons.js";
import type { MessageKey } from "../i18n/en.js";
import { href } from "../router.js";
import { useSession } from "../session.js";
import { kindName } from "./connector-settings.js";
import { ReplyDelivery } from "./reply-delivery.js";

const CHECK_DELAY_MS = 350;
/** While a reply waits to go out, the case is read again this often to show where it stands. */
const DELIVERY_POLL_MS = 5000;

/** A fresh idempotency key for the next composed reply (works outside secure contexts too). */
const newReplyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");

export function CasePage({ id }: { id: number }) {
  const { t, label, lang } = useI18n();
  const { user, can } = useSession();
  const detail = useApi(() => api.get<CaseDetail>(`/cases/${id}`), String(id));
  const [reply, setReply] = useState("");
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  // One key per composed reply: a retried or double-clicked send stores and sends it once.
  const replyKey = useRef(newReplyKey());
  const seq = useRef(0);

  const waiting = detail.data?.thread.some((m) => m.delivery?.state === "pending" || m.delivery?.state === "sending") ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(detail.reload, DELIVERY_POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, detail.data, detail.reload]);

  // The empathy check follows the typing: the latest text wins, older answers are dropped.
  useEffect(() => {
    const text = reply.trim();
    if (!text) {
      setCheck(null);
      setChecking(false); // a check cancelled by clearing the box (or sending) never answers
      return;
    }
    const mine = ++seq.current;
    setChecking(true);
    const timer = setTimeout(() => {
      api
        .post<CheckResult>(`/cases/${id}/replies`, { text, send: false })
        .then((r) => {
          if (mine === seq.current) setCheck(r);
        })
        .catch(() => undefined)
        .finally(() => {
          if (mine === seq.current) setChecking(false);
        });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [reply, id]);

  async function act(fn: () => Promise<unknown>, done?: string) {
    setError(null);
    try {
      await fn();
      if (done) setNotice(done);
      detail.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.code : "internal");
    }
  }

  if (detail.error) return <p className="error">{t("common.notFound")}</p>;
  const c = detail.data;
  if (!c) return <p className="muted">…</p>;
  const active = c.status === "new" || c.status === "open" || c.status === "waiting";
  const writer = can("queue") && user.role !== "analyst";
  const scoreClass = check ? (check.score >= 75 ? "good" : check.score >= 50 ? "fair" : "poor") : "";

  return (
    <section className="page case" data-testid="case-page">
      <p>
        <a href={href("queue")}>← {t("queue.title")}</a>
      </p>
      <h1>
        <span className={`prio p${c.priority}`}>P{c.priority}</span> {t("case.title", { id: c.id })}{" "}
        <span className="muted small">{t(`status.${c.status}` as MessageKey)}</span>
      </h1>
      <p data-testid="case-explanation">{explain(c.priority_explanation, t, label, lang)}</p>
      {c.person && (
        <p className="small" data-testid="case-person">
          {c.person.display_name ?? `#${c.person.id}`}
          {c.person.audience ? <span className="muted"> · {t("messages.audience", { n: c.person.audience })}</span> : null}
        </p>
      )}
      {c.reasons.length > 0 && (
        <p className="small">
          <strong>{t("case.why")}:</strong> {c.reasons.map((r) => reason(r, t, label, lang)).join(", ")}
        </p>
      )}
      <div className="case-layout">
        <div>
          <h2>{t("case.thread")}</h2>
          <div className="message-list" data-testid="case-thread">
            {c.thread.map((m) => (
              <article key={m.id} className={`message dir-${m.direction}`} data-testid="case-message">
                <header>
                  <span className="chip channel">{label("channel", m.channel)}</span>
                  <span className="muted small">{label("direction", m.direction)}</span>
                  <time className="muted small" dateTime={m.sent_at}>
                    {new Date(m.sent_at).toLocaleString()}
                  </time>
                </header>
                <HighlightedText text={m.text} reading={m.direction === "customer" ? m.reading : null} />
                {m.direction === "customer" && <ReadingChips reading={m.reading} />}
                {m.delivery && <ReplyDelivery delivery={m.delivery} onChange={detail.reload} />}
              </article>
            ))}
          </div>
          {c.notes.length > 0 && (
            <div className="card">
              <h3>{t("case.notes")}</h3>
              {c.notes.map((n) => (
                <p key={n.id} className="small">
                  <time className="muted">{new Date(n.at).toLocaleString()}</time> {n.text}
                </p>
              ))}
            </div>
          )}
        </div>
        <aside>
          <div className="card" data-testid="case-clocks">
            {c.clocks.map((k) => (
              <p key={k.kind}>
                {k.kind === "first_response" ? t("queue.firstResponse") : t("queue.resolution")}:{" "}
                <SlaTimer dueAt={k.due_at} status={k.status} warnAt={k.warn_at} />
              </p>
            ))}
            {c.team && <p className="small muted">{c.team}</p>}
            {c.assignee && (
              <p className="small">
                {t("queue.assignee")}: {c.assignee.display_name ?? c.assignee.email}
              </p>
            )}
          </div>
          {writer && active && (
            <div className="card">
              {c.drafts.length > 0 && (
                <>
                  <h3>{t("case.drafts")}</h3>
                  {c.drafts.map((d, i) => (
                    <div key={i} className="draft" data-testid="draft">
                      <p dir="auto" lang={d.language}>
                        {d.text}
                      </p>
                      <button type="button" className="secondary" onClick={() => setReply(d.text)} data-testid="use-draft">
                        {t("case.useDraft")}
                      </button>
                    </div>
                  ))}
                </>
              )}
              <label>
                <strong>{t("case.reply")}</strong>
                <textarea value={reply} onChange={(e) => setReply(e.target.value)} dir="auto" data-testid="reply" maxLength={20000} />
              </label>
              <div className="check" data-testid="check" aria-live="polite">
                <h3>
                  {t("case.check")} {checking && <span className="muted small">{t("case.checking")}</span>}
                </h3>
                {check && (
                  <>
                    <div className={`score ${scoreClass}`} data-testid="check-score" data-score={check.score}>
                      {t("case.score", { n: check.score })}
                    </div>
                    <ul className="criteria">
                      {check.criteria
                        .filter((k) => k.verdict !== "not_applicable")
                        .map((k) => (
                          <li key={k.name} data-criterion={k.name}>
                            <span>{t(`criterion.${k.name}` as MessageKey)}</span>
                            <span className={`verdict-${k.verdict}`}>{t(`verdict.${k.verdict}` as MessageKey)}</span>
                            {k.suggestion && <span className="hint">{k.suggestion}</span>}
                          </li>
                        ))}
                    </ul>
                  </>
                )}
              </div>
              <p className="small" data-testid="reply-route" data-via={c.reply_via.kind}>
                {c.reply_via.kind === "helpdesk"
                  ? t("case.viaHelpdesk", { service: kindName(t, c.reply_via.source as "zendesk") })
                  : c.reply_via.kind === "email"
                    ? c.reply_via.from
                      ? t("case.viaEmail", { from: c.reply_via.from })
                      : t("case.viaEmailNoFrom")
                    : t("case.viaThread")}
              </p>
              {c.reply_via.kind === "email" && !c.reply_via.from && (
                <label>
                  {t("case.from")}
                  <input type="email" required value={from} onChange={(e) => setFrom(e.target.value)} data-testid="reply-from" />
                </label>
              )}
              <div className="actions">
                <button
                  type="button"
                  disabled={!reply.trim() || (c.reply_via.kind === "email" && !c.reply_via.from && !from.includes("@"))}
                  data-testid="send"
                  onClick={() =>
                    void act(
                      async () => {
                        const r = await api.post<CheckResult>(`/cases/${id}/replies`, {
                          text: reply.trim(),
                          send: true,
                          idempotency_key: replyKey.current,
                          ...(c.reply_via.kind === "email" && !c.reply_via.from ? { from: from.trim() } : {}),
                        });
                        replyKey.current = newReplyKey();
                        setCheck(r);
                        setReply("");
                      },
                      c.reply_via.kind === "thread" ? t("case.sent") : t("case.queued"),
                    )
                  }
                >
                  {t("case.send")}
                </button>
              </div>
            </div>
          )}
          <div className="card actions">
            {writer && c.assignee_user_id !== user.id && active && (
              <button
                type="button"
                className="secondary"
                onClick={() => void act(() => api.post(`/cases/${id}/assignment`, { user_id: user.id }))}
                data-testid="assign-me"
              >
                {t("case.assignToMe")}
              </button>
            )}
            {writer && c.status !== "waiting" && active && (
              <button
                type="button"
                className="secondary"
                onClick={() => void act(() => api.post(`/cases/${id}/transitions`, { to: "waiting" }))}
              >
                {t("case.waiting")}
              </button>
            )}
            {writer && active && (
              <button
                type="button"
                onClick={() => void act(() => api.post(`/cases/${id}/transitions`, { to: "resolved" }), t("case.resolved"))}
                data-testid="resolve"
              >
                {t("case.resolve")}
              </button>
            )}
            {writer && !active && (
              <button
                type="button"
                className="secondary"
                onClick={() => void act(() => api.post(`/cases/${id}/transitions`, { to: "open" }))}
              >
                {t("case.reopen")}
              </button>
            )}
          </div>
          {notice && (
            <p className="notice" data-testid="case-notice">
              {notice}
            </p>
          )}
          {error && <p className="error">{error}</p>}
          {writer && <NoteForm onAdd={(text) => act(() => api.post(`/cases/${id}/notes`, { text }))} />}
          {c.goodwill.length > 0 && (
            <div className="card small">
              <h3>{t("case.goodwill")}</h3>
              {c.goodwill.map((g) => (
                <p key={g.id}>
                  {g.kind}: {g.amount} {g.currency}
                </p>
              ))}
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}

function NoteForm({ onAdd }: { onAdd: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    await onAdd(text.trim());
    setText("");
  }
  return (
    <form className="card" onSubmit={submit}>
      <label>
        {t("case.note")}
        <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={10000} />
      </label>
      <button type="submit" className="secondary">
        {t("case.addNote")}
      </button>
    </form>
  );
}
