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
import { EmailThreads, importEml } from "../ingest/email.js";
import { Ingestor, type IngestCounts } from "../ingest/ingestor.js";
import { LIMITS } from "../ingest/limits.js";
import { readCursor, saveCursor } from "../store/connector-cursors.js";
import type { Store } from "../store/open-store.js";
import { formatImapCursor, parseImapCursor, resumeFrom } from "./imap-cursor.js";

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
}

export interface WatchOptions {
  once: boolean;
  /** Longest wait between two passes when the server sends no news. */
  pollMs?: number;
  signal?: AbortSignal;
}

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

/** The cursor's name: one per source and mailbox. */
export function imapConnectorName(opts: Pick<ImapOptions, "source" | "mailbox">): string {
  return `imap:${opts.source}:${opts.mailbox}`;
}

/** One catch-up pass over the selected mailbox; adds what it stored to `total`. */
export async function syncMailbox(
  store: Store,
  client: ImapFlow,
  opts: ImapOptions,
  threads: EmailThreads,
  total: IngestCounts,
): Promise<void> {
  const lock = await client.getMailboxLock(opts.mailbox, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box) throw new Error("mailbox not selected");
    const uidValidity = box.uidValidity.toString();
    const name = imapConnectorName(opts);
    const { after } = resumeFrom(parseImapCursor(await readCursor(store.db, store.workspaceId, name)), uidValidity);
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
    const counts = (await ing.finish()) as IngestCounts;
    for (const k of ["accepted", "duplicates", "conflicts", "rejected"] as const) total[k] += counts[k];
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

/** Syncs once, or keeps syncing on news until `signal` aborts; returns what was stored. */
export async function runImapSync(store: Store, opts: ImapOptions, watch: WatchOptions): Promise<IngestCounts> {
  const total: IngestCounts = { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };
  const client = await connectImap(opts);
  const threads = new EmailThreads();
  try {
    await syncMailbox(store, client, opts, threads, total);
    while (!watch.once && !watch.signal?.aborted) {
      await waitForNews(client, watch.pollMs ?? 60_000, watch.signal);
      if (watch.signal?.aborted) break;
      await syncMailbox(store, client, opts, threads, total);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return total;
}

/** Resolves on new mail announced by the server (EXISTS during IDLE), the poll interval, or abort. */
async function waitForNews(client: ImapFlow, pollMs: number, signal: AbortSignal | undefined): Promise<void> {
  // The mailbox stays selected after the pass; imapflow enters IDLE on it after `autoIdleDelay`.
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("exists", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, pollMs);
    client.on("exists", done);
    signal?.addEventListener("abort", done);
  });
}
