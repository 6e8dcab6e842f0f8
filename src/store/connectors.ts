/**
 * Connector settings (issue 16 item 6): kind, name, non-secret settings as JSON, the interval and
 * the secret sealed with AES-256-GCM (store/secret-box.ts). Rows leave this module without the
 * sealed secret, only `secret_set`; `connectorSecret` is the one way to read it, for running a sync.
 *
 * @example
 * const id = await createConnector(store.db, key, { workspaceId, kind: "zendesk", name: "acme", settings, secret });
 */
import type { Kysely, Selectable } from "kysely";
import { openSecret, requireKey, sealSecret } from "./secret-box.js";
import type { ConnectorsTable, Database } from "./schema.js";

export const CONNECTOR_KINDS = ["zendesk", "freshdesk", "intercom", "imap"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export interface ConnectorInput {
  kind: ConnectorKind;
  name: string;
  settings: Record<string, string | number | boolean>;
  /** The API token or password; undefined keeps the stored one (updates), null removes it. */
  secret?: string | null;
  intervalSeconds: number;
  enabled: boolean;
}

/** A connector as shown outside the store: never the secret. */
export interface ConnectorRow {
  id: number;
  kind: ConnectorKind;
  name: string;
  settings: Record<string, string | number | boolean>;
  secret_set: boolean;
  interval_seconds: number;
  enabled: boolean;
  created_at: number;
  updated_at: number;
  /** How the last pass ended: its counts, or the code of its error; null before the first. */
  last_run: ConnectorRun | null;
}

/** The end of one pass: counts when it stored, an error code when it failed. */
export interface ConnectorRun {
  at: number;
  counts: { accepted: number; duplicates: number; conflicts: number; rejected: number } | null;
  error_code: string | null;
}

const COLUMNS = [
  "id",
  "kind",
  "name",
  "settings",
  "secret_sealed",
  "interval_seconds",
  "enabled",
  "created_at",
  "updated_at",
  "last_run_at",
  "last_counts",
  "last_error_code",
] as const;

type Stored = Pick<Selectable<ConnectorsTable>, (typeof COLUMNS)[number]>;

function present(r: Stored): ConnectorRow {
  return {
    id: Number(r.id),
    kind: r.kind as ConnectorKind,
    name: r.name,
    settings: JSON.parse(r.settings) as ConnectorRow["settings"],
    secret_set: r.secret_sealed !== null,
    interval_seconds: Number(r.interval_seconds),
    enabled: Number(r.enabled) === 1,
    created_at: Number(r.created_at),
    updated_at: Number(r.updated_at),
    last_run:
      r.last_run_at === null
        ? null
        : {
            at: Number(r.last_run_at),
            counts: r.last_counts ? (JSON.parse(r.last_counts) as ConnectorRun["counts"]) : null,
            error_code: r.last_error_code,
          },
  };
}

/** Records how a pass ended (counts, or an error code: never an error's message). */
export async function recordConnectorRun(
  db: Kysely<Database>,
  workspaceId: number,
  id: number,
  run: Omit<ConnectorRun, "at">,
  now = Date.now(),
): Promise<void> {
  await db
    .updateTable("connectors")
    .set({ last_run_at: now, last_counts: run.counts ? JSON.stringify(run.counts) : null, last_error_code: run.error_code })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** Seals a new secret; `config.missing_secret_key` when there is one to seal and no key. */
function sealed(key: Buffer | undefined, secret: string | null | undefined): string | null | undefined {
  if (secret === undefined || secret === null) return secret;
  return sealSecret(requireKey(key), secret);
}

/** Creates a connector and returns its id. */
export async function createConnector(
  db: Kysely<Database>,
  key: Buffer | undefined,
  workspaceId: number,
  input: ConnectorInput,
  now = Date.now(),
): Promise<number> {
  const row = await db
    .insertInto("connectors")
    .values({
      workspace_id: workspaceId,
      kind: input.kind,
      name: input.name,
      settings: JSON.stringify(input.settings),
      secret_sealed: sealed(key, input.secret) ?? null,
      interval_seconds: input.intervalSeconds,
      enabled: input.enabled ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Replaces a connector's settings (and its secret when `secret` is given); false when it does not exist. */
export async function updateConnector(
  db: Kysely<Database>,
  key: Buffer | undefined,
  workspaceId: number,
  id: number,
  input: ConnectorInput,
  now = Date.now(),
): Promise<boolean> {
  const secret = sealed(key, input.secret);
  const result = await db
    .updateTable("connectors")
    .set({
      kind: input.kind,
      name: input.name,
      settings: JSON.stringify(input.settings),
      interval_seconds: input.intervalSeconds,
      enabled: input.enabled ? 1 : 0,
      updated_at: now,
      ...(secret !== undefined ? { secret_sealed: secret } : {}),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a connector; false when it did not exist. Its cursor stays, so re-creating it resumes. */
export async function deleteConnector(db: Kysely<Database>, workspaceId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom("connectors").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A workspace's connectors (all of them, or the enabled ones), by id. */
export async function listConnectors(db: Kysely<Database>, workspaceId: number, onlyEnabled = false): Promise<ConnectorRow[]> {
  let q = db.selectFrom("connectors").select(COLUMNS).where("workspace_id", "=", workspaceId);
  if (onlyEnabled) q = q.where("enabled", "=", 1);
  return (await q.orderBy("id").execute()).map(present);
}

/** One connector, or undefined. */
export async function getConnector(db: Kysely<Database>, workspaceId: number, id: number): Promise<ConnectorRow | undefined> {
  const row = await db
    .selectFrom("connectors")
    .select(COLUMNS)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? present(row) : undefined;
}

/** The decrypted secret of a connector (undefined when none is stored), for running its sync only. */
export async function connectorSecret(
  db: Kysely<Database>,
  key: Buffer | undefined,
  workspaceId: number,
  id: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("connectors")
    .select("secret_sealed")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row?.secret_sealed) return undefined;
  return openSecret(requireKey(key), row.secret_sealed);
}

/**
 * The support address of a mailbox stored as `source`: the first agent address of a stored IMAP
 * connector for it, else its user when that is an email address (replies from a case go out from
 * it); undefined when none is known.
 */
export async function mailboxAddress(db: Kysely<Database>, workspaceId: number, source: string): Promise<string | undefined> {
  const imap = (await listConnectors(db, workspaceId)).filter((c) => c.kind === "imap" && (c.settings.source ?? "imap") === source);
  const email = /^[^@\s]+@[^@\s]+$/;
  // The team's own address first (the mail the customer wrote to), else the mailbox's login.
  const candidates = imap.flatMap((c) => [...String(c.settings["agent-address"] ?? "").split(/[\s,]+/), String(c.settings.user ?? "")]);
  return candidates.find((a) => email.test(a));
}
