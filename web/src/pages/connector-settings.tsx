/**
 * Connectors in the settings page (admin): the helpdesks and mailboxes `serve` reads on a schedule,
 * each with how its last pass ended (counts, or a failure in words with its stable code); add, edit,
 * pause or turn on, and run one pass now. A secret is write-only: the form never holds the stored
 * one (the API never sends it), an empty secret field keeps it.
 *
 * @example
 * <ConnectorSettings />
 */
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client.js";
import type { Answer } from "../api/types.js";
import { TableHead } from "../components/table-head.js";
import { useApi } from "../components/use-api.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/en.js";
import type { Translate } from "../i18n/format.js";

type Connector = Answer<"getConnectors">["items"][number];
type Kind = Connector["kind"];

const KINDS: Kind[] = ["zendesk", "freshdesk", "intercom", "imap"];
/** Brand names stay as they are in every language; a mailbox is described. */
const BRAND: Partial<Record<Kind, string>> = { zendesk: "Zendesk", freshdesk: "Freshdesk", intercom: "Intercom" };

interface Field {
  key: string;
  label: MessageKey;
  type?: "url" | "email" | "number";
  required?: boolean;
}
/** The settings the form edits per kind (the `attune sync` flags); others a connector has are kept. */
const FIELDS: Record<Kind, Field[]> = {
  zendesk: [
    { key: "url", label: "connectors.url", type: "url", required: true },
    { key: "email", label: "connectors.email", type: "email", required: true },
  ],
  freshdesk: [{ key: "url", label: "connectors.url", type: "url", required: true }],
  intercom: [
    { key: "url", label: "connectors.url", type: "url" },
    { key: "admin-id", label: "connectors.adminId" },
  ],
  imap: [
    { key: "host", label: "connectors.host", required: true },
    { key: "port", label: "connectors.port", type: "number" },
    { key: "user", label: "connectors.user", required: true },
    { key: "mailbox", label: "connectors.mailbox" },
    { key: "source", label: "connectors.source" },
    { key: "agent-address", label: "connectors.agentAddress" },
    { key: "smtp-host", label: "connectors.smtpHost" },
    { key: "smtp-port", label: "connectors.smtpPort", type: "number" },
    { key: "smtp-user", label: "connectors.smtpUser" },
  ],
};
const SECRET_LABEL: Record<Kind, MessageKey> = {
  zendesk: "connectors.secretToken",
  freshdesk: "connectors.secretKey",
  intercom: "connectors.secretToken",
  imap: "connectors.secretPassword",
};
const KNOWN_ERRORS = new Set([
  "connector.auth",
  "connector.unreachable",
  "connector.bad_response",
  "connector.secret_missing",
  "connector.secret_unreadable",
  "config.missing_secret_key",
  "store.conflict",
  "input.invalid_value",
]);

/** A failure in the interface language with its stable code, e.g. "the service refused… (connector.auth)". */
export function errorText(t: Translate, code: string): string {
  return KNOWN_ERRORS.has(code) ? `${t(`error.${code}` as MessageKey)} (${code})` : code;
}

export function kindName(t: Translate, kind: Kind): string {
  return BRAND[kind] ?? t("connectors.kindImap");
}

