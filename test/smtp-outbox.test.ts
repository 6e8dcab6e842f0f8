/**
 * Email replies out: a real SMTP peer (smtp-server, from the nodemailer project) receives what the
 * outbox sends through nodemailer, and a real dovecot holds the Sent folder. Each reply reaches the
 * peer once, with In-Reply-To/References of its thread, under retries, refusals and a crash between
 * the SMTP hand-off and the record.
 */
import { randomBytes } from "node:crypto";
import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queueEmailReply } from "../src/connectors/email-reply.js";
import { imapSentFolder } from "../src/connectors/imap-sent-folder.js";
import { sendOutbox, type SentFolder, type SmtpTransport } from "../src/connectors/smtp-outbox.js";
import { EmailThreads, importEml } from "../src/ingest/email.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { outboxRow } from "../src/store/mail-outbox.js";
import { createConnector, getConnector } from "../src/store/connectors.js";
import { syncStoredConnector } from "../src/connectors/stored-connector.js";
import { runImapSync } from "../src/connectors/imap-sync.js";
import { DATABASES } from "./helpers/databases.js";
import { testApp } from "./helpers/test-app.js";
import { freePort, startDovecot, type Dovecot } from "./helpers/dovecot.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const FROM = "support@shop.attune.test";
let dovecot: Dovecot;
let smtp: SMTPServer;
let smtpPort: number;
/** What the SMTP peer accepted, in order. */
const received: Buffer[] = [];
/** Recipients the peer refuses: 550 for good, 451 until the test lifts it. */
const refuse = new Map<string, number>();
/** When set, the peer files each accepted mail in this Sent folder itself (as Gmail does). */
let providerFiles: ImapFlow | undefined;

beforeAll(async () => {
  dovecot = await startDovecot();
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, cb) {
      const code = refuse.get(address.address);
      if (code) return cb(Object.assign(new Error(code >= 500 ? "no such user" : "try later"), { responseCode: code }));
      cb();
    },
    onData(stream, _session, cb) {
      const parts: Buffer[] = [];
      stream.on("data", (d: Buffer) => parts.push(d));
      stream.on("end", () => {
        const raw = Buffer.concat(parts);
        received.push(raw);
        if (providerFiles) providerFiles.append("Sent", raw, ["\\Seen"]).then(() => cb(), cb);
        else cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await dovecot?.stop();
});

function transport(): SmtpTransport {
  return nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
}

/** A transport that hands the mail to the real peer, then "dies" before the sender can record it. */
function dyingAfterSmtp(): SmtpTransport {
  const real = transport();
  return {
    async sendMail(mail) {
      await real.sendMail(mail);
      throw new Error("process died");
    },
  };
}

async function imapClient(user: string): Promise<ImapFlow> {
  const c = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user, pass: dovecot.password }, logger: false });
  await c.connect();
  return c;
}

