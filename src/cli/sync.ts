/**
 * `attune sync <zendesk|freshdesk|intercom> [flags] --db FILE [--once]`: pulls what changed in a
 * helpdesk since the connector's saved cursor and stores it exactly once. With `--once` it runs one
 * sync; without, it syncs again every `--interval` seconds until SIGINT/SIGTERM. Each sync first posts
 * the approved replies queued for that helpdesk (exactly once: connectors/reply-out.ts). After each sync one
 * JSON line `{"accepted","duplicates","conflicts","rejected"}` on stdout (so the last line is that of
 * the last run); progress, waits for rate limits and errors on stderr, never a message's text.
 *
 * @example
 * ZD_TOKEN=… attune sync zendesk --url https://acme.zendesk.com --email ops@acme.com --token-env ZD_TOKEN --db ./data/attune.db --once
 */
import { namedVariable, readConfig, type Config } from "../core/config.js";
import { asAttuneError } from "../core/errors.js";
import { deliverReplies, type ReplyPoster } from "../connectors/reply-out.js";
import { runSync, type SyncProgress } from "../connectors/sync-run.js";
import { openStore, storeOptionsFrom, type Store } from "../store/open-store.js";
import { parseCommand, usageError } from "./parse-command.js";
import { IMAP_USAGE, runImapCommand } from "./sync-imap.js";
import { SYNC_VENDORS, type FlagValues } from "../connectors/sync-vendors.js";

const COMMON = "[--db FILE|URL] [--once] [--interval SECONDS] [--since ISO_TIME] [--requests-per-minute N]";

export const USAGE = `attune sync <${[...Object.keys(SYNC_VENDORS), "imap"].join("|")}> [flags] ${COMMON}
${Object.values(SYNC_VENDORS)
  .map((v) => `  attune sync ${v.usage}`)
  .join("\n")}
Secrets are read from the environment variable a *-env flag names, never from the command line.
--since: where the first sync starts (default: everything); later syncs resume from the saved cursor.
Prints {"accepted","duplicates","conflicts","rejected"} after each sync; exit code 1 when a sync failed.
${IMAP_USAGE}`;

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const [vendorName, ...rest] = argv;
  if (vendorName === "--help" || vendorName === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // A mailbox is not a helpdesk export: IMAP has its own flags and stays connected (IDLE) when watching.
  if (vendorName === "imap") return runImapCommand(rest, config);
  const vendor = vendorName ? SYNC_VENDORS[vendorName] : undefined;
  if (!vendor) return usageError(USAGE, { argument: "connector", allowed: [...Object.keys(SYNC_VENDORS), "imap"] });
  const common = { db: { type: "string" }, once: { type: "boolean" }, interval: { type: "string" }, since: { type: "string" } } as const;
  const parsed = parseCommand(rest, { ...common, "requests-per-minute": { type: "string" }, ...vendor.flags }, USAGE);
  if (typeof parsed === "number") return parsed;
  const values = parsed.values as FlagValues;
  const interval = Number(values.interval ?? 60);
  if (!Number.isFinite(interval) || interval < 1) return usageError(USAGE, { flag: "--interval", reason: "seconds, at least 1" });
  const connector = vendor.build(values, namedVariable);
  const poster = vendor.replies(values, namedVariable);
  const store = await openStore(storeOptionsFrom({ db: values.db as string | undefined }, config));
  try {
    const once = (): Promise<number> => syncOnce(store, connector, poster);
    return values.once ? await once() : await syncForever(once, interval * 1000);
  } finally {
    await store.close();
  }
}

/** Posts the approved replies waiting for this helpdesk, then pulls what changed. */
async function syncOnce(store: Store, connector: Parameters<typeof runSync>[1], poster: ReplyPoster | undefined): Promise<number> {
  try {
    if (poster) process.stderr.write(`${JSON.stringify({ replies: await deliverReplies(store, poster) })}\n`);
    const counts = await runSync(store, connector, { onProgress: progressLine(connector.name) });
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${JSON.stringify(asAttuneError(err).toJSON())}\n`);
    return 1;
  }
}

/** Syncs, waits, syncs again; a failed sync is reported and retried at the next interval. */
async function syncForever(once: () => Promise<number>, intervalMs: number): Promise<number> {
  let stop = false;
  let wake: () => void = () => undefined;
  const onSignal = (): void => {
    stop = true;
    wake();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let failed = 0;
  while (!stop) {
    failed = await once();
    if (stop) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, intervalMs).unref();
    });
  }
  return failed;
}

/** A progress line on stderr per stored page: counts only, never text. */
function progressLine(name: string): (p: Readonly<SyncProgress>) => void {
  return (p) => process.stderr.write(`${JSON.stringify({ progress: { connector: name, ...p } })}\n`);
}
