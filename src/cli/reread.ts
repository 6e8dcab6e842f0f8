/**
 * `attune reread [--db PATH] [--all] [--wait]`: queues every message whose reading is missing or
 * was made by another pipeline version (all of them with --all) for the workers; with --wait it
 * reads and triages them here and exits when done. A re-read message may open a case its thread
 * never had; it is not counted as a new contact.
 *
 * @example
 * await run(["--db", "./data/attune.db", "--wait"]);
 */
import { readConfig, type Config } from "../core/config.js";
import { PIPELINE_VERSION } from "../core/version.js";
import { parseCommand } from "./parse-command.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { queueStats, requeueStale } from "../store/reading-queue.js";
import { Pipeline } from "../pipeline/pipeline.js";

export const USAGE = "attune reread [--db PATH] [--all] [--wait]";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(argv, { db: { type: "string" }, all: { type: "boolean" }, wait: { type: "boolean" } }, USAGE);
  if (typeof p === "number") return p;
  const v = p.values;
  const store = await openStore(storeOptionsFrom({ db: v.db }, config));
  try {
    const queued = await requeueStale(store, PIPELINE_VERSION, { all: v.all === true });
    let done = { read: 0, triaged: 0 };
    if (v.wait) {
      const { createReader } = await import("../analysis/read.js");
      done = await new Pipeline({ store, engine: await createReader(), config }).drain();
    }
    process.stdout.write(JSON.stringify({ pipeline_version: PIPELINE_VERSION, queued, ...done, ...(await queueStats(store)) }) + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
