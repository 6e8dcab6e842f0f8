/**
 * Browser sessions: sign in with email and password (sets an HttpOnly, SameSite=Strict cookie,
 * Secure under TLS, and returns a CSRF token for the X-CSRF-Token header on writes), see who is
 * signed in (with a fresh CSRF token), sign out. Attempts are throttled per account and client
 * (sign-in-throttle.ts), with a device cookie that keeps an account's owner from being locked out.
 *
 * @example
 * curl -si -X POST localhost:3000/api/v1/session -H 'content-type: application/json' -d '{"email":"lee@example.com","password":"..."}'
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { ROLES } from "../../store/roles.js";
import { verifyPassword } from "../../store/secrets.js";
import { createSession, deleteSession, rotateCsrf, SESSION_TTL_MS } from "../../store/sessions.js";
import { findUserByEmail, sessionUser } from "../../store/users.js";
import { workspaceSalt } from "../../store/workspace-salt.js";
import type { AppDeps } from "../app-deps.js";
import { SESSION_COOKIE } from "../auth/principal.js";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, deviceIdOf, deviceKey, deviceToken } from "../device-cookie.js";
import type { SignInAttempt } from "../sign-in-throttle.js";
import { clientAddress, defineRoute } from "../route.js";

const Login = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }).strict();
const SessionOut = z.object({ user: z.object({ id: z.number(), email: z.string(), role: z.enum(ROLES) }), csrf_token: z.string() });

// A fixed hash to verify against when the user does not exist, so timing does not reveal accounts.
const DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Secure cookies whenever the request came over TLS (directly or as told by the proxy), or when configured. */
function secureRequest(c: Context, deps: Pick<AppDeps, "secureCookies">): boolean {
  return deps.secureCookies || new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The attempt as the throttle sees it: by this account's device cookie when the browser holds one, else by address. */
function attemptOf(c: Context, key: Buffer, account: string): SignInAttempt {
  const device = deviceIdOf(key, account, getCookie(c, DEVICE_COOKIE));
  return device ? { account, client: device, device: true } : { account, client: clientAddress(c), device: false };
}

export const sessionRoutes = [
  defineRoute({
    method: "post",
    path: "/session",
    summary: "Sign in",
    tags: ["auth"],
    scope: null,
    body: Login,
    responses: {
      200: { description: "Signed in; cookie set", schema: SessionOut },
      401: { description: "auth.invalid" },
      429: { description: "rate.limited: wait Retry-After seconds (repeated invalid credentials)" },
    },
    async handler({ c, body, deps }) {
      const key = deviceKey(await workspaceSalt(deps.store, deps.store.workspaceId));
      const attempt = attemptOf(c, key, body.email);
      await deps.signIn.begin(attempt);
      const user = await findUserByEmail(deps.store.db, body.email);
      const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY);
      if (!user || !user.password_hash || !ok) throw new AttuneError("auth.invalid", {});
      await deps.signIn.succeeded(attempt);
      const { token, csrf } = await createSession(deps.store.db, user.id);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        secure: secureRequest(c, deps),
        path: "/",
        maxAge: SESSION_TTL_MS / 1000,
      });
      if (!attempt.device)
        setCookie(c, DEVICE_COOKIE, deviceToken(key, body.email), {
          httpOnly: true,
          sameSite: "Strict",
          secure: secureRequest(c, deps),
          path: "/api/v1/session",
          maxAge: DEVICE_COOKIE_MAX_AGE_S,
        });
      return c.json({ user: { id: user.id, email: user.email, role: user.role }, csrf_token: csrf });
    },
  }),
  defineRoute({
    method: "get",
    path: "/session",
    summary: "Who is signed in (and a fresh CSRF token)",
    tags: ["auth"],
    scope: null,
    responses: { 200: { description: "The session", schema: SessionOut }, 401: { description: "Not signed in" } },
    async handler({ c, principal, deps }) {
      if (principal.kind !== "session" || principal.sessionId === undefined || principal.id === null)
        throw new AttuneError("auth.required", {});
      const user = await sessionUser(deps.store.db, principal.id);
      return c.json({ user, csrf_token: await rotateCsrf(deps.store.db, principal.sessionId) });
    },
  }),
  defineRoute({
    method: "delete",
    path: "/session",
    summary: "Sign out",
    tags: ["auth"],
    scope: null,
    responses: { 204: { description: "Signed out" } },
    async handler({ c, principal, deps }) {
      if (principal.kind === "session" && principal.sessionId !== undefined) await deleteSession(deps.store.db, principal.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: deps.secureCookies });
      return c.body(null, 204);
    },
  }),
];
