/**
 * `attune serve [--port 3000] [--host 127.0.0.1] [--db PATH | DATABASE_URL] [--no-worker]
 * [--rate-limit N] [--samples DIR] [--secure-cookies]`: the HTTP API with a reading worker inside.
 * With --samples, the JSONL files of DIR are imported when the store has no messages yet.
 *
 * @example
 * await run(["--port", "3000", "--db", "./data/attune.db"]);
 */
import { parseArgs } from "node:util";
import { loadSamples } from "../ingest/load-samples.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { startServer } from "../server/start-server.js";

export const USAGE = "attune serve [--port 3000] [--host 127.0.0.1] [--db PATH] [--no-worker] [--rate-limit REQ_PER_S] [--samples DIR] [--secure-cookies]";

export async function run(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: process.env.PORT ?? "3000" },
        host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
        db: { type: "string" },
        "no-worker": { type: "boolean", default: false },
        "rate-limit": { type: "string" },
        samples: { type: "string" },
        "secure-cookies": { type: "boolean", default: process.env.ATTUNE_SECURE_COOKIES === "1" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (v.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const port = Number(v.port);
  const rate = v["rate-limit"] !== undefined ? Number(v["rate-limit"]) : undefined;
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (rate !== undefined && !(rate > 0))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const store = await openStore(storeOptionsFrom({ db: v.db }));
  if (v.samples) {
    const loaded = await loadSamples(store, v.samples);
    if (loaded) process.stdout.write(`attune: loaded samples ${JSON.stringify(loaded)}\n`);
  }
  const running = await startServer({
    store,
    port,
    host: v.host!,
    worker: !v["no-worker"],
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
  return 0;
}
