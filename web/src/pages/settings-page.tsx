/**
 * Settings for admins: API keys (created with a role, shown once, revocable), users and roles,
 * the connectors (connector-settings.tsx), and the SLA policies and case rules in force (read from the cases API when it is there).
 *
 * @example
 * <SettingsPage />
 */
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client.js";
import type { Answer, Role } from "../api/types.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/en.js";
import { ConnectorSettings } from "./connector-settings.js";

const ROLES: Role[] = ["admin", "agent", "analyst", "people_team"];

type Key = Answer<"getKeys">["items"][number];
type User = Answer<"getUsers">["items"][number];
type Rules = Answer<"getCaseRules">;

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <section className="page settings" data-testid="settings-page">
      <h1>{t("settings.title")}</h1>
      <Keys />
      <Users />
      <ConnectorSettings />
      <CaseRules />
    </section>
  );
}

function Keys() {
  const { t } = useI18n();
  const keys = useApi(() => api.get<{ items: Key[] }>("/keys"), "keys");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const k = await api.post<{ key: string }>("/keys", { name, role });
      setShown(k.key);
      setName("");
      keys.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.code : "internal");
    }
  }
  return (
    <div className="card">
      <h2>{t("settings.keys")}</h2>
      <form className="inline" onSubmit={create}>
        <input
          required
          maxLength={100}
          placeholder={t("settings.keyName")}
          aria-label={t("settings.keyName")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="key-name"
        />
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label={t("settings.role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("settings.createKey")}</button>
      </form>
      {error && <p className="error">{error}</p>}
      {shown && (
        <p className="notice" data-testid="new-key">
          {t("settings.keyOnce")} <code>{shown}</code>
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t("settings.keyName")}</th>
            <th>{t("settings.prefix")}</th>
            <th>{t("settings.role")}</th>
            <th>{t("settings.lastUsed")}</th>
            <th>
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(keys.data?.items ?? []).map((k) => (
            <tr key={k.id} className={k.revoked_at ? "revoked" : ""}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{t(`role.${k.role as Role}`)}</td>
              <td>{k.last_used_at ? new Date(k.last_used_at).toLocaleString() : "–"}</td>
              <td>
                {k.revoked_at ? (
                  t("settings.revoked")
                ) : (
                  <button type="button" onClick={() => void api.del(`/keys/${k.id}`).then(keys.reload)}>
                    {t("settings.revoke")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Users() {
  const { t } = useI18n();
  const users = useApi(() => api.get<{ items: User[] }>("/users"), "users");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [error, setError] = useState<string | null>(null);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post("/users", { email, role, password });
      setEmail("");
      setPassword("");
      users.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.code : "internal");
    }
  }
  return (
    <div className="card">
      <h2>{t("settings.users")}</h2>
      <form className="inline" onSubmit={create}>
        <input
          type="email"
          required
          placeholder={t("signIn.email")}
          aria-label={t("signIn.email")}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <input
          type="password"
          required
          minLength={12}
          placeholder={t("settings.newPassword")}
          aria-label={t("settings.newPassword")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label={t("settings.role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("settings.createUser")}</button>
      </form>
      {error && <p className="error">{error}</p>}
      <table className="table" data-testid="users">
        <thead>
          <tr>
            <th>{t("signIn.email")}</th>
            <th>{t("settings.role")}</th>
            <th>
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.items ?? []).map((u) => (
            <tr key={u.id} className={u.disabled_at ? "revoked" : ""}>
              <td>
                {u.email}
                {u.display_name ? <span className="muted small"> {u.display_name}</span> : null}
              </td>
              <td>{t(`role.${u.role as Role}`)}</td>
              <td>
                {u.disabled_at ? (
                  t("settings.disabled")
                ) : (
                  <button type="button" onClick={() => void api.del(`/users/${u.id}`).then(users.reload)}>
                    {t("settings.disable")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseRules() {
  const { t, label, lang } = useI18n();
  const rules = useApi(() => api.get<Rules>("/case-rules"), "rules");
  const hours = (m: number) =>
    new Intl.NumberFormat(lang, { style: "unit", unit: m >= 60 ? "hour" : "minute", unitDisplay: "short" }).format(
      m >= 60 ? Math.round((m / 60) * 10) / 10 : m,
    );
  // 2026-01-04 was a Sunday: the calendar's week starts on Sunday.
  const weekday = (i: number) => new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" }).format(Date.UTC(2026, 0, 4 + i));
  return (
    <div className="card" data-testid="case-rules">
      <h2>{t("settings.sla")}</h2>
      {rules.error ? <p className="muted">{t("settings.noCases")}</p> : null}
      {rules.data?.sla && (
        <table className="table">
          <thead>
            <tr>
              <th>{t("queue.priority")}</th>
              <th>{t("settings.firstResponse")}</th>
              <th>{t("settings.resolution")}</th>
              <th>{t("settings.overrides")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(rules.data.sla).map(([p, s]) => (
              <tr key={p}>
                <td>P{p}</td>
                <td>{hours(s.default.firstResponseMinutes)}</td>
                <td>{hours(s.default.resolutionMinutes)}</td>
                <td>
                  {Object.entries(s.channels ?? {}).map(([ch, tg]) => (
                    <span key={ch} className="chip">
                      {label("channel", ch)}: {hours(tg.firstResponseMinutes)} / {hours(tg.resolutionMinutes)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rules.data?.calendar && (
        <p className="small">
          {t("settings.calendar")}: {rules.data.calendar.timeZone};{" "}
          {rules.data.calendar.week
            .map((d, i) => (d.length ? `${weekday(i)} ${d.join(", ")}` : null))
            .filter(Boolean)
            .join(" · ")}
        </p>
      )}
      {rules.data?.open && (
        <>
          <h3>{t("settings.caseRules")}</h3>
          <dl className="facts">
            {Object.entries(rules.data.open).map(([k, v]) => (
              <div key={k}>
                <dt>{t(`rule.${k}` as MessageKey)}</dt>
                <dd>{Array.isArray(v) ? v.map((x: string) => label("signal", x)).join(", ") : String(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {rules.data?.followUp && (
        <p className="small">
          {t("settings.followUp")}: {rules.data.followUp.enabled ? hours(rules.data.followUp.afterMinutes) : "–"}
        </p>
      )}
    </div>
  );
}
