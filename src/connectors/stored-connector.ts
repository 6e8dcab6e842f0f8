/**
 * Runs one pass of a connector set up in the settings page (store/connectors.ts), with the same
 * builders and sync functions as `attune sync`: the stored settings are the CLI's flags (`url`,
 * `email`, `host`…) and the decrypted secret stands in for the variable a `*-env` flag names.
 *
 * @example
 * const counts = await syncStoredConnector(store, config.secretKey, row); // {accepted, duplicates, conflicts, rejected}
 */
import { AttuneError, asAttuneError } from "../core/errors.js";
import type { IngestCounts } from "../ingest/public.js";
import { connectorSecret, recordConnectorRun, type ConnectorRow } from "../store/connectors.js";
import type { Store } from "../store/open-store.js";
import { runImapSync } from "./imap-sync.js";
import { outboxSender } from "./smtp-settings.js";
import { deliverReplies } from "./reply-out.js";
import { runSync } from "./sync-run.js";
import { imapOptions, SYNC_VENDORS, type FlagValues } from "./sync-vendors.js";

/** The flag that names a kind's secret variable (`token-env`, `api-key-env`, `password-env`). */
export function secretFlag(kind: ConnectorRow["kind"]): string {
  if (kind === "imap") return "password-env";
  return Object.keys(SYNC_VENDORS[kind]!.flags).find((f) => f.endsWith("-env"))!;
}

const STORED = "attune-stored-secret";

/** The stored settings as the CLI's flag values, with the secret flag pointing at the stored secret. */
function flagsOf(row: Pick<ConnectorRow, "kind" | "settings">): FlagValues {
  const values: FlagValues = {};
  for (const [k, v] of Object.entries(row.settings)) values[k] = typeof v === "number" ? String(v) : v;
  // A mailbox's team addresses: one setting, as many as the CLI's repeated flag (comma or space between).
  if (typeof values["agent-address"] === "string")
    values["agent-address"] = values["agent-address"].split(/[\s,]+/).filter(Boolean) as unknown as string;
  // Last, so no setting can point a secret at a variable of the server's environment. SMTP logs in
  // with the mailbox's own password (one account for both, as mail providers set them up).
  values[secretFlag(row.kind)] = STORED;
  if (row.kind === "imap") values["smtp-password-env"] = STORED;
  return values;
}

const envOf = (secret: string | undefined) => (name: string) => (name === STORED ? secret : undefined);

/**
 * Checks settings the way `attune sync` checks its flags (required ones, URLs, ports), with a
 * placeholder secret; a problem is `input.invalid_value` naming the setting, never its value.
 */
export function checkSettings(row: Pick<ConnectorRow, "kind" | "settings">): void {
  const values = flagsOf(row);
  const env = envOf("placeholder");
  try {
    if (row.kind === "imap") imapOptions(values, env);
    else SYNC_VENDORS[row.kind]!.build(values, env);
  } catch (err) {
    if (err instanceof AttuneError && err.code === "cli.usage")
      throw new AttuneError("input.invalid_value", {
        field: `settings.${String(err.details.flag ?? "").replace(/^--/, "")}`,
        reason: err.details.reason,
      });
    throw err;
  }
}

/**
 * A stored connector's cursor is its own, by id: two connectors on one account or mailbox (another
 * `since`, another agent address) would otherwise resume from each other's place and skip mail.
 */
export const cursorKey = (row: Pick<ConnectorRow, "id">): string => `connector:${row.id}`;

/** One pass: approved replies out first (as the CLI does), then what changed in. */
export async function syncStoredConnector(store: Store, key: Buffer | undefined, row: ConnectorRow): Promise<IngestCounts> {
  const secret = await connectorSecret(store.db, key, store.workspaceId, row.id);
  const values = flagsOf(row);
  if (row.kind === "imap") {
    // With an SMTP host, the mail outbox (replies from cases) is sent after the pass, as `attune sync imap --smtp-host` does.
    const afterPass = outboxSender(store, values, envOf(secret));
    return runImapSync(
      store,
      { ...imapOptions(values, envOf(secret)), cursorName: cursorKey(row) },
      { once: true, ...(afterPass ? { afterPass } : {}) },
    );
  }
  const vendor = SYNC_VENDORS[row.kind]!;
  const poster = vendor.replies(values, envOf(secret));
  if (poster) await deliverReplies(store, poster);
  return runSync(store, vendor.build(values, envOf(secret)), { cursorKey: cursorKey(row) });
}

/**
 * One pass, recorded on the connector for the settings page: its counts, or its error's code (the
 * code only: a message or details may carry a vendor's answer). Rejects with the pass's error.
 */
export async function runAndRecord(store: Store, key: Buffer | undefined, row: ConnectorRow): Promise<IngestCounts> {
  let counts: IngestCounts;
  try {
    counts = await syncStoredConnector(store, key, row);
  } catch (err) {
    await recordConnectorRun(store.db, store.workspaceId, row.id, { counts: null, error_code: asAttuneError(err).code });
    throw err;
  }
  const { accepted, duplicates, conflicts, rejected } = counts;
  await recordConnectorRun(store.db, store.workspaceId, row.id, {
    counts: { accepted, duplicates, conflicts, rejected },
    error_code: null,
  });
  return counts;
}
