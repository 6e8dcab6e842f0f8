/**
 * An in-process attune app over a store, with the real reading engine and an admin key, plus
 * small request helpers.
 *
 * @example
 * const t = await testApp(store);
 * const res = await t.post("/messages", { external_id: "1", text: "hi" });
 */
import { storeThrottleEntries } from "../../src/store/sign-in-throttle.js";
import type { Hono } from "hono";
import { createReader, type Reader } from "../../src/analysis/read.js";
import { CaseEngine } from "../../src/cases/case-engine.js";
import { systemClock, type Clock } from "../../src/cases/clock.js";
import { LIMITS } from "../../src/ingest/limits.js";
import { createApiKey } from "../../src/store/api-keys.js";
import type { Store } from "../../src/store/open-store.js";
import type { Role } from "../../src/store/roles.js";
import { createApp } from "../../src/server/app.js";
import { RateLimiter, type RateLimit } from "../../src/server/rate-limit.js";
import { SignInThrottle } from "../../src/server/sign-in-throttle.js";

let readerPromise: Promise<Reader> | undefined;
export function sharedReader(): Promise<Reader> {
  return (readerPromise ??= createReader());
}

export interface TestApp {
  app: Hono;
  adminKey: string;
  key(role: Role, scopes?: string[]): Promise<string>;
  req(
    method: string,
    path: string,
    opts?: { body?: unknown; raw?: NonNullable<RequestInit["body"]>; key?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  post(path: string, body: unknown, key?: string | null): Promise<Response>;
  get(path: string, key?: string | null): Promise<Response>;
}

export async function testApp(
  store: Store,
  opts: { rateLimit?: RateLimit; clock?: Clock; webDir?: string; secretKey?: Buffer; cases?: CaseEngine } = {},
): Promise<TestApp> {
  const admin = await createApiKey(store.db, { workspaceId: store.workspaceId, name: "test admin", role: "admin" });
  const app = createApp({
    store,
    engine: sharedReader,
    limiter: new RateLimiter(opts.rateLimit ?? { perSecond: 10_000, burst: 10_000 }),
    signIn: new SignInThrottle(opts.clock ?? systemClock, undefined, storeThrottleEntries(store)),
    limits: LIMITS,
    secureCookies: false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.webDir ? { webDir: opts.webDir } : {}),
    ...(opts.secretKey ? { secretKey: opts.secretKey } : {}),
    // A test's own engine when its pipeline triages with it; otherwise one of the app's.
    cases: opts.cases ?? new CaseEngine({ store, timers: false }),
  });
  const req: TestApp["req"] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const key = o.key === undefined ? admin.key : o.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: NonNullable<RequestInit["body"]> | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers["content-type"] ??= "application/json";
    }
    const init: RequestInit & { duplex?: string } = { method, headers, ...(body !== undefined ? { body, duplex: "half" } : {}) };
    return Promise.resolve(app.request(`/api/v1${path}`, init));
  };
  return {
    app,
    adminKey: admin.key,
    async key(role, scopes) {
      return (await createApiKey(store.db, { workspaceId: store.workspaceId, name: `${role} test`, role, ...(scopes ? { scopes } : {}) }))
        .key;
    },
    req,
    post: (path, body, key) => req("POST", path, { body, ...(key !== undefined ? { key } : {}) }),
    get: (path, key) => req("GET", path, key !== undefined ? { key } : {}),
  };
}
