/**
 * `attune reread [--db PATH] [--all] [--wait]`: queues every message whose reading is missing or
 * was made by another pipeline version (all of them with --all) for the workers; with --wait it
 * reads them here and exits when done.
 *
 * @example
 * await run(["--db", "./data/attune.db", "--wait"]);
 */
import { parseArgs } from "node:util";
import { PIPELINE_VERSION } from "../core/version.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { queueStats, requeueStale } from "../store/reading-queue.js";
import { ReadingWorker } from "../store/reading-worker.js";

export const USAGE = "attune reread [--db PATH] [--all] [--wait]";

export async function run(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseArgs({ args: argv, options: { db: { type: "string" }, all: { type: "boolean" }, wait: { type: "boolean" }, help: { type: "boolean" } }, strict: true }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (v.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const store = await openStore(storeOptionsFrom({ db: v.db }));
  try {
    const queued = await requeueStale(store, PIPELINE_VERSION, { all: v.all === true });
    let read = 0;
    if (v.wait) {
      const { createReader } = await import("../analysis/read.js");
      read = await new ReadingWorker(store, await createReader()).drain();
    }
    process.stdout.write(JSON.stringify({ pipeline_version: PIPELINE_VERSION, queued, read, ...(await queueStats(store)) }) + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
