/**
 * Who is calling: an API key (Authorization: Bearer atk_...) or a browser session (cookie), with
 * the scopes they hold. Anonymous callers reach only public routes.
 *
 * @example
 * const p = await resolvePrincipal(c, store);
 * if (!p.scopes.has("messages:read")) throw new AttuneError("auth.forbidden", {});
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { AttuneError } from "../../core/errors.js";
import { findApiKey, touchApiKey } from "../../store/api-keys.js";
import type { Store } from "../../store/open-store.js";
import { effectiveScopes, isRole, type Role, type Scope } from "../../store/roles.js";
import { findSession } from "../../store/sessions.js";

export const SESSION_COOKIE = "attune_session";

export interface Principal {
  kind: "key" | "session" | "anonymous";
  /** api_keys.id or users.id */
  id: number | null;
  workspaceId: number;
  role: Role | null;
  scopes: ReadonlySet<Scope>;
  sessionId?: number;
  csrfHash?: string;
}

const lastUsedWrites = new Map<number, number>();

export async function resolvePrincipal(c: Context, store: Store): Promise<Principal> {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9_-]{8,200})$/.exec(header);
    if (!m) throw new AttuneError("auth.invalid", {});
    const row = await findApiKey(store.db, m[1]!);
    if (!row || !isRole(row.role)) throw new AttuneError("auth.invalid", {});
    touchKey(store, row.id);
    const keyScopes = row.scopes ? row.scopes.split(" ") : [];
    return {
      kind: "key",
      id: row.id,
      workspaceId: row.workspace_id,
      role: row.role,
      scopes: new Set(effectiveScopes(row.role, keyScopes)),
    };
  }
  const cookie = getCookie(c, SESSION_COOKIE) ?? getCookie(c, `__Host-${SESSION_COOKIE}`);
  if (cookie !== undefined) {
    const s = /^[A-Za-z0-9_-]{8,200}$/.test(cookie) ? await findSession(store.db, cookie) : undefined;
    if (!s || !isRole(s.role)) throw new AttuneError("auth.invalid", {});
    return {
      kind: "session",
      id: s.userId,
      workspaceId: s.workspaceId,
      role: s.role,
      scopes: new Set(effectiveScopes(s.role)),
      sessionId: s.sessionId,
      csrfHash: s.csrfHash,
    };
  }
  return { kind: "anonymous", id: null, workspaceId: store.workspaceId, role: null, scopes: new Set() };
}

/** Records when a key was last used, at most once a minute per key (each write is an fsync). */
function touchKey(store: Store, id: number): void {
  const now = Date.now();
  if ((lastUsedWrites.get(id) ?? 0) > now - 60_000) return;
  lastUsedWrites.set(id, now);
  touchApiKey(store.db, id, now).catch(() => undefined);
}
