/**
 * `attune sync imap` keys its cursor by the mailbox (server host and port, user, mailbox) and the
 * source: two dovecot servers with the same user and mailbox synced under one source never resume
 * from each other's place (under the old `imap:<source>:<mailbox>` key the second server resumed
 * after the first one's UID, or started over on every switch). After a cursor saved under the old key,
 * each mailbox reads from UID 1 once: its stored mail counted as duplicates, what the shared cursor
 * skipped stored, nothing stored twice.
 */
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legacyCursorName } from "../src/connectors/imap-resume.js";
import { runImapSync, type ImapOptions } from "../src/connectors/imap-sync.js";
import { readCursor } from "../src/store/connector-cursors.js";
import { DATABASES } from "./helpers/databases.js";
import { startDovecot, type Dovecot } from "./helpers/dovecot.js";
import { mailCorpus, type CorpusMail } from "./helpers/mail-corpus.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

let serverA: Dovecot;
let serverB: Dovecot;

async function append(server: Dovecot, user: string, mails: CorpusMail[]): Promise<void> {
  const c = new ImapFlow({ host: "127.0.0.1", port: server.port, secure: false, auth: { user, pass: server.password }, logger: false });
  await c.connect();
  for (const m of mails) await c.append("INBOX", m.raw);
  await c.logout();
}

const options = (server: Dovecot, user: string, source: string): ImapOptions => ({
  host: "127.0.0.1",
  port: server.port,
  secure: false,
  user,
  password: server.password,
  mailbox: "INBOX",
  source,
});

const once = (store: Opened, opts: ImapOptions) => runImapSync(store, opts, { once: true });
const counts = (accepted: number, duplicates = 0) => ({ accepted, duplicates, conflicts: 0, rejected: 0 });

async function storedCount(store: Opened, source: string): Promise<number> {
  const rows = await store.db
    .selectFrom("messages")
    .innerJoin("sources", "sources.id", "messages.source_id")
    .select("messages.external_id")
    .where("sources.name", "=", source)
    .execute();
  expect(new Set(rows.map((r) => r.external_id)).size).toBe(rows.length);
  return rows.length;
}

beforeAll(async () => {
  serverA = await startDovecot();
  serverB = await startDovecot();
}, 60_000);
afterAll(async () => {
  await serverA?.stop();
  await serverB?.stop();
});

describe.each(DATABASES)("IMAP cursor per mailbox on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("two servers with the same user and mailbox under one source keep their own places", { timeout: 60_000 }, async () => {
    const user = `support-${database.name}`;
    const source = `shared-${database.name}`;
    const a = options(serverA, user, source);
    const b = options(serverB, user, source);
    await append(serverA, user, mailCorpus(5, `a.${user}.test`));
    await append(serverB, user, mailCorpus(8, `b.${user}.test`));
    expect(await once(store, a)).toEqual(counts(5));
    // Under one shared cursor B resumed after A's UID 5 (mail 1-5 skipped) or, another UIDVALIDITY, started over.
    expect(await once(store, b)).toEqual(counts(8));
    // And A, after B's pass, would have read all of its mail again as duplicates.
    expect(await once(store, a)).toEqual(counts(0));
    expect(await once(store, b)).toEqual(counts(0));
    await append(serverA, user, mailCorpus(7, `a.${user}.test`).slice(5));
    expect(await once(store, b)).toEqual(counts(0));
    expect(await once(store, a)).toEqual(counts(2));
    expect(await storedCount(store, source)).toBe(15);
  });

  it(
    "after the old shared key each mailbox reads from UID 1 once: the skipped mail stored, nothing twice",
    { timeout: 60_000 },
    async () => {
      const user = `legacy-${database.name}`;
      const source = `old-${database.name}`;
      const a = options(serverA, user, source);
      const b = options(serverB, user, source);
      const old = legacyCursorName(a);
      const mailA = mailCorpus(7, `a.${user}.test`);
      const mailB = mailCorpus(9, `b.${user}.test`);
      await append(serverA, user, mailA.slice(0, 5));
      await append(serverB, user, mailB.slice(0, 8));
      // The old version: A, then B, under the one shared cursor; B's own earlier pass (another name) stored its first 3.
      expect(await once(store, { ...b, cursorName: "earlier-run" })).toEqual(counts(8));
      expect(await once(store, { ...a, cursorName: old })).toEqual(counts(5));
      await append(serverA, user, mailA.slice(5));
      await append(serverB, user, mailB.slice(8));
      expect(await readCursor(store.db, store.workspaceId, old)).not.toBeNull();
      // Upgraded: each mailbox once from UID 1, what is stored as duplicates; the old cursor is gone.
      expect(await once(store, b)).toEqual(counts(1, 8));
      expect(await readCursor(store.db, store.workspaceId, old)).toBeNull();
      expect(await once(store, a)).toEqual(counts(2, 5));
      expect(await once(store, a)).toEqual(counts(0));
      expect(await once(store, b)).toEqual(counts(0));
      expect(await storedCount(store, source)).toBe(16);
    },
  );
});
