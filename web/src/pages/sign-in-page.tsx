/**
 * Sign in with email and password; the server sets an HttpOnly session cookie and returns the
 * CSRF token that every later write carries.
 *
 * @example
 * <SignInPage onSignedIn={(s) => setSession(s.user)} />
 */
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client.js";
import type { SessionInfo } from "../api/types.js";
import { LANGUAGES, useI18n, type UiLanguage } from "../i18n/i18n.js";

export function SignInPage({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { t, lang, setLang } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<SessionInfo>("/session", { email, password }));
    } catch (err) {
      setError(err instanceof ApiError && err.code === "rate.limited" ? t("signIn.tooMany") : t("signIn.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">attune</h1>
        <p className="muted">{t("signIn.lead")}</p>
        <label>
          {t("signIn.email")}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t("signIn.password")}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("signIn.submit")}
        </button>
        <select aria-label={t("nav.language")} value={lang} onChange={(e) => setLang(e.target.value as UiLanguage)}>
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </form>
    </div>
  );
}
