/**
 * IMAP mailbox -> messages. One pass lists the UIDs above the saved cursor, fetches them in chunks
 * (each message cut at the ingest size limit), parses each with the project's MIME importer
 * (src/ingest/email.ts: charsets, multipart, threading by Message-ID/In-Reply-To/References) and
 * stores a chunk before it moves the cursor past it. A crash therefore replays at most one chunk,
 * and the replay is counted as duplicates (the Message-ID is the external id), never stored twice.
 * Watching waits for the server's IDLE news (imapflow falls back to NOOP polling on servers without
 * IDLE) or the poll interval, whichever comes first.
 *
 * @example
 * const counts = await runImapSync(store, { host: "imap.example.com", port: 993, secure: true,
 *   user: "support@example.com", password, mailbox: "INBOX", source: "imap" }, { once: true });
 */
import { ImapFlow } from "imapflow";
import { retryDelay } from "../core/backoff.js";
import { AttuneError } from "../core/errors.js";
import { EmailThreads, importEml, Ingestor, type IngestCounts, LIMITS } from "../ingest/public.js";
import { saveCursor } from "../store/connector-cursors.js";
import type { Store } from "../store/open-store.js";
import { formatImapCursor } from "./imap-cursor.js";
import { mailboxCursorName, resumePoint } from "./imap-resume.js";

export interface ImapOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); otherwise plain, upgraded with STARTTLS when offered. */
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  /** Source name the messages are stored under (external ids are unique within it). */
  source: string;
  /** The support team's own addresses: their mail is stored as agent messages. */
  agentAddresses?: string[];
  /** UIDs fetched and stored per step (the most a crash replays). */
  chunk?: number;
  /** Progress after each stored chunk (for stderr on long first syncs). */
  onProgress?: (done: number, total: number) => void;
  /** Where the cursor is kept (default: by server, user, mailbox and source, imap-resume.ts; a stored connector's is its own, by id). */
  cursorName?: string;
}

export interface WatchOptions {
  once: boolean;
  /** Longest wait between two passes when the server sends no news. */
  pollMs?: number;
  signal?: AbortSignal;
  /** What each pass stored (the CLI prints one line per pass). */
  onPass?: (counts: IngestCounts) => void;
  /** Runs after each pass on the same connection (the CLI sends the reply outbox, checking the Sent folder). */
  afterPass?: (client: ImapFlow) => Promise<void>;
  /** A watching session that failed (server gone, network down): reported, then reconnected after a backoff. */
  onSessionError?: (err: unknown, failedInARow: number) => void;
}

const ZERO: IngestCounts = { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };

/** Opens an authenticated session (never logs: imapflow's logger is off, mail text stays out of logs). */
export async function connectImap(opts: ImapOptions): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    auth: { user: opts.user, pass: opts.password },
    logger: false,
    // Into IDLE one second after the last command, so new mail is announced at once while watching.
    autoIdleDelay: 1000,
    maxLiteralSize: LIMITS.emailBytes + 1024 * 1024,
  });
  await client.connect();
  return client;
}

/** The cursor's name: one per server, user, mailbox and source (imap-resume.ts). */
export const imapConnectorName = mailboxCursorName;

