/**
 * The way out of one reply in a case's thread: waiting, sending, sent, not confirmed or not sent.
 * A reply whose sending cannot be proven (`unconfirmed`: the mail server may have taken it) is never
 * sent again by itself; the agent may, after reading why, in two explicit steps (audited server-side).
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
  async function sendAgain() {
    setError(null);
    try {
      await api.post(`/email-replies/${delivery.outbox_id}/requeue`);
      setConfirming(false);
      onChange();
    } catch (err) {
      setError(err instanceof ApiError ? err.code : "internal");
    }
  }
  return (
    <div className={`delivery delivery-${delivery.state}`} data-testid="delivery" data-state={delivery.state} aria-live="polite">
      <span className="chip">{t(`delivery.${delivery.state}`)}</span>
      {delivery.state === "failed" && <p className="small">{t("delivery.failedHelp")}</p>}
      {delivery.state === "unconfirmed" && (
        <>
          <p className="small">{t("delivery.unconfirmedHelp")}</p>
          {confirming ? (
            <span className="actions">
              <button type="button" onClick={() => void sendAgain()} data-testid="confirm-send-again">
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
