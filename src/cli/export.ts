/**
 * `attune export [--db PATH] [--from ISO] [--to ISO] [--out FILE]`: the messages of a window with
 * their Readings, survey answers and cases as RFC 4180 CSV (the same as GET /export/messages), to
 * the file or to stdout. Streams page by page: memory stays flat for any window, and a slow disk or
 * pipe holds the reads back. Employee feedback is never exported message by message.
 *
 * @example
 * await run(["--db", "./data/attune.db", "--from", "2026-01-01", "--to", "2026-02-01", "--out", "jan.csv"]);
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { readConfig, type Config } from "../core/config.js";
import { exportMessagesCsv } from "../insights/export-messages.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { parseCommand, usageError } from "./parse-command.js";

export const USAGE = "attune export [--db PATH] [--from ISO_DATE] [--to ISO_DATE] [--out FILE]   (CSV; stdout without --out)";

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO date or date-time flag as epoch ms; undefined when absent, NaN when malformed. */
function timeFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  return ISO.test(v) ? Date.parse(v) : NaN;
}

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    { db: { type: "string" }, from: { type: "string" }, to: { type: "string" }, out: { type: "string" } },
    USAGE,
  );
  if (typeof p === "number") return p;
  const v = p.values;
  const from = timeFlag(v.from);
  const to = timeFlag(v.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return usageError(USAGE, { reason: "--from and --to take an ISO 8601 date or date-time" });
  const store = await openStore(storeOptionsFrom({ db: v.db }, config));
  try {
    const chunks = exportMessagesCsv(store, {
      workspaceId: store.workspaceId,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    const out = v.out ? createWriteStream(v.out) : process.stdout;
    // pipeline waits on the writer's drain before pulling the next page: backpressure end to end.
    await pipeline(Readable.from(chunks), out, { end: v.out !== undefined });
    return 0;
  } finally {
    await store.close();
  }
}
