/**
 * Replies sent from a case go out the way the thread came in (issue 16 item 4), on SQLite and
 * PostgreSQL: a mailbox thread's reply is queued for SMTP from the mailbox's address, kept in the
 * thread once under its Message-ID (a retry with the same key and the later "sent" record add
 * nothing), and its state (pending, sent, unconfirmed) shows on the case; an unconfirmed reply is
 * sent again only when an agent asks, once, with an audit entry; a helpdesk thread's reply shows its
 * helpdesk outbox state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseEngine } from "../src/cases/case-engine.js";
import { caseRulesSchema } from "../src/cases/case-rules.js";
import { ManualClock } from "../src/cases/clock.js";
import { sendOutbox, type SmtpTransport } from "../src/connectors/smtp-outbox.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { claimPending } from "../src/store/mail-outbox.js";
import { createConnector } from "../src/store/connectors.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
const COMPLAINT = "My parcel is two weeks late and nobody answers my emails. This is unacceptable, I want a refund now!";

interface Detail {
  reply_via: { kind: string; from: string | null };
  thread: { id: number; direction: string; text: string; delivery: { via: string; state: string; outbox_id: number } | null }[];
}

describe.each(DATABASES)("replies out from a case on $name", (database) => {
  let store: Opened;
  let pipeline: Pipeline;
  let t: TestApp;
  const sent: Buffer[] = [];
  const transport: SmtpTransport = { sendMail: async (m) => void sent.push(m.raw) };

  const req = async (method: string, path: string, body?: unknown) => {
    const res = await t.req(method, path, body !== undefined ? { body } : {});
    return { status: res.status, json: (await res.json().catch(() => null)) as any };
  };
  /** One customer message in its own thread of a source of `kind`, read and triaged; its case id. */
  const caseFrom = async (source: string, kind: string, thread: string): Promise<number> => {
    const ing = await Ingestor.open(store, { source, sourceKind: kind, origin: kind });
    await ing.add(1, {
      external_id: thread,
      text: COMPLAINT,
      channel: "email",
      direction: "customer",
      author: { id: "jana@example.net", email: "jana@example.net", name: "Jana" },
      subject: "Late parcel",
      thread,
      sent_at: Date.parse("2026-11-30T08:00:00Z"),
    });
    await ing.finish();
    await pipeline.drain();
    const cases = await req("GET", "/cases?limit=200");
    const threads = await store.db.selectFrom("threads").select(["id", "external_id"]).where("external_id", "=", thread).execute();
    const found = (cases.json.items as { id: number; thread_id: number }[]).find((c) => c.thread_id === Number(threads[0]!.id));
    if (!found) throw new Error(`no case for ${thread}`);
    return found.id;
  };
  const detail = async (id: number) => (await req("GET", `/cases/${id}`)).json as Detail;
  const agentReplies = (d: Detail, text: string) => d.thread.filter((m) => m.direction === "agent" && m.text === text);

  beforeAll(async () => {
    store = await database.open();
    const clock = new ManualClock(Date.parse("2026-11-30T09:00:00Z"));
    const engine = new CaseEngine({ store, rules: caseRulesSchema.parse({}), clock, timers: false });
    pipeline = new Pipeline({ store, engine: await sharedReader(), cases: engine });
    t = await testApp(store, { cases: engine });
  }, 60_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  it("emails a mailbox thread's reply once, from the mailbox's address, and shows it sent in the thread", async () => {
    const id = await caseFrom("mail-support", "imap", "root-1@example.net");
    expect((await detail(id)).reply_via).toEqual({ kind: "email", source: "mail-support", from: null });
    // No address to send from yet: refused, nothing stored or queued.
    const refused = await req("POST", `/cases/${id}/replies`, { text: "We are sorry.", send: true, idempotency_key: "k0" });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: "input.invalid_value", details: { field: "from" } });
    expect(agentReplies(await detail(id), "We are sorry.")).toEqual([]);

    await createConnector(store.db, undefined, store.workspaceId, {
      kind: "imap",
      name: "support mailbox",
      settings: { host: "imap.example.net", user: "support@acme.example", source: "mail-support" },
      intervalSeconds: 300,
      enabled: false,
    });
    expect((await detail(id)).reply_via.from).toBe("support@acme.example");
    const text = "We are sorry your parcel is late. I have asked the courier and will write by 17:00 today.";
    const first = await req("POST", `/cases/${id}/replies`, { text, send: true, idempotency_key: "k1" });
    const again = await req("POST", `/cases/${id}/replies`, { text, send: true, idempotency_key: "k1" });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json.message_id).toBe(first.json.message_id);
    const queued = await store.db.selectFrom("mail_outbox").selectAll().execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      from_address: "support@acme.example",
      to_address: "jana@example.net",
      in_reply_to: "root-1@example.net",
    });
    let d = await detail(id);
    expect(agentReplies(d, text)).toEqual([
      expect.objectContaining({ delivery: { via: "email", state: "pending", outbox_id: Number(queued[0]!.id) } }),
    ]);

    expect(await sendOutbox(store, transport)).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
    d = await detail(id);
    // Recorded sent: the thread still holds the reply once, now marked sent.
    expect(agentReplies(d, text)).toEqual([expect.objectContaining({ delivery: expect.objectContaining({ state: "sent" }) })]);
  });

  it("sends an unconfirmed reply again only when an agent asks, once, with an audit entry", async () => {
    const id = await caseFrom("mail-support", "imap", "root-2@example.net");
    const text = "Thank you for waiting. The refund is on its way and you will see it within three days.";
    await req("POST", `/cases/${id}/replies`, { text, send: true, idempotency_key: "k2" });
    // The sender claims it and dies between SMTP and the record: after the lease nobody can prove it left.
    const [claim] = await claimPending(store.db, store.workspaceId, Date.now() - 600_000, 1000, 1);
    expect(claim).toBeDefined();
    const before = sent.length;
    expect(await sendOutbox(store, transport)).toMatchObject({ unconfirmed: 1, sent: 0 });
    expect(await sendOutbox(store, transport)).toMatchObject({ unconfirmed: 0, sent: 0 });
    expect(sent.length).toBe(before);
    const [reply] = agentReplies(await detail(id), text);
    expect(reply?.delivery).toMatchObject({ via: "email", state: "unconfirmed" });

    const requeued = await req("POST", `/email-replies/${reply!.delivery!.outbox_id}/requeue`);
    expect(requeued.json).toEqual({ id: reply!.delivery!.outbox_id, state: "pending" });
    const log = await store.db.selectFrom("audit_log").selectAll().where("action", "=", "email_reply.requeued").execute();
    expect(log).toEqual([
      expect.objectContaining({ actor_kind: "key", target_kind: "email_reply", target_id: String(reply!.delivery!.outbox_id) }),
    ]);
    // Asking twice does not queue it twice.
    expect((await req("POST", `/email-replies/${reply!.delivery!.outbox_id}/requeue`)).status).toBe(400);
    expect(await sendOutbox(store, transport)).toMatchObject({ sent: 1 });
    expect(sent.length).toBe(before + 1);
    expect(agentReplies(await detail(id), text)).toEqual([
      expect.objectContaining({ delivery: expect.objectContaining({ state: "sent" }) }),
    ]);
    expect((await req("POST", "/email-replies/999999/requeue")).status).toBe(404);
  });

  it("shows a helpdesk thread's reply with its helpdesk outbox state", async () => {
    const id = await caseFrom("zendesk:acme.zendesk.example", "zendesk", "ticket:7");
    expect((await detail(id)).reply_via).toMatchObject({ kind: "helpdesk", source: "zendesk" });
    const text = "I am sorry about the wait. I have asked the courier for the parcel's location.";
    expect((await req("POST", `/cases/${id}/replies`, { text, send: true, idempotency_key: "z1" })).status).toBe(201);
    expect(agentReplies(await detail(id), text)).toEqual([
      expect.objectContaining({ delivery: expect.objectContaining({ via: "helpdesk", state: "pending" }) }),
    ]);
  });
});
