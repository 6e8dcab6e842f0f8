/**
 * One message with its Reading: the text with evidence marked, the chips, language, channel and
 * time. Loads the full Reading when only the summary is at hand.
 *
 * @example
 * <MessageCard summary={m} />
 */
import { api } from "../api/client.js";
import type { MessageDetail, MessageSummary, Reading } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { href } from "../router.js";
import { HighlightedText } from "./highlighted-text.js";
import { ReadingChips } from "./reading-chips.js";
import { useApi } from "./use-api.js";

export function MessageCard({ summary, reading, link = true }: { summary: MessageSummary; reading?: Reading | null; link?: boolean }) {
  const { t, label } = useI18n();
  const detail = useApi(
    () => (reading !== undefined ? Promise.resolve(null) : api.get<MessageDetail>(`/messages/${summary.id}`)),
    `m${summary.id}`,
  );
  const full = reading !== undefined ? reading : (detail.data?.reading ?? null);
  return (
    <article className={`message dir-${summary.direction}`} data-testid="message" data-message-id={summary.id}>
      <header>
        <span className="chip channel">{label("channel", summary.channel)}</span>
        {summary.public && <span className="chip public">{t("messages.public")}</span>}
        {summary.audience ? <span className="muted small">{t("messages.audience", { n: summary.audience })}</span> : null}
        <time dateTime={summary.sent_at} className="muted small">
          {new Date(summary.sent_at).toLocaleString()}
        </time>
        <span className="muted small">{label("direction", summary.direction)}</span>
        {link && (
          <a className="small" href={href(`messages/${summary.id}`)}>
            {t("messages.open")}
          </a>
        )}
      </header>
      {summary.subject && <h3 className="subject">{summary.subject}</h3>}
      <HighlightedText text={summary.text} reading={full} />
      {full || reading !== undefined || detail.data ? <ReadingChips reading={full} /> : <p className="muted small">…</p>}
    </article>
  );
}
