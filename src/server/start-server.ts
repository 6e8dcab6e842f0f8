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
import { LIMITS } from "../ingest/limits.js";
import { countActiveAdminKeys, createApiKey } from "../store/api-keys.js";
import { audit } from "../store/audit-log.js";
import type { Store } from "../store/open-store.js";
import { ReadingWorker, type ReadingEngine } from "../store/reading-worker.js";
import { createApp } from "./app.js";
import type { AppDeps } from "./app-deps.js";
import { RateLimiter, type RateLimit } from "./rate-limit.js";

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
}

export interface RunningServer {
  port: number;
  server: ServerType;
  worker: ReadingWorker | undefined;
  close(): Promise<void>;
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const print = o.print ?? ((l: string) => process.stdout.write(l + "\n"));
  if ((await countActiveAdminKeys(o.store.db)) === 0) {
    const users = await o.store.db.selectFrom("users").select("id").where("role", "=", "admin").where("disabled_at", "is", null).limit(1).execute();
    if (users.length === 0) {
      const k = await createApiKey(o.store.db, { workspaceId: o.store.workspaceId, name: "first admin", role: "admin" });
      await audit(o.store.db, { workspaceId: o.store.workspaceId, actor: { kind: "system", id: null }, action: "key.created", target: { kind: "api_key", id: String(k.id) }, details: { role: "admin", first: true } });
      print(`attune: created the first admin API key (shown only now, store it safely): ${k.key}`);
    }
  }
  let enginePromise: Promise<ReadingEngine> | undefined;
  const engine = () => (enginePromise ??= o.loadEngine());
  let worker: ReadingWorker | undefined;
  if (o.worker) {
    const e = await engine();
    worker = new ReadingWorker(o.store, e);
    worker.start();
  }
  const deps: AppDeps = {
    store: o.store,
    engine,
    limiter: new RateLimiter(o.rateLimit ?? { perSecond: 50, burst: 200 }),
    loginLimiter: new RateLimiter({ perSecond: 0.2, burst: 10 }),
    limits: LIMITS,
    onIngested: () => worker?.nudge(),
    secureCookies: o.secureCookies ?? false,
  };
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    server,
    worker,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
    },
  };
}
