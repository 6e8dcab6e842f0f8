/**
 * `attune worker [--db PATH | DATABASE_URL] [--batch 200] [--once]`: a standalone reading worker.
 * Run several, on several machines against one PostgreSQL: claims never overlap.
 *
 * @example
 * await run(["--db", "./data/attune.db", "--once"]);
 */
import { readConfig, type Config } from "../core/config.js";
import { Pipeline } from "../pipeline/pipeline.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { queueStats } from "../store/reading-queue.js";
import { parseCommand, usageError } from "./parse-command.js";

export const USAGE = "attune worker [--db PATH] [--batch N] [--once]   (--once: read until the queue is empty, then exit)";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(argv, { db: { type: "string" }, batch: { type: "string" }, once: { type: "boolean" } }, USAGE);
  if (typeof p === "number") return p;
  const v = p.values;
  const batch = v.batch ? Number(v.batch) : 200;
  if (!Number.isInteger(batch) || batch < 1 || batch > 5000) return usageError(USAGE, { flag: "--batch", expected: "1..5000" });
  // Readings are redone from the queue if a crash drops the last commits: no fsync per commit.
  const store = await openStore({ ...storeOptionsFrom({ db: v.db }, config), commitSync: "normal" });
  const { createReader } = await import("../analysis/read.js");
  // Reads and triages, as `attune serve` does; the server's scheduler acts on the cases.
  const pipeline = new Pipeline({ store, engine: await createReader(), batchSize: batch, config });
  try {
    if (v.once) {
      const { read, triaged } = await pipeline.drain();
      process.stdout.write(JSON.stringify({ read, triaged, ...(await queueStats(store)) }) + "\n");
      return 0;
    }
    pipeline.start();
    process.stderr.write(`attune: worker ${pipeline.reading!.id} reading (${store.dialect})\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGTERM", () => resolve());
      process.once("SIGINT", () => resolve());
    });
    await pipeline.stop();
    return 0;
  } finally {
    await store.close();
  }
}
