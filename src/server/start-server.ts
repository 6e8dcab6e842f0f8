/**
 * Starts attune's HTTP server: store, reading engine (loaded in the background), the in-process
 * reading worker, the app on @hono/node-server, and a clean shutdown on SIGTERM/SIGINT. On a
 * store without any admin key it creates one and prints it once.
 *
 * @example
 * const running = await startServer({ store, port: 3000, host: "127.0.0.1", worker: true });
 * await running.close();
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { CaseRules } from "../cases/case-rules.js";
import { systemClock } from "../cases/clock.js";
import type { Config } from "../core/config.js";
import type { ReadingEngine } from "../core/reading.js";
import { AttuneError } from "../core/errors.js";
import { LIMITS } from "../ingest/limits.js";
import { countActiveAdminKeys, createApiKey } from "../store/api-keys.js";
import { audit } from "../store/audit-log.js";
import type { Store } from "../store/open-store.js";
import { Pipeline } from "../pipeline/pipeline.js";
import type { ReadingWorker } from "../pipeline/reading-worker.js";
import type { Hono } from "hono";
import { ConnectorRunner } from "../connectors/connector-runner.js";
import { createApp } from "./app.js";
import type { AppDeps } from "./app-deps.js";
import { RateLimiter, type RateLimit } from "./rate-limit.js";
import { storeThrottleEntries } from "../store/sign-in-throttle.js";
import { SignInThrottle } from "./sign-in-throttle.js";
import { hasEnabledAdmin } from "../store/users.js";

export interface ServerOptions {
  store: Store;
  port: number;
  host: string;
  /** Run a reading worker inside the server (default true). */
  worker: boolean;
  rateLimit?: RateLimit;
  secureCookies?: boolean;
  /** Loads the reading engine (src/analysis/read.ts createReader). */
  loadEngine: () => Promise<ReadingEngine>;
  /** Where to print the first admin key (default stdout). */
  print?: (line: string) => void;
  /** Run the case scheduler (SLA checks, escalations); one process of a cluster does (default true). */
  scheduler?: boolean;
  /** Case rules (default: the file `config.caseRules` names, else the built-in defaults). */
  caseRules?: CaseRules;
  /** What the environment set (core/config.ts): rules file, webhook allow-list, dashboard folder, debug. */
  config?: Pick<Config, "caseRules" | "webhookAllow" | "webDir" | "debug"> & Partial<Pick<Config, "secretKey">>;
}

export interface RunningServer {
  port: number;
  server: ServerType;
  worker: ReadingWorker | undefined;
  close(): Promise<void>;
}

/** Whether an enabled admin user exists: someone who can sign in to the dashboard and make the others. */
export async function hasAdminUser(store: Store): Promise<boolean> {
  return hasEnabledAdmin(store.db, store.workspaceId);
}

/** On a store without any admin key or admin user, creates the first admin key and prints it once. */
export async function ensureFirstAdminKey(
  store: Store,
  print: (line: string) => void = (l) => process.stdout.write(l + "\n"),
): Promise<void> {
  if ((await countActiveAdminKeys(store.db)) > 0) return;
  if (await hasAdminUser(store)) return;
  const k = await createApiKey(store.db, { workspaceId: store.workspaceId, name: "first admin", role: "admin" });
  await audit(store.db, {
    workspaceId: store.workspaceId,
    actor: { kind: "system", id: null },
    action: "key.created",
    target: { kind: "api_key", id: String(k.id) },
    details: { role: "admin", first: true },
  });
  print(`attune: created the first admin API key (shown only now, store it safely): ${k.key}`);
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  let enginePromise: Promise<ReadingEngine> | undefined;
  const engine = () => (enginePromise ??= o.loadEngine());
  const pipeline = new Pipeline({
    store: o.store,
    ...(o.worker ? { engine: await engine() } : {}),
    ...(o.caseRules ? { rules: o.caseRules } : {}),
    ...(o.config ? { config: o.config } : {}),
    scheduler: o.scheduler ?? true,
  });
  // Connectors run where the scheduler does: one process of a cluster.
  const connectors = new ConnectorRunner({ store: o.store, key: o.config?.secretKey, onPass: () => pipeline.nudge() });
  const deps: AppDeps = {
    store: o.store,
    engine,
    limiter: new RateLimiter(o.rateLimit ?? { perSecond: 50, burst: 200 }),
    signIn: new SignInThrottle(systemClock, undefined, storeThrottleEntries(o.store)),
    limits: LIMITS,
    onIngested: () => pipeline.nudge(),
    secureCookies: o.secureCookies ?? false,
    cases: pipeline.cases,
    debug: o.config?.debug ?? false,
    ...(o.config?.webDir ? { webDir: o.config.webDir } : {}),
    ...(o.config?.secretKey ? { secretKey: o.config.secretKey } : {}),
    connectorRunner: connectors,
  };
  const app = createApp(deps);
  // The pipeline starts only once the port is ours: a failed listen leaves nothing running.
  const server = await listen(app, o.port, o.host);
  // After the port is ours: a server that cannot start must not create (and print) a key.
  await ensureFirstAdminKey(o.store, o.print);
  const port = (server.address() as AddressInfo).port;
  pipeline.start();
  if (o.scheduler ?? true) connectors.start();
  return {
    port,
    server,
    worker: pipeline.reading,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connectors.stop();
      await pipeline.stop();
    },
  };
}

/** Listens on host:port; a port someone else holds is `server.port_in_use`, not an unhandled 'error' event. */
function listen(app: Hono, port: number, host: string): Promise<ServerType> {
  return new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => {
      s.off("error", failed);
      resolve(s);
    });
    function failed(err: NodeJS.ErrnoException): void {
      reject(err.code === "EADDRINUSE" ? new AttuneError("server.port_in_use", { host, port }) : err);
    }
    s.once("error", failed);
  });
}
