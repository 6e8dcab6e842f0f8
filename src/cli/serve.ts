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
import { readConfig, type Config } from "../core/config.js";
import { loadSamples } from "../ingest/load-samples.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { ensureFirstAdminKey, hasAdminUser, startServer } from "../server/start-server.js";
import { parseCommand, usageError } from "./parse-command.js";

export const USAGE =
  "attune serve [--port 3000] [--host 127.0.0.1] [--db PATH] [--no-worker] [--rate-limit REQ_PER_S] [--samples DIR] [--secure-cookies] [--processes N]";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    {
      port: { type: "string", default: String(config.port) },
      host: { type: "string", default: config.host },
      db: { type: "string" },
      "no-worker": { type: "boolean", default: false },
      "rate-limit": { type: "string" },
      samples: { type: "string" },
      "secure-cookies": { type: "boolean", default: config.secureCookies },
      processes: { type: "string", default: "1" },
    },
    USAGE,
  );
  if (typeof p === "number") return p;
  const v = p.values;
  const port = Number(v.port);
  const rate = v["rate-limit"] !== undefined ? Number(v["rate-limit"]) : undefined;
  const processes = Number(v.processes);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(USAGE, { flag: "--port", expected: "0..65535" });
  if (rate !== undefined && !(rate > 0)) return usageError(USAGE, { flag: "--rate-limit", expected: "a number above 0" });
  if (!Number.isInteger(processes) || processes < 1 || processes > 64) return usageError(USAGE, { flag: "--processes", expected: "1..64" });
  const store = await openStore(storeOptionsFrom({ db: v.db }, config));
  if (processes > 1 && cluster.isPrimary) {
    // Migrations, samples and the first admin key once, here; then the HTTP processes.
    try {
      if (v.samples) await loadSamplesOnce(store, v.samples);
      await ensureFirstAdminKey(store);
      await printSignInHelp(store, `http://${v.host}:${port}/`, v.db);
    } finally {
      await store.close();
    }
    return runCluster(processes);
  }
  // In a cluster only the first process reads and schedules; the others answer HTTP.
  const first = !cluster.isWorker || config.serveIndex === 0;
  if (v.samples && !cluster.isWorker) await loadSamplesOnce(store, v.samples);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      store,
      port,
      host: v.host!,
      worker: !v["no-worker"] && first,
      scheduler: first,
      ...(rate !== undefined ? { rateLimit: { perSecond: rate, burst: rate * 2 } } : {}),
      secureCookies: v["secure-cookies"] === true,
      loadEngine: async () => (await import("../analysis/read.js")).createReader(),
      config,
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  if (!cluster.isWorker) await printSignInHelp(store, `http://${v.host}:${running.port}/`, v.db);
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

/**
 * While no admin user exists, nobody can sign in to the dashboard (it asks for an email and a
 * password; API keys are for programs): say, at every start, the one command that creates the
 * first admin user against this same database, and where to sign in then.
 */
async function printSignInHelp(store: Awaited<ReturnType<typeof openStore>>, url: string, db: string | undefined): Promise<void> {
  if (await hasAdminUser(store)) return;
  // The same database as this server: its --db, or DATABASE_URL from the environment (never printed: it may hold a password).
  const where = db !== undefined ? ` --db ${shellQuote(db)}` : "";
  const env = store.dialect === "postgres" ? " (run it with the same DATABASE_URL and DATABASE_SCHEMA)" : "";
  process.stdout.write(
    [
      `attune: nobody can sign in to the dashboard yet. Create the first admin user${env}; it asks for a password (12 or more characters):`,
      `  npx attune users create --email you@example.com --role admin${where}`,
      `attune: then sign in at ${url} with that email and password, and add the others under Settings.`,
    ].join("\n") + "\n",
  );
}

function shellQuote(s: string): string {
  return /^[\w./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
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
  const codes = await Promise.all(
    children.map(
      (c) => new Promise<number>((resolve) => c.once("exit", (code) => (stopping ? resolve(code ?? 0) : (stop(), resolve(code || 1))))),
    ),
  );
  return Math.max(0, ...codes);
}
