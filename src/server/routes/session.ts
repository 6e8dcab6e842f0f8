/**
 * Browser sessions: sign in with email and password (sets an HttpOnly, SameSite=Strict cookie,
 * Secure under TLS, and returns a CSRF token for the X-CSRF-Token header on writes), see who is
 * signed in (with a fresh CSRF token), sign out.
 *
 * @example
 * curl -si -X POST localhost:3000/api/v1/session -H 'content-type: application/json' -d '{"email":"lee@example.com","password":"..."}'
 */
import { setCookie, deleteCookie } from "hono/cookie";
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import { verifyPassword } from "../../store/secrets.js";
import { createSession, deleteSession, rotateCsrf, SESSION_TTL_MS } from "../../store/sessions.js";
import { findUserByEmail } from "../../store/users.js";
import { SESSION_COOKIE } from "../auth/principal.js";
import { clientAddress, defineRoute } from "../route.js";

const Login = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }).strict();
const SessionOut = z.object({ user: z.object({ id: z.number(), email: z.string(), role: z.string() }), csrf_token: z.string() });

// A fixed hash to verify against when the user does not exist, so timing does not reveal accounts.
const DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export const sessionRoutes = [
  defineRoute({
    method: "post",
    path: "/session",
    summary: "Sign in",
    tags: ["auth"],
    scope: null,
    body: Login,
    responses: { 200: { description: "Signed in; cookie set", schema: SessionOut }, 401: { description: "auth.invalid" } },
    async handler({ c, body, deps }) {
      deps.loginLimiter.take(`login:${clientAddress(c)}`);
      const user = await findUserByEmail(deps.store.db, body.email);
      const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY);
      if (!user || !user.password_hash || !ok) throw new AttuneError("auth.invalid", {});
      const { token, csrf } = await createSession(deps.store.db, user.id);
      // Secure whenever the request came over TLS (directly or as told by the proxy), or when configured.
      const tls = new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Strict", secure: deps.secureCookies || tls, path: "/", maxAge: SESSION_TTL_MS / 1000 });
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
      if (principal.kind !== "session" || principal.sessionId === undefined || principal.id === null) throw new AttuneError("auth.required", {});
      const user = await deps.store.db.selectFrom("users").select(["id", "email", "role"]).where("id", "=", principal.id).executeTakeFirstOrThrow();
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