/** A customer's two-mail thread in the store; returns the second mail's id. */
async function customerThread(store: Opened, tag: string): Promise<number> {
  const ing = await Ingestor.open(store, { source: "mail", origin: "imap" });
  const threads = new EmailThreads();
  const first = `Message-ID: <${tag}-1@example.com>\r\nFrom: Dana <dana-${tag}@example.com>\r\nSubject: Broken kettle\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\nMy kettle arrived broken.\r\n`;
  const second = `Message-ID: <${tag}-2@example.com>\r\nIn-Reply-To: <${tag}-1@example.com>\r\nReferences: <${tag}-1@example.com>\r\nFrom: Dana <dana-${tag}@example.com>\r\nSubject: Re: Broken kettle\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\nStill waiting for an answer.\r\n`;
  await importEml(Buffer.from(first), ing, threads, 1);
  await importEml(Buffer.from(second), ing, threads, 2);
  await ing.finish();
  const row = await store.db
    .selectFrom("messages")
    .select("id")
    .where("external_id", "=", `${tag}-2@example.com`)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function receivedFor(tag: string) {
  const mails = await Promise.all(received.map((r) => PostalMime.parse(r)));
  return mails.filter((m) => m.to?.some((a) => a.address === `dana-${tag}@example.com`));
}

describe.each(DATABASES)("email replies over SMTP on $name", (database) => {
  let store: Opened;
  let clock = Date.UTC(2026, 11, 1);
  const now = () => clock;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });
  beforeEach(() => {
    providerFiles = undefined;
  });

  it("sends a reply once with its thread's In-Reply-To and References, however often it is queued or the outbox runs", async () => {
    const tag = `once-${database.name}`;
    const messageId = await customerThread(store, tag);
    const req = { messageId, text: "We are sorry: a new kettle ships today.", idempotencyKey: `${tag}-k`, from: FROM, now: clock };
    const a = await queueEmailReply(store, req);
    const b = await queueEmailReply(store, { ...req, text: "a retry with other text" });
    expect([a.created, b.created, b.row.id]).toEqual([true, false, a.row.id]);
    expect((await sendOutbox(store, transport(), { now })).sent).toBe(1);
    expect((await sendOutbox(store, transport(), { now })).sent).toBe(0);
    const mails = await receivedFor(tag);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.inReplyTo).toBe(`<${tag}-2@example.com>`);
    expect(mails[0]!.references).toBe(`<${tag}-1@example.com> <${tag}-2@example.com>`);
    expect(mails[0]!.messageId).toBe(`<${a.row.mail_message_id}>`);
    expect(mails[0]!.subject).toBe("Re: Broken kettle");
    // The sent reply is in the customer's thread, as the agent's.
    const thread = await store.db
      .selectFrom("messages")
      .select(["external_id", "direction", "thread_id"])
      .where("external_id", "in", [`${tag}-1@example.com`, a.row.mail_message_id])
      .execute();
    expect(new Set(thread.map((t) => t.thread_id)).size).toBe(1);
    expect(thread.find((t) => t.external_id === a.row.mail_message_id)?.direction).toBe("agent");
  });

  it("a crash after SMTP took the reply: found in the Sent folder it filed, it is marked sent and not sent again", async () => {
    const tag = `filed-${database.name}`;
    const messageId = await customerThread(store, tag);
    const { row } = await queueEmailReply(store, { messageId, text: "Refund issued.", idempotencyKey: `${tag}-k`, from: FROM, now: clock });
    const client = await imapClient(`sent-${tag}`);
    const filed = imapSentFolder(client, "Sent", { save: true });
    const dying: SentFolder = {
      contains: filed.contains,
      save: async (raw) => (await filed.save!(raw), Promise.reject(new Error("process died"))),
    };
    await expect(sendOutbox(store, transport(), { now, sentFolder: dying })).rejects.toThrow("process died");
    expect((await outboxRow(store.db, store.workspaceId, row.id))?.state).toBe("sending");
    // Within the lease nobody touches the claim; after it, the Sent folder settles it.
    expect(await sendOutbox(store, transport(), { now, sentFolder: filed })).toMatchObject({ sent: 0, confirmed: 0 });
    clock += 600_000;
    expect(await sendOutbox(store, transport(), { now, sentFolder: filed })).toMatchObject({ sent: 0, confirmed: 1, unconfirmed: 0 });
    expect((await outboxRow(store.db, store.workspaceId, row.id))?.state).toBe("sent");
    expect(await receivedFor(tag)).toHaveLength(1);
    await client.logout();
  });

  it("a crash between the SMTP hand-off and any record: never re-sent (unconfirmed), or confirmed where the provider files sent mail", async () => {
    const tag = `crash-${database.name}`;
    const messageId = await customerThread(store, tag);
    const client = await imapClient(`sent-${tag}`);
    const sentFolder = imapSentFolder(client, "Sent", { save: true });
    const first = await queueEmailReply(store, {
      messageId,
      text: "Replacement on its way.",
      idempotencyKey: `${tag}-a`,
      from: FROM,
      now: clock,
    });
    await expect(sendOutbox(store, dyingAfterSmtp(), { now, sentFolder })).rejects.toThrow("process died");
    clock += 600_000;
    expect(await sendOutbox(store, transport(), { now, sentFolder })).toMatchObject({ sent: 0, unconfirmed: 1 });
    expect((await outboxRow(store.db, store.workspaceId, first.row.id))?.state).toBe("unconfirmed");
    expect(await receivedFor(tag)).toHaveLength(1);

    providerFiles = client;
    const second = await queueEmailReply(store, {
      messageId,
      text: "Tracking number attached.",
      idempotencyKey: `${tag}-b`,
      from: FROM,
      now: clock,
    });
    await expect(sendOutbox(store, dyingAfterSmtp(), { now, sentFolder: { contains: sentFolder.contains } })).rejects.toThrow(
      "process died",
    );
    clock += 600_000;
    expect(await sendOutbox(store, transport(), { now, sentFolder: { contains: sentFolder.contains } })).toMatchObject({ confirmed: 1 });
    expect((await outboxRow(store.db, store.workspaceId, second.row.id))?.state).toBe("sent");
    expect(await receivedFor(tag)).toHaveLength(2);
    await client.logout();
  });

  it("a 451 refusal is retried and sent once; a 550 refusal fails without sending", async () => {
    const tag = `refused-${database.name}`;
    const messageId = await customerThread(store, tag);
    refuse.set(`dana-${tag}@example.com`, 451);
    const { row } = await queueEmailReply(store, {
      messageId,
      text: "Sorry for the wait.",
      idempotencyKey: `${tag}-k`,
      from: FROM,
      now: clock,
    });
    expect(await sendOutbox(store, transport(), { now })).toMatchObject({ sent: 0, retry: 1 });
    refuse.delete(`dana-${tag}@example.com`);
    // Not before its retry time; then once.
    expect(await sendOutbox(store, transport(), { now })).toMatchObject({ sent: 0 });
    clock += 60_000;
    expect(await sendOutbox(store, transport(), { now })).toMatchObject({ sent: 1 });
    expect(await receivedFor(tag)).toHaveLength(1);
    expect((await outboxRow(store.db, store.workspaceId, row.id))?.attempts).toBe(2);

    const bad = `bad-${database.name}`;
    const badId = await customerThread(store, bad);
    refuse.set(`dana-${bad}@example.com`, 550);
    const failed = await queueEmailReply(store, { messageId: badId, text: "Hello.", idempotencyKey: `${bad}-k`, from: FROM, now: clock });
    expect(await sendOutbox(store, transport(), { now })).toMatchObject({ sent: 0, failed: 1 });
    expect((await outboxRow(store.db, store.workspaceId, failed.row.id))?.state).toBe("failed");
    expect(await receivedFor(bad)).toHaveLength(0);
  });

  it("a reply queued through the API is sent once after an IMAP pass and filed in the Sent folder", async () => {
    const tag = `api-${database.name}`;
    const messageId = await customerThread(store, tag);
    const t = await testApp(store);
    const body = { text: "Your refund is on its way.", idempotency_key: `${tag}-k`, from: FROM };
    const first = await t.post(`/messages/${messageId}/email-reply`, body);
    const again = await t.post(`/messages/${messageId}/email-reply`, body);
    expect([first.status, again.status]).toEqual([202, 200]);
    const queued = (await first.json()) as { id: number; message_id: string; in_reply_to: string };
    expect(((await again.json()) as { id: number }).id).toBe(queued.id);
    expect(queued.in_reply_to).toBe(`${tag}-2@example.com`);
    expect((await t.post(`/messages/999999/email-reply`, body)).status).toBe(404);

    const user = `sent-${tag}`;
    const imap = {
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      user,
      password: dovecot.password,
      mailbox: "INBOX",
      source: `imap-${tag}`,
    };
    const afterPass = async (client: ImapFlow) => {
      await sendOutbox(store, transport(), { sentFolder: imapSentFolder(client, "Sent", { save: true }) });
    };
    await runImapSync(store, imap, { once: true, afterPass });
    await runImapSync(store, imap, { once: true, afterPass });
    expect(await receivedFor(tag)).toHaveLength(1);
    expect((await outboxRow(store.db, store.workspaceId, queued.id))?.state).toBe("sent");
    const client = await imapClient(user);
    expect(await imapSentFolder(client, "Sent", { save: false }).contains(queued.message_id)).toBe(true);
    await client.logout();
  });

  it("a connector stored with an SMTP host (serve) sends the outbox after its pass, once, and files it in Sent", async () => {
    const tag = `stored-${database.name}`;
    const messageId = await customerThread(store, tag);
    const key = randomBytes(32);
    const user = `sent-${tag}`;
    const id = await createConnector(store.db, key, store.workspaceId, {
      kind: "imap",
      name: `mailbox ${tag}`,
      settings: {
        host: "127.0.0.1",
        port: dovecot.port,
        plain: true,
        user,
        source: `imap-${tag}`,
        "agent-address": `${FROM}, help@shop.attune.test`,
        "smtp-host": "127.0.0.1",
        "smtp-port": smtpPort,
      },
      secret: dovecot.password,
      intervalSeconds: 300,
      enabled: true,
    });
    const row = (await getConnector(store.db, store.workspaceId, id))!;
    const { row: queued } = await queueEmailReply(store, {
      messageId,
      text: "A new kettle ships today.",
      idempotencyKey: `${tag}-k`,
      from: FROM,
    });
    await syncStoredConnector(store, key, row);
    await syncStoredConnector(store, key, row);
    expect(await receivedFor(tag)).toHaveLength(1);
    expect((await outboxRow(store.db, store.workspaceId, queued.id))?.state).toBe("sent");
    const client = await imapClient(user);
    expect(await imapSentFolder(client, "Sent", { save: false }).contains(queued.mail_message_id)).toBe(true);
    await client.logout();
  });
});
