/**
 * The way out of one reply in a case's thread: waiting, sending, sent, not confirmed or not sent.
 * A reply whose sending cannot be proven (`unconfirmed`: the mail server may have taken it) is never
 * sent again by itself; the agent may, after reading why, in two explicit steps (audited server-side).
 * A helpdesk reply the helpdesk refused (`failed`) may be tried again in one step, after its cause is
 * fixed: the same idempotency key, so a reply that did go through is found in the ticket, not posted twice.
 *
 * @example
 * <ReplyDelivery delivery={m.delivery} onChange={detail.reload} />
 */
import { useState } from "react";
import { api, ApiError } from "../api/client.js";
import type { Delivery } from "../api/cases.js";
import { useI18n } from "../i18n/i18n.js";

export function ReplyDelivery({ delivery, onChange }: { delivery: Delivery; onChange: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function queueAgain(path: string) {
    setError(null);
    setBusy(true);
    try {
      await api.post(path);
      setConfirming(false);
      onChange();
    } catch (err) {
      setError(err instanceof ApiError ? err.code : "internal");
    } finally {
      setBusy(false);
    }
  }
  const sendAgain = () => queueAgain(`/email-replies/${delivery.outbox_id}/requeue`);
  const helpdeskFailed = delivery.state === "failed" && delivery.via === "helpdesk";
  return (
    <div className={`delivery delivery-${delivery.state}`} data-testid="delivery" data-state={delivery.state} aria-live="polite">
      <span className="chip">{t(`delivery.${delivery.state}`)}</span>
      {delivery.state === "failed" && !helpdeskFailed && <p className="small">{t("delivery.failedHelp")}</p>}
      {helpdeskFailed && (
        <>
          <p className="small">{t("delivery.failedHelpdeskHelp")}</p>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void queueAgain(`/helpdesk-replies/${delivery.outbox_id}/retry`)}
            data-testid="retry-reply"
          >
            {t("delivery.tryAgain")}
          </button>
        </>
      )}
      {delivery.state === "unconfirmed" && (
        <>
          <p className="small">{t("delivery.unconfirmedHelp")}</p>
          {confirming ? (
            <span className="actions">
              <button type="button" disabled={busy} onClick={() => void sendAgain()} data-testid="confirm-send-again">
                {t("delivery.confirmAgain")}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t("delivery.keep")}
              </button>
            </span>
          ) : (
            delivery.via === "email" && (
              <button type="button" className="secondary" onClick={() => setConfirming(true)} data-testid="send-again">
                {t("delivery.sendAgain")}
              </button>
            )
          )}
        </>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