/** One catch-up pass over the mailbox (selected read-only); returns what it stored. */
export async function syncMailbox(store: Store, client: ImapFlow, opts: ImapOptions, threads: EmailThreads): Promise<IngestCounts> {
  const lock = await client.getMailboxLock(opts.mailbox, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box) throw new AttuneError("connector.bad_response", { connector: "imap" });
    const uidValidity = box.uidValidity.toString();
    const { name, after } = await resumePoint(store, opts, uidValidity);
    // "N:*" always matches the highest UID, even below N: filter what the range brings back.
    const found = (await client.search({ uid: `${after + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((u) => u > after).sort((a, b) => a - b);
    const ing = await Ingestor.open(store, { source: opts.source, sourceKind: "imap", origin: "imap", defaults: { channel: "email" } });
    const agents = new Set((opts.agentAddresses ?? []).map((a) => a.toLowerCase()));
    const step = opts.chunk ?? 100;
    for (let i = 0; i < uids.length; i += step) {
      const part = uids.slice(i, i + step);
      await storeChunk(client, part, ing, threads, agents);
      await ing.flush();
      await saveCursor(store.db, store.workspaceId, name, formatImapCursor({ uidValidity, uid: part[part.length - 1]! }));
      opts.onProgress?.(Math.min(i + step, uids.length), uids.length);
    }
    const { accepted, duplicates, conflicts, rejected } = await ing.finish();
    return { accepted, duplicates, conflicts, rejected };
  } finally {
    lock.release();
  }
}

async function storeChunk(
  client: ImapFlow,
  uids: number[],
  ing: Ingestor,
  threads: EmailThreads,
  agents: ReadonlySet<string>,
): Promise<void> {
  const fetched: { uid: number; source: Buffer }[] = [];
  // One byte over the limit is enough to refuse the message as too large without holding all of it.
  for await (const m of client.fetch(uids.join(","), { uid: true, source: { maxLength: LIMITS.emailBytes + 1 } }, { uid: true }))
    if (m.source) fetched.push({ uid: m.uid, source: m.source });
  // In UID order, so a reply that arrived after its parent finds the parent's thread in this pass.
  fetched.sort((a, b) => a.uid - b.uid);
  for (const m of fetched) await importEml(m.source, ing, threads, m.uid, "email", agents);
}

/** Syncs once, or keeps syncing on news until `signal` aborts (reconnecting after failures); returns what was stored. */
export async function runImapSync(store: Store, opts: ImapOptions, watch: WatchOptions): Promise<IngestCounts> {
  const total = { ...ZERO };
  const threads = new EmailThreads();
  const pass = (counts: IngestCounts) => {
    for (const k of Object.keys(ZERO) as (keyof IngestCounts)[]) total[k] += counts[k];
    watch.onPass?.(counts);
  };
  if (watch.once) {
    await session(store, opts, threads, watch, pass);
    return total;
  }
  for (let failed = 0; !watch.signal?.aborted;) {
    try {
      await session(store, opts, threads, watch, pass);
    } catch (err) {
      failed += 1;
      watch.onSessionError?.(err, failed);
      await pause(retryDelay(failed, 1_000, 60_000), watch.signal);
    }
  }
  return total;
}

/** One connection: a pass, then (watching) a pass after each piece of news, until aborted. */
async function session(
  store: Store,
  opts: ImapOptions,
  threads: EmailThreads,
  watch: WatchOptions,
  pass: (c: IngestCounts) => void,
): Promise<void> {
  const client = await connectImap(opts);
  try {
    const onePass = async () => {
      pass(await syncMailbox(store, client, opts, threads));
      if (!watch.afterPass) return;
      await watch.afterPass(client);
      // Back on the synced mailbox, so IDLE watches it and not the Sent folder.
      (await client.getMailboxLock(opts.mailbox, { readOnly: true })).release();
    };
    await onePass();
    while (!watch.once && !watch.signal?.aborted) {
      await waitForNews(client, watch.pollMs ?? 60_000, watch.signal);
      if (watch.signal?.aborted) break;
      await onePass();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Resolves on new mail announced by the server (EXISTS during IDLE), the poll interval, or abort;
 * rejects when the connection closes, so the session reconnects.
 */
async function waitForNews(client: ImapFlow, pollMs: number, signal: AbortSignal | undefined): Promise<void> {
  // The mailbox stays selected after the pass; imapflow enters IDLE on it after `autoIdleDelay`.
  await new Promise<void>((resolve, reject) => {
    const finish = (err?: Error) => {
      clearTimeout(timer);
      client.off("exists", done);
      client.off("close", closed);
      signal?.removeEventListener("abort", done);
      if (err) reject(err);
      else resolve();
    };
    const done = () => finish();
    const closed = () => finish(new AttuneError("connector.unreachable", { connector: "imap" }));
    const timer = setTimeout(done, pollMs);
    client.on("exists", done);
    client.on("close", closed);
    signal?.addEventListener("abort", done);
  });
}