export function ConnectorSettings() {
  const { t } = useI18n();
  const list = useApi(() => api.get<{ items: Connector[] }>("/connectors"), "connectors");
  const [editing, setEditing] = useState<Connector | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<Set<number>>(new Set());

  async function act(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(t, err instanceof ApiError ? err.code : "internal"));
    } finally {
      list.reload();
    }
  }
  async function runNow(c: Connector) {
    setRunning((s) => new Set(s).add(c.id));
    // The pass's outcome (counts or failure) is recorded on the connector: the reloaded row shows it.
    // A connector's own failure (connector.*) is shown on its row; only other errors show below.
    await act(() =>
      api
        .post(`/connectors/${c.id}/sync`)
        .catch((e: unknown) => (e instanceof ApiError && e.code.startsWith("connector.") ? undefined : Promise.reject(e))),
    );
    setRunning((s) => {
      const next = new Set(s);
      next.delete(c.id);
      return next;
    });
  }
  const toggle = (c: Connector) =>
    act(() =>
      api.put(`/connectors/${c.id}`, {
        kind: c.kind,
        name: c.name,
        settings: c.settings,
        interval_seconds: c.interval_seconds,
        enabled: !c.enabled,
      }),
    );

  return (
    <div className="card" data-testid="connectors">
      <h2>{t("connectors.title")}</h2>
      <p className="muted small">{t("connectors.lead")}</p>
      {list.error ? <p className="error">{errorText(t, list.error instanceof ApiError ? list.error.code : "internal")}</p> : null}
      <table className="table">
        <TableHead columns={[t("connectors.name"), t("connectors.kind"), t("connectors.status"), t("connectors.lastRun")]} />
        <tbody>
          {list.data?.items.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t("connectors.none")}
              </td>
            </tr>
          )}
          {(list.data?.items ?? []).map((c) => (
            <tr key={c.id} data-testid="connector-row" data-connector-id={c.id} data-enabled={c.enabled}>
              <td>
                {c.name}
                <span className="muted small"> {c.secret_set ? t("connectors.secretSet") : t("connectors.noSecret")}</span>
              </td>
              <td>{kindName(t, c.kind)}</td>
              <td data-testid="connector-status">{c.enabled ? t("connectors.on") : t("connectors.off")}</td>
              <td data-testid="connector-last-run" aria-live="polite">
                <LastRun c={c} running={running.has(c.id)} />
              </td>
              <td className="row-actions">
                <button type="button" className="secondary" onClick={() => setEditing(c)} data-testid="connector-edit">
                  {t("connectors.edit")}
                </button>
                <button type="button" className="secondary" onClick={() => void toggle(c)} data-testid="connector-toggle">
                  {c.enabled ? t("connectors.disable") : t("connectors.enable")}
                </button>
                <button type="button" disabled={running.has(c.id)} onClick={() => void runNow(c)} data-testid="connector-run">
                  {running.has(c.id) ? t("connectors.running") : t("connectors.runNow")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error" role="alert" data-testid="connector-error">
          {error}
        </p>
      )}
      {editing === null ? (
        <button type="button" onClick={() => setEditing("new")} data-testid="connector-add">
          {t("connectors.add")}
        </button>
      ) : (
        <ConnectorForm
          key={editing === "new" ? "new" : editing.id}
          connector={editing === "new" ? null : editing}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function LastRun({ c, running }: { c: Connector; running: boolean }) {
  const { t, lang } = useI18n();
  if (running) return <span className="muted">{t("connectors.running")}</span>;
  const r = c.last_run;
  if (!r) return <span className="muted">{t("connectors.never")}</span>;
  const at = r.at ? new Date(r.at).toLocaleString(lang) : "";
  if (r.error_code)
    return (
      <span className="error" data-error-code={r.error_code}>
        {t("connectors.failed", { reason: errorText(t, r.error_code) })} <time className="muted small">{at}</time>
      </span>
    );
  const n = r.counts ?? { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };
  return (
    <span data-accepted={n.accepted}>
      {t("connectors.counts", { accepted: n.accepted, duplicates: n.duplicates })}
      {n.conflicts + n.rejected > 0 ? `, ${t("connectors.countsMore", { conflicts: n.conflicts, rejected: n.rejected })}` : ""}{" "}
      <time className="muted small">{at}</time>
    </span>
  );
}

function ConnectorForm({ connector, onDone }: { connector: Connector | null; onDone: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>(connector?.kind ?? "zendesk");
  const [name, setName] = useState(connector?.name ?? "");
  const [settings, setSettings] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(connector?.settings ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [secret, setSecret] = useState("");
  const [minutes, setMinutes] = useState(String(Math.round((connector?.interval_seconds ?? 300) / 60)));
  const [enabled, setEnabled] = useState(connector?.enabled ?? true);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaving(true);
    // Settings of other kinds (left from a kind switch) are dropped; ones the form does not show are kept.
    const shown = new Set(Object.values(FIELDS).flatMap((f) => f.map((x) => x.key)));
    const own = new Set(FIELDS[kind].map((f) => f.key));
    const values: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(connector?.settings ?? {})) if (!shown.has(k) && connector?.kind === kind) values[k] = v;
    for (const [k, v] of Object.entries(settings))
      if (own.has(k) && v.trim()) values[k] = FIELDS[kind].find((f) => f.key === k)?.type === "number" ? Number(v) : v.trim();
    const body = {
      kind,
      name: name.trim(),
      settings: values,
      interval_seconds: Math.max(1, Number(minutes) || 5) * 60,
      enabled,
      // Empty keeps the stored secret (the API's "omit"); the field never shows it.
      ...(secret ? { secret } : {}),
    };
    try {
      if (connector) await api.put(`/connectors/${connector.id}`, body);
      else await api.post("/connectors", body);
      setSecret("");
      onDone();
    } catch (err) {
      setError(errorText(t, err instanceof ApiError ? err.code : "internal"));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="connector-form" onSubmit={save} data-testid="connector-form">
      <fieldset>
        <legend>{connector ? t("connectors.editing", { name: connector.name }) : t("connectors.new")}</legend>
        <label>
          {t("connectors.kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="connector-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(t, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("connectors.name")}
          <input
            required
            maxLength={64}
            pattern="[A-Za-z0-9][A-Za-z0-9._ \-]*"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="connector-name"
            aria-describedby="connector-name-hint"
          />
          <span id="connector-name-hint" className="muted small">
            {t("connectors.nameHint")}
          </span>
        </label>
        {FIELDS[kind].map((f) => (
          <label key={f.key}>
            {t(f.label)}
            {!f.required && <span className="muted small"> ({t("connectors.optional")})</span>}
            <input
              type={f.type === "number" ? "number" : (f.type ?? "text")}
              required={f.required}
              {...(f.type === "number" ? { min: 1, max: 65535 } : {})}
              value={settings[f.key] ?? ""}
              onChange={(e) => setSettings((s) => ({ ...s, [f.key]: e.target.value }))}
              data-testid={`connector-${f.key}`}
              autoComplete="off"
            />
          </label>
        ))}
        <label>
          {t(SECRET_LABEL[kind])}
          <input
            type="password"
            autoComplete="new-password"
            required={!connector?.secret_set}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            data-testid="connector-secret"
            aria-describedby="connector-secret-hint"
          />
          <span id="connector-secret-hint" className="muted small">
            {connector?.secret_set ? t("connectors.secretKeep") : t("connectors.secretOnce")}
          </span>
        </label>
        <label>
          {t("connectors.interval")}
          <input type="number" min={1} max={1440} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <label className="check-row">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="connector-enabled" />
          {t("connectors.enabled")}
        </label>
        {error && (
          <p className="error" role="alert" data-testid="connector-form-error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={saving} data-testid="connector-save">
            {t("connectors.save")}
          </button>
          <button type="button" className="secondary" onClick={onDone}>
            {t("connectors.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
