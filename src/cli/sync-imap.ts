/**
 * `attune sync imap`: stores the mail of one IMAP mailbox, exactly once, from the saved
 * UIDVALIDITY/UID cursor. With `--once` one pass; without, it stays connected and syncs again on
 * each IDLE announcement (or every `--interval` seconds on servers without IDLE) until SIGINT or
 * SIGTERM. One JSON line `{"accepted","duplicates","conflicts","rejected"}` on stdout per pass;
 * progress and errors on stderr, never a mail's text. The password is read from the environment
 * variable `--password-env` names, never from argv.
 *
 * @example
 * IMAP_PASSWORD=… attune sync imap --host imap.example.com --user support@example.com --password-env IMAP_PASSWORD --once
 */
import { runImapSync } from "../connectors/imap-sync.js";
import { namedVariable, readConfig, type Config } from "../core/config.js";
import { AttuneError, asAttuneError } from "../core/errors.js";
import type { IngestCounts } from "../ingest/ingestor.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { parseCommand, usageError } from "./parse-command.js";
import { outboxSender, SMTP_FLAGS, SMTP_USAGE } from "./smtp-flags.js";
import { imapOptions, type FlagValues } from "../connectors/sync-vendors.js";

export const IMAP_USAGE = `attune sync imap --host HOST --user USER --password-env VAR [--port 993] [--plain]
  [--mailbox INBOX] [--source NAME] [--agent-address ADDR]... [--db FILE|URL] [--once] [--interval SECONDS]
--plain: no TLS (port 143 by default; STARTTLS is used when the server offers it). Only for a server on this machine.
--agent-address: the support team's own address; its mail is stored as agent replies (repeatable).
--source: the name the messages are stored under (default "imap"); their external id is the Message-ID.
Without --once: stays connected, syncs on the server's IDLE news, at least every --interval seconds (default 300).
${SMTP_USAGE}`;

const str = { type: "string" } as const;
const FLAGS = {
  host: str,
  port: str,
  user: str,
  "password-env": str,
  mailbox: str,
  source: str,
  "agent-address": { type: "string", multiple: true },
  plain: { type: "boolean" },
  db: str,
  once: { type: "boolean" },
  interval: str,
  ...SMTP_FLAGS,
} as const;

/** Runs `attune sync imap ARGS`; the exit code. */
export async function runImapCommand(argv: string[], config: Config = readConfig()): Promise<number> {
  const parsed = parseCommand(argv, FLAGS, IMAP_USAGE);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values as FlagValues;
  const interval = Number(v.interval ?? 300);
  if (!Number.isFinite(interval) || interval < 1) return usageError(IMAP_USAGE, { flag: "--interval", reason: "seconds, at least 1" });
  const opts = {
    ...imapOptions(v, namedVariable),
    onProgress: (done: number, total: number) => process.stderr.write(`imap: ${done}/${total} new mails stored\n`),
  };
  const store = await openStore(storeOptionsFrom({ db: v.db as string | undefined }, config));
  let afterPass: ReturnType<typeof outboxSender>;
  try {
    afterPass = outboxSender(store, v, namedVariable);
  } catch (err) {
    await store.close();
    throw err;
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const print = (c: IngestCounts) => process.stdout.write(`${JSON.stringify(c)}\n`);
  try {
    await runImapSync(store, opts, {
      once: v.once === true,
      pollMs: interval * 1000,
      signal: stop.signal,
      onPass: print,
      ...(afterPass ? { afterPass } : {}),
      onSessionError: (err, n) =>
        process.stderr.write(`${JSON.stringify({ ...asAttuneError(imapError(err)).toJSON(), failed_in_a_row: n })}\n`),
    });
    return 0;
  } catch (err) {
    process.stderr.write(`${JSON.stringify(asAttuneError(imapError(err)).toJSON())}\n`);
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await store.close();
  }
}

/** imapflow's failures as the connector codes (refused credentials, unreachable server); others pass through. */
export function imapError(err: unknown): unknown {
  if (err instanceof AttuneError) return err;
  const e = err as { authenticationFailed?: boolean; code?: string } | null;
  if (e?.authenticationFailed) return new AttuneError("connector.auth", { connector: "imap" }, { cause: err });
  if (typeof e?.code === "string" && /^(E[A-Z]+|NoConnection|ClosedAfterConnect.*)$/.test(e.code))
    return new AttuneError("connector.unreachable", { connector: "imap", reason: e.code }, { cause: err });
  return err;
}
