/**
 * `attune serve [--port 3000] [--host 127.0.0.1] [--db PATH | DATABASE_URL] [--no-worker]
 * [--rate-limit N] [--samples DIR] [--secure-cookies] [--processes N]`: the HTTP API with a reading
 * worker inside. With --samples, the JSONL files of DIR are imported when the store has no messages
 * yet. With --processes N, N HTTP processes share the port (node:cluster): one Node process answers
 * on one core, so a busy API needs more; the first of them also runs the reading worker and the
 * case scheduler. Rate limits are counted per process.
 *
 * @example
 * await run(["--port", "3000", "--db", "./data/attune.db"]);
 */
import cluster from "node:cluster";
import { loadSamples } from "../ingest/load-samples.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { ensureFirstAdminKey, startServer } from "../server/start-server.js";
import { parseCommand } from "./parse-command.js";

export const USAGE = "attune serve [--port 3000] [--host 127.0.0.1] [--db PATH] [--no-worker] [--rate-limit REQ_PER_S] [--samples DIR] [--secure-cookies] [--processes N]";

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(
    argv,
    {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
      db: { type: "string" },
      "no-worker": { type: "boolean", default: false },
      "rate-limit": { type: "string" },
      samples: { type: "string" },
      "secure-cookies": { type: "boolean", default: process.env.ATTUNE_SECURE_COOKIES === "1" },
      processes: { type: "string", default: "1" },
    },
    USAGE,
  );
  if (typeof p === "number") return p;
  const v = p.values;
  const port = Number(v.port);
  const rate = v["rate-limit"] !== undefined ? Number(v["rate-limit"]) : undefined;
  const processes = Number(v.processes);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (rate !== undefined && !(rate > 0)) || !Number.isInteger(processes) || processes < 1 || processes > 64) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const store = await openStore(storeOptionsFrom({ db: v.db }));
  if (processes > 1 && cluster.isPrimary) {
    // Migrations, samples and the first admin key once, here; then the HTTP processes.
    try {
      if (v.samples) await loadSamplesOnce(store, v.samples);
      await ensureFirstAdminKey(store);
    } finally {
      await store.close();
    }
    return runCluster(processes);
  }
  // In a cluster only the first process reads and schedules; the others answer HTTP.
  const first = !cluster.isWorker || process.env.ATTUNE_SERVE_INDEX === "0";
  if (v.samples && !cluster.isWorker) await loadSamplesOnce(store, v.samples);
  const running = await startServer({
    store,
    port,
    host: v.host!,
    worker: !v["no-worker"] && first,
    scheduler: first,
    ...(rate !== undefined ? { rateLimit: { perSecond: rate, burst: rate * 2 } } : {}),
    secureCookies: v["secure-cookies"] === true,
    loadEngine: async () => (await import("../analysis/read.js")).createReader(),
  });
  process.stdout.write(`attune: listening on http://${v.host}:${running.port} (${store.dialect})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  await running.close();
  await store.close();
  // A cluster process stays alive while its channel to the primary is open.
  if (cluster.isWorker) cluster.worker?.disconnect();
  return 0;
}

async function loadSamplesOnce(store: Awaited<ReturnType<typeof openStore>>, dir: string): Promise<void> {
  const loaded = await loadSamples(store, dir);
  if (loaded) process.stdout.write(`attune: loaded samples ${JSON.stringify(loaded)}\n`);
}

/** The cluster's primary: forks the HTTP processes, passes SIGTERM/SIGINT on, exits when they have. */
async function runCluster(processes: number): Promise<number> {
  const children = Array.from({ length: processes }, (_, i) => cluster.fork({ ATTUNE_SERVE_INDEX: String(i) }));
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const c of children) if (!c.isDead()) c.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  const codes = await Promise.all(children.map((c) => new Promise<number>((resolve) => c.once("exit", (code) => (stopping ? resolve(code ?? 0) : (stop(), resolve(code || 1)))))));
  return Math.max(0, ...codes);
}
