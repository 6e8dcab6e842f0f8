/**
 * The dashboard shell: checks the session, shows sign-in or the navigation and the current page,
 * and the interface language switch.
 *
 * @example
 * <I18nProvider><App /></I18nProvider>
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { api, setCsrf } from "./api/client.js";
import type { SessionInfo } from "./api/types.js";
import { ErrorBoundary } from "./components/error-boundary.js";
import { LANGUAGES, useI18n, type UiLanguage } from "./i18n/i18n.js";
import type { MessageKey } from "./i18n/en.js";
import { CasePage } from "./pages/case-page.js";
import { MessagesPage } from "./pages/messages-page.js";
import { OverviewPage } from "./pages/overview-page.js";
import { PeoplePage } from "./pages/people-page.js";
import { PublicPage } from "./pages/public-page.js";
import { QueuePage } from "./pages/queue-page.js";
import { SettingsPage } from "./pages/settings-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
import { href, useRoute } from "./router.js";
import { areasOf, SessionContext, type Area, type SessionCtx } from "./session.js";

const NAV: { area: Area; key: MessageKey }[] = [
  { area: "overview", key: "nav.overview" },
  { area: "messages", key: "nav.messages" },
  { area: "queue", key: "nav.queue" },
  { area: "public", key: "nav.public" },
  { area: "people", key: "nav.people" },
  { area: "settings", key: "nav.settings" },
];

/** The whole dashboard. @example createRoot(el).render(<App />) */
export function App() {
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  const [session, setSession] = useState<SessionInfo["user"] | null | undefined>(undefined);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    api
      .get<SessionInfo>("/session")
      .then((s) => {
        setCsrf(s.csrf_token);
        setSession(s.user);
      })
      .catch(() => setSession(null));
  }, []);

  const signOut = useCallback(async () => {
    await api.del("/session").catch(() => undefined);
    setCsrf(null);
    setSession(null);
    location.hash = "";
  }, []);

  const ctx = useMemo<SessionCtx | null>(
    () => (session ? { user: session, can: (a) => areasOf(session.role).includes(a), signOut } : null),
    [session, signOut],
  );

  if (session === undefined) return <div className="loading">…</div>;
  if (!ctx) {
    return (
      <SignInPage
        onSignedIn={(s) => {
          setCsrf(s.csrf_token);
          setSession(s.user);
        }}
      />
    );
  }
  const areas = areasOf(ctx.user.role);
  const page = route.page && (areas as string[]).includes(route.page === "cases" ? "queue" : route.page) ? route.page : areas[0]!;
  return (
    <SessionContext.Provider value={ctx}>
      <div className="shell">
        <header className="top">
          <a className="brand" href={href(areas[0]!)}>
            attune
          </a>
          <nav aria-label={t("nav.label")}>
            {NAV.filter((n) => areas.includes(n.area)).map((n) => (
              <a
                key={n.area}
                href={href(n.area)}
                className={page === n.area || (n.area === "queue" && page === "cases") ? "active" : ""}
                data-nav={n.area}
              >
                {t(n.key)}
              </a>
            ))}
          </nav>
          <div className="who">
            <select
              aria-label={t("nav.language")}
              value={lang}
              onChange={(e) => setLang(e.target.value as UiLanguage)}
              data-testid="ui-language"
            >
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <span className="muted">{ctx.user.email}</span>
            <button type="button" onClick={() => void signOut()}>
              {t("nav.signOut")}
            </button>
          </div>
        </header>
        <main>
          <ErrorBoundary resetKey={`${page}/${route.rest.join("/")}?${JSON.stringify(route.query)}`} message={t("common.loadFailed")}>
            <PageFor page={page} rest={route.rest} query={route.query} />
          </ErrorBoundary>
        </main>
      </div>
    </SessionContext.Provider>
  );
}

function PageFor({ page, rest, query }: { page: string; rest: string[]; query: Record<string, string> }) {
  switch (page) {
    case "overview":
      return <OverviewPage query={query} />;
    case "messages":
      return <MessagesPage query={query} id={rest[0] ? Number(rest[0]) : undefined} />;
    case "queue":
      return <QueuePage query={query} />;
    case "cases":
      return rest[0] ? <CasePage id={Number(rest[0])} /> : <QueuePage query={query} />;
    case "public":
      return <PublicPage query={query} />;
    case "people":
      return <PeoplePage query={query} />;
    case "settings":
      return <SettingsPage />;
    default:
      return null;
  }
}
