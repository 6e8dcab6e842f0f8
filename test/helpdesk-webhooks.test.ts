/**
 * Chatwoot and Zammad webhooks in their documented payloads (fixtures from their public docs):
 * verified (Chatwoot: the source's token in the URL; Zammad: X-Hub-Signature HMAC-SHA1), mapped
 * (author, direction, private notes, conversation/ticket as thread), and stored once under retries.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/webhooks/${name}`, import.meta.url), "utf8")) as Record<string, any>;

describe.each(DATABASES)("vendor webhooks on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  let secret: string;
  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
    for (const name of ["chatwoot", "zammad"]) {
      const res = await t.post("/sources", { name, webhook: true });
      secret = ((await res.json()) as { webhook_secret: string }).webhook_secret;
      if (name === "chatwoot") chatwootSecret = secret;
    }
  });
  afterAll(async () => {
    await store?.cleanup();
  });
  let chatwootSecret = "";

  const chatwoot = (body: unknown, token: string | null) =>
    t.req("POST", `/webhooks/chatwoot/chatwoot${token === null ? "" : `?token=${encodeURIComponent(token)}`}`, {
      key: null,
      raw: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
  const zammad = (body: unknown, sign: (raw: string) => string | undefined) => {
    const raw = JSON.stringify(body);
    const sig = sign(raw);
    return t.req("POST", "/webhooks/zammad/zammad", {
      key: null,
      raw,
      headers: { "content-type": "application/json", ...(sig ? { "x-hub-signature": sig } : {}) },
    });
  };
  const sha1 = (raw: string, key = secret) => `sha1=${createHmac("sha1", key).update(raw).digest("hex")}`;
  const stored = (source: string) =>
    store.db
      .selectFrom("messages")
      .innerJoin("sources", "sources.id", "messages.source_id")
      .leftJoin("people", "people.id", "messages.person_id")
      .leftJoin("threads", "threads.id", "messages.thread_id")
      .select([
        "messages.external_id",
        "messages.text",
        "messages.direction",
        "messages.channel",
        "threads.external_id as thread",
        "threads.subject",
        "people.email",
        "people.display_name",
      ])
      .where("sources.name", "=", source)
      .orderBy("messages.id")
      .execute();

  it("Chatwoot: stores message_created once, maps agent replies and private notes, refuses a wrong token", async () => {
    const incoming = fixture("chatwoot-message-created.json");
    expect((await chatwoot(incoming, null)).status).toBe(401);
    expect((await chatwoot(incoming, "whsec_wrong")).status).toBe(401);
    expect(await (await chatwoot(incoming, chatwootSecret)).json()).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await (await chatwoot(incoming, chatwootSecret)).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    const reply = {
      ...incoming,
      id: 119,
      content: "Omlouváme se, posíláme nový balík.",
      message_type: "outgoing",
      sender: { id: 1, name: "John", email: "john@acme.test", type: "user" },
    };
    const note = { ...reply, id: 120, content: "Customer is VIP, expedite.", private: true };
    const activity = { ...reply, id: 121, content: "Conversation was resolved by John", message_type: "activity" };
    expect(await (await chatwoot(reply, chatwootSecret)).json()).toMatchObject({ accepted: 1 });
    expect(await (await chatwoot(note, chatwootSecret)).json()).toMatchObject({ accepted: 1 });
    expect(await (await chatwoot(activity, chatwootSecret)).json()).toMatchObject({ accepted: 0, skipped: "message_type" });
    expect(await (await chatwoot({ ...incoming, event: "conversation_created" }, chatwootSecret)).json()).toMatchObject({
      skipped: "event",
    });
    const rows = await stored("chatwoot");
    expect(rows.map((r) => [r.external_id, r.direction, r.channel, r.thread])).toEqual([
      ["118", "customer", "chat", "conversation:10"],
      ["119", "agent", "chat", "conversation:10"],
      ["120", "agent", "internal", "conversation:10"],
    ]);
    expect(rows[0]!.text).toBe(incoming.content);
    expect(rows[1]!.email).toBe("john@acme.test");
  });

  it("Zammad: verifies X-Hub-Signature, stores the article once, the ticket as thread, internal notes private", async () => {
    const payload = fixture("zammad-trigger.json");
    expect((await zammad(payload, () => undefined)).status).toBe(401);
    expect((await zammad(payload, (raw) => sha1(raw, "not-the-secret"))).status).toBe(401);
    expect((await zammad(payload, (raw) => sha1(raw + " "))).status).toBe(401);
    expect(await (await zammad(payload, sha1)).json()).toMatchObject({ accepted: 1 });
    // Zammad retries a delivery it thinks failed: the article id makes it a duplicate.
    expect(await (await zammad(payload, sha1)).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    const agentNote = {
      ...payload,
      article: {
        ...payload.article,
        id: 105,
        sender: "Agent",
        internal: true,
        origin_by: undefined,
        origin_by_id: undefined,
        body: "Replacement approved by the team lead.",
        content_type: "text/plain",
      },
    };
    const system = { ...payload, article: { ...payload.article, id: 106, sender: "System" } };
    expect(await (await zammad(agentNote, sha1)).json()).toMatchObject({ accepted: 1 });
    expect(await (await zammad(system, sha1)).json()).toMatchObject({ skipped: "sender" });
    expect(await (await zammad({ ticket: payload.ticket }, sha1)).json()).toMatchObject({ skipped: "no_article" });
    const rows = await stored("zammad");
    expect(rows.map((r) => [r.external_id, r.direction, r.channel, r.thread, r.subject])).toEqual([
      ["article:104", "customer", "call", "ticket:81", "Kávovar dorazil rozbitý"],
      ["article:105", "agent", "internal", "ticket:81", "Kávovar dorazil rozbitý"],
    ]);
    expect(rows[0]!.text).toBe("The coffee machine arrived broken.\n\nI want a refund.");
    // A phone article written by an agent for the customer is the customer's (origin_by).
    expect(rows[0]!.email).toBe("emily@example.com");
    expect(rows[1]!.display_name).toBe("Christopher Miller");
  });
});
