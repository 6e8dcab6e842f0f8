/**
 * The IMAP connector against a real dovecot: 1,000 mails (multipart, attachments, TIS-620 Thai,
 * Windows-1250 Czech, replies) stored once each and threaded; a second pass adds nothing; a new
 * UIDVALIDITY resyncs without doubling; IDLE brings new mail without polling.
 */
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imapConnectorName, runImapSync, type ImapOptions } from "../src/connectors/imap-sync.js";
import { readCursor } from "../src/store/connector-cursors.js";
import { DATABASES } from "./helpers/databases.js";
import { startDovecot, type Dovecot } from "./helpers/dovecot.js";
import { mailCorpus, PER_THREAD, SUPPORT_ADDRESS, type CorpusMail } from "./helpers/mail-corpus.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const COUNT = 1000;
const corpus = mailCorpus(COUNT);
let dovecot: Dovecot;

async function appendAll(user: string, mailbox: string, mails: CorpusMail[]): Promise<void> {
  const c = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user, pass: dovecot.password }, logger: false });
  await c.connect();
  if (mailbox !== "INBOX") await c.mailboxCreate(mailbox).catch(() => undefined);
  for (const m of mails) await c.append(mailbox, m.raw);
  await c.logout();
}

function options(user: string, mailbox = "INBOX"): ImapOptions {
  return {
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    user,
    password: dovecot.password,
    mailbox,
    source: `imap-${user}`,
    agentAddresses: [SUPPORT_ADDRESS],
  };
}

async function stored(store: Opened, source: string) {
  return store.db
    .selectFrom("messages")
    .innerJoin("sources", "sources.id", "messages.source_id")
    .select(["messages.external_id", "messages.thread_id", "messages.text", "messages.subject", "messages.direction"])
    .where("sources.name", "=", source)
    .execute();
}

beforeAll(async () => {
  dovecot = await startDovecot();
  await appendAll("inbox1000", "INBOX", corpus);
}, 120_000);
afterAll(async () => {
  await dovecot?.stop();
});

describe.each(DATABASES)("IMAP sync against dovecot on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("stores 1,000 mails once each, decoded and threaded; a second pass adds nothing", { timeout: 240_000 }, async () => {
    const first = await runImapSync(store, options("inbox1000"), { once: true });
    expect(first).toEqual({ accepted: COUNT, duplicates: 0, conflicts: 0, rejected: 0 });
    const rows = await stored(store, "imap-inbox1000");
    expect(rows).toHaveLength(COUNT);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    for (const m of corpus) {
      const row = byId.get(m.messageId)!;
      expect(row.text, `mail ${m.n} (${m.kind})`).toContain(m.expect);
      // The quoted earlier mail belongs to that mail, not to this reply.
      expect(row.text).not.toContain("earlier text");
      expect(row.thread_id).toBe(byId.get(m.root)!.thread_id);
      expect(row.direction).toBe(m.fromSupport ? "agent" : "customer");
    }
    expect(new Set(rows.map((r) => r.thread_id)).size).toBe(COUNT / PER_THREAD);
    expect(byId.get(corpus.find((m) => m.kind === "thai" && m.n % PER_THREAD === 0)!.messageId)!.subject).toMatch(/^พัสดุ \d+$/);
    expect(byId.get(corpus.find((m) => m.kind === "czech" && m.n % PER_THREAD === 0)!.messageId)!.subject).toMatch(/^Objednávka \d+$/);

    const second = await runImapSync(store, options("inbox1000"), { once: true });
    expect(second).toEqual({ accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 });
  });

  it("resyncs from UID 1 when UIDVALIDITY changes and stores nothing twice", { timeout: 120_000 }, async () => {
    const user = `rebuilt-${database.name}`;
    const mails = mailCorpus(40, `${user}.attune.test`);
    await appendAll(user, "Support", mails);
    const opts = options(user, "Support");
    expect((await runImapSync(store, opts, { once: true })).accepted).toBe(40);
    const before = JSON.parse((await readCursor(store.db, store.workspaceId, imapConnectorName(opts)))!) as { uidValidity: string };
    // A rebuilt mailbox: same mail, new UIDVALIDITY, UIDs from 1 again, plus one new mail.
    const c = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user, pass: dovecot.password }, logger: false });
    await c.connect();
    await c.mailboxDelete("Support");
    await c.logout();
    const more = mailCorpus(41, `${user}.attune.test`);
    await appendAll(user, "Support", more);
    const after = await runImapSync(store, opts, { once: true });
    const cursor = JSON.parse((await readCursor(store.db, store.workspaceId, imapConnectorName(opts)))!) as { uidValidity: string };
    expect(cursor.uidValidity).not.toBe(before.uidValidity);
    expect(after).toEqual({ accepted: 1, duplicates: 40, conflicts: 0, rejected: 0 });
    expect(await stored(store, opts.source)).toHaveLength(41);
  });

  it("picks up new mail through IDLE while watching (the poll interval is far longer than the test)", { timeout: 120_000 }, async () => {
    const user = `idle-${database.name}`;
    const mails = mailCorpus(6, `${user}.attune.test`);
    await appendAll(user, "INBOX", mails.slice(0, 5));
    const opts = options(user);
    const stop = new AbortController();
    const watching = runImapSync(store, opts, { once: false, pollMs: 3_600_000, signal: stop.signal });
    const count = async () => (await stored(store, opts.source)).length;
    while ((await count()) < 5) await new Promise((r) => setTimeout(r, 100));
    await appendAll(user, "INBOX", mails.slice(5));
    while ((await count()) < 6) await new Promise((r) => setTimeout(r, 100));
    stop.abort();
    expect(await watching).toEqual({ accepted: 6, duplicates: 0, conflicts: 0, rejected: 0 });
  });
});
