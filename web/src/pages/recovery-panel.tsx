/**
 * Recovery rate (customers whose later messages were more positive after their case was resolved),
 * shown when the cases API answers; nothing when cases are not enabled.
 *
 * @example
 * <RecoveryPanel />
 */
import { api } from "../api/client.js";
import { useApi } from "../components/use-api.js";
import type { RecoveryData } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";

export function RecoveryPanel() {
  const { t } = useI18n();
  const r = useApi(() => api.get<RecoveryData>("/recovery", { by: "channel" }), "recovery");
  const judged = r.data?.items.reduce((s, x) => s + x.judged, 0) ?? 0;
  const recovered = r.data?.items.reduce((s, x) => s + x.recovered, 0) ?? 0;
  if (!judged) return null;
  return (
    <div className="kpi" data-testid="kpi-recovery">
      <span className="kpi-value">{Math.round((recovered / judged) * 100)}%</span>
      <span className="kpi-label">{t("overview.recovery", { n: recovered, m: judged })}</span>
    </div>
  );
}
