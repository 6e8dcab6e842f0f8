/**
 * Recovery rate (customers whose later messages were more positive after their case was resolved),
 * shown when the cases API answers; nothing when cases are not enabled.
 *
 * @example
 * <RecoveryPanel />
 */
import { api } from "../api/client.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";

interface Recovery {
  rate: number | null;
  recovered: number;
  followed_up: number;
}

export function RecoveryPanel() {
  const { t } = useI18n();
  const r = useApi(() => api.get<Recovery>("/cases/recovery"), "recovery");
  if (!r.data || r.data.rate === null || r.data.rate === undefined) return null;
  return (
    <div className="kpi" data-testid="kpi-recovery">
      <span className="kpi-value">{Math.round(r.data.rate * 100)}%</span>
      <span className="kpi-label">{t("overview.recovery", { n: r.data.recovered, m: r.data.followed_up })}</span>
    </div>
  );
}
