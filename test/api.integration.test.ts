import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../src/ingest/webhook-signature.js";
import { requeueStale } from "../src/store/reading-queue.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { API_ROUTES } from "../src/server/app.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const DAY = "2026-03-0";
const MESSAGES = [
  {
    external_id: "c-1",
    text: "My parcel is two weeks late and nobody answers. I want a refund now!",
    channel: "email",
    author: { id: "ana@example.com", name: "Ana", email: "ana@example.com" },
    thread: "t-ana",
    sent_at: `${DAY}2T09:00:00Z`,
    subject: "Late parcel",
  },
  {
    external_id: "a-1",
    text: "Dear Ana, I am sorry for the wait. I have refunded the shipping today.",
    channel: "email",
    author: "agent-lee",
    direction: "agent",
    thread: "t-ana",
    sent_at: `${DAY}2T10:00:00Z`,
  },
  {
    external_id: "c-2",
    text: "Thank you, that was quick. Great service!",
    channel: "email",
    author: "ana@example.com",
    thread: "t-ana",
    sent_at: `${DAY}2T11:00:00Z`,
    survey: { kind: "nps", score: 9 },
  },
  {
    external_id: "c-3",
    text: "สั่งของไปสามวันแล้วยังไม่ได้เลยค่ะ แย่มาก",
    channel: "chat",
    author: "somchai",
    sent_at: `${DAY}3T08:00:00Z`,
    language: "th",
  },
  {
    external_id: "c-4",
    text: "Grabe, 2 weeks na wala pa rin yung order ko! Nakakainis talaga.",
    channel: "social",
    author: { id: "@juan", audience: 12000 },
    sent_at: `${DAY}3T09:00:00Z`,
  },
  {
    external_id: "c-5",
    text: "Děkuji za rychlé vyřízení, jsem velmi spokojená.",
    channel: "review",
    author: "jana",
    sent_at: `${DAY}4T09:00:00Z`,
  },
  {
    external_id: "e-1",
    text: "My manager never listens and the rota changes every week. I am exhausted.",
    channel: "internal",
    author: { id: "emp-9", team: "warehouse" },
    direction: "employee",
  },
];

describe.each(DATABASES)("attune store and API on $name", (database) => {
  let store: Opened;
  let t: TestApp;

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
    expect((await t.post("/sources", { name: "fixture", employee_feedback: true })).status).toBe(201);
    const res = await t.post("/messages/batch", { source: "fixture", messages: MESSAGES });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: MESSAGES.length, rejected: 0 });
    await new ReadingWorker(store, await sharedReader()).drain();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("stores a message once: same content is a duplicate, other content a conflict", async () => {
    const m = { external_id: "once-1", text: "Where is my order?", channel: "chat" };
    const first = await t.post("/messages?source=once", m);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: number };
    const again = await t.post("/messages?source=once", m);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "duplicate", id });
    const other = await t.post("/messages?source=once", { ...m, text: "Something else" });
    expect(other.status).toBe(409);
    expect(((await other.json()) as any).error.code).toBe("store.conflict");
    // The same external id in another source is another message.
    expect((await t.post("/messages?source=elsewhere", m)).status).toBe(201);
    const rows = await store.db.selectFrom("messages").select("id").where("external_id", "=", "once-1").execute();
    expect(rows).toHaveLength(2);
    const q = await store.db.selectFrom("quarantine").select(["code", "field"]).where("code", "=", "store.conflict").execute();
    expect(q.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps the good items of a batch and reports the bad ones (index, field, code)", async () => {
    const res = await t.post("/messages/batch", {
      source: "batch",
      messages: [
        { external_id: "b-1", text: "fine" },
        { external_id: "b-2", text: 42 },
        { external_id: "b-3", text: "ok", mood: "x" },
        { text: "no id" },
        { external_id: "b-5", text: "fine too", channel: "pigeon" },
        { external_id: "b-1", text: "fine" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ accepted: 1, duplicates: 1, conflicts: 0, rejected: 4 });
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { row: 1, field: "text", code: "input.wrong_type" },
        { row: 2, field: "mood", code: "input.unknown_field" },
        { row: 3, field: "external_id", code: "input.missing_field" },
        { row: 4, field: "channel", code: "input.invalid_value", allowed: expect.arrayContaining(["email", "chat", "social"]) },
      ]),
    );
    expect(body.results.map((r: any) => r.status)).toEqual(["accepted", "rejected", "rejected", "rejected", "rejected", "duplicate"]);
    const quarantined = await store.db
      .selectFrom("quarantine")
      .select(["row", "code"])
      .where("origin", "=", "http")
      .where("code", "like", "input.%")
      .execute();
    expect(quarantined.length).toBeGreaterThanOrEqual(4);
  });

  it("imports streamed JSONL, CSV with column mapping, and mbox threaded by Message-ID", async () => {
    const jsonl = [
      '{"external_id":"j-1","text":"Love the new app","channel":"review"}',
      "{broken",
      '{"external_id":"j-2","text":"App crashes on login","channel":"review"}',
    ].join("\n");
    let res = await t.req("POST", "/import?format=jsonl&source=jsonl", { raw: gzipSync(jsonl), headers: { "content-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 1, problems: [{ row: 2, code: "input.invalid_json" }] });

    const csv =
      'ticket;body;who;when\nk-1;"Refund please; the item broke";bob;2026-03-05T10:00:00Z\nk-2;"Multi\nline";alice;2026-03-05T11:00:00Z\n';
    res = await t.req(
      "POST",
      "/import?format=csv&source=desk&delimiter=%3B&external_id_column=ticket&text_column=body&author_column=who&sent_at_column=when&channel=email",
      { raw: csv },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 0 });
    const k2 = await store.db
      .selectFrom("messages")
      .select(["text", "channel", "sent_at"])
      .where("external_id", "=", "k-2")
      .executeTakeFirstOrThrow();
    expect(k2).toEqual({ text: "Multi\nline", channel: "email", sent_at: Date.parse("2026-03-05T11:00:00Z") });

    const mbox = [
      "From ana@example.com Mon Mar  2 10:00:00 2026",
      "From: Ana <ana@example.com>",
      "Subject: Broken kettle",
      "Message-ID: <k1@example.com>",
      "Date: Mon, 2 Mar 2026 10:00:00 +0000",
      "",
      "The kettle broke after two days.",
      ">From the box it looked fine.",
      "",
      "From support@shop.example Mon Mar  2 11:00:00 2026",
      "From: Shop <support@shop.example>",
      "Subject: Re: Broken kettle",
      "Message-ID: <k2@shop.example>",
      "In-Reply-To: <k1@example.com>",
      "References: <k1@example.com>",
      "Date: Mon, 2 Mar 2026 11:00:00 +0000",
      "",
      "We are sorry, a new one is on its way.",
      "",
      "On Mon, 2 Mar 2026 Ana wrote:",
      "> The kettle broke",
      "",
    ].join("\n");
    res = await t.req("POST", "/import?format=mbox&source=mail", { raw: mbox });
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 0 });
    // A reply arriving in a later import joins the same thread through In-Reply-To.
    const eml =
      "From: Ana <ana@example.com>\r\nSubject: Re: Re: Broken kettle\r\nMessage-ID: <k3@example.com>\r\nIn-Reply-To: <k2@shop.example>\r\nDate: Mon, 2 Mar 2026 12:00:00 +0000\r\n\r\nThanks, it arrived.\r\n";
    res = await t.req("POST", "/import?format=eml&source=mail", { raw: eml });
    expect(await res.json()).toMatchObject({ accepted: 1 });
    const mails = await store.db
      .selectFrom("messages")
      .select(["external_id", "thread_id", "text"])
      .where("external_id", "in", ["k1@example.com", "k2@shop.example", "k3@example.com"])
      .orderBy("external_id")
      .execute();
    expect(new Set(mails.map((m) => m.thread_id)).size).toBe(1);
    expect(mails[0]!.text).toBe("The kettle broke after two days.\nFrom the box it looked fine.");
    expect(mails[1]!.text).toBe("We are sorry, a new one is on its way.");
  });

  it("reads every message and filters by language, sentiment, emotion, cause, channel, time and text", async () => {
    await new ReadingWorker(store, await sharedReader()).drain();
    const unread = await store.db.selectFrom("reading_queue").select("message_id").execute();
    expect(unread).toHaveLength(0);
    const th = (await (await t.get("/messages?language=th")).json()) as any;
    expect(th.items.map((m: any) => m.external_id)).toEqual(["c-3"]);
    expect(th.items[0].reading.language).toBe("th");
    const neg = (await (await t.get("/messages?sentiment=negative&from=2026-03-01&to=2026-03-05")).json()) as any;
    expect(neg.items.map((m: any) => m.external_id)).toContain("c-1");
    expect(neg.items.every((m: any) => m.reading.sentiment === "negative")).toBe(true);
    const chat = (await (await t.get("/messages?channel=chat,social")).json()) as any;
    expect(chat.items.every((m: any) => ["chat", "social"].includes(m.channel))).toBe(true);
    const text = (await (await t.get("/messages?text=PARCEL")).json()) as any;
    expect(text.items.map((m: any) => m.external_id)).toEqual(["c-1"]);
    // Emotion and cause filters agree with the stored readings.
    // Employee feedback is never listed (it is read in aggregate only).
    const ann = await store.db
      .selectFrom("reading_labels")
      .select("message_id")
      .where("kind", "=", "emotion")
      .where("label", "=", "gratitude")
      .where("direction", "<>", "employee")
      .execute();
    const grat = (await (await t.get("/messages?emotion=gratitude&limit=200")).json()) as any;
    expect(grat.items.map((m: any) => m.id).sort()).toEqual([...new Set(ann.map((a) => a.message_id))].sort());
    const causeRows = await store.db
      .selectFrom("reading_labels")
      .select("message_id")
      .where("kind", "=", "cause")
      .where("polarity", "=", "negative")
      .where("direction", "<>", "employee")
      .execute();
    const causes = (await (
      await t.get(
        `/messages?cause=${["delivery_or_wait", "service_quality", "product_quality", "price_or_billing", "communication_gap", "staff_treatment", "overall_experience", "usability", "policy", "security_and_trust", "advertising"].join(",")}&cause_polarity=negative&limit=200`,
      )
    ).json()) as any;
    expect(causes.items.map((m: any) => m.id).sort()).toEqual([...new Set(causeRows.map((a) => a.message_id))].sort());
    const urgent = (await (await t.get("/messages?urgency_min=0.3&limit=200")).json()) as any;
    expect(urgent.items.every((m: any) => m.reading.urgency >= 0.3)).toBe(true);
  });

  it("pages with a cursor through every visible message exactly once", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await t.get(`/messages?limit=3${cursor ? `&cursor=${cursor}` : ""}`)).json()) as any;
      seen.push(...page.items.map((m: any) => m.id));
      cursor = page.next_cursor;
    } while (cursor);
    const total = await store.db.selectFrom("messages").select("id").where("direction", "<>", "employee").execute();
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.length).toBe(total.length);
  });

  it("shows one message with its full Reading, survey answer and thread", async () => {
    const row = await store.db.selectFrom("messages").select("id").where("external_id", "=", "c-2").executeTakeFirstOrThrow();
    const res = await t.get(`/messages/${row.id}`);
    expect(res.status).toBe(200);
    const m = (await res.json()) as any;
    expect(m.reading.version.pipeline).toBeTruthy();
    expect(m.reading.sentiment.label).toBe("positive");
    expect(m.survey).toEqual([{ kind: "nps", score: 9 }]);
    expect(m.thread.subject).toBe("Late parcel");
    expect(m.thread.messages.map((x: any) => x.external_id)).toEqual(["c-1", "a-1", "c-2"]);
    expect((await t.get("/messages/999999")).status).toBe(404);
    expect(((await (await t.get("/messages/abc")).json()) as any).error.code).toBe("input.wrong_type");
  });

  it("aggregates by day and emotion, cause and polarity, language and channel", async () => {
    const lang = (await (await t.get("/aggregates/languages")).json()) as any;
    // Every reading but employee feedback, which only /insights/employee aggregates.
    const byLang = await store.db.selectFrom("readings").select(["language"]).where("direction", "<>", "employee").execute();
    expect(lang.items.reduce((s: number, r: any) => s + r.total, 0)).toBe(byLang.length);
    expect(lang.items.find((r: any) => r.language === "th").total).toBe(1);
    const ch = (await (await t.get("/aggregates/channels?from=2026-03-01&to=2026-03-04")).json()) as any;
    // Three fixture emails and three imported mails (mbox and eml) fall in the window.
    expect(ch.items.find((r: any) => r.channel === "email")).toMatchObject({ total: 6 });
    const emo = (await (await t.get("/aggregates/emotions-by-day?from=2026-03-02&to=2026-03-05")).json()) as any;
    const labels = await store.db
      .selectFrom("reading_labels")
      .select(["sent_at"])
      .where("kind", "=", "emotion")
      .where("direction", "<>", "employee")
      .where("sent_at", ">=", Date.parse("2026-03-02"))
      .where("sent_at", "<", Date.parse("2026-03-05"))
      .execute();
    expect(emo.items.reduce((s: number, r: any) => s + r.count, 0)).toBe(labels.length);
    expect(emo.items.every((r: any) => /^2026-03-0[234]$/.test(r.day))).toBe(true);
    const causes = (await (await t.get("/aggregates/causes-by-polarity")).json()) as any;
    for (const c of causes.items) expect(c.total).toBe(c.positive + c.negative);
    const days = (await (await t.get("/aggregates/sentiment-by-day?channel=email")).json()) as any;
    expect(days.items.length).toBeGreaterThan(0);
  });

  it("shows employee feedback message by message to no role", async () => {
    const analyst = await t.key("analyst");
    const people = await t.key("people_team");
    const agent = await t.key("agent");
    const emp = await store.db.selectFrom("messages").select("id").where("external_id", "=", "e-1").executeTakeFirstOrThrow();
    for (const k of [analyst, agent, people, t.adminKey]) {
      const list = (await (await t.get("/messages?limit=200", k)).json()) as any;
      expect(list.items.some((m: any) => m.direction === "employee")).toBe(false);
      expect((await t.get(`/messages/${emp.id}`, k)).status).toBe(404);
      expect(((await (await t.get("/messages?direction=employee", k)).json()) as any).error.code).toBe("input.invalid_value");
    }
    const agg = (await (await t.get("/aggregates/channels", analyst)).json()) as any;
    expect(agg.items.some((r: any) => r.channel === "internal")).toBe(false);
    // Even people_team sees employee feedback in aggregate only through /insights/employee (k >= 5).
    const aggPt = (await (await t.get("/aggregates/channels?direction=employee", people)).json()) as any;
    expect(aggPt.error.code).toBe("input.invalid_value");
    const aggAll = (await (await t.get("/aggregates/channels", people)).json()) as any;
    expect(aggAll.items.some((r: any) => r.channel === "internal")).toBe(false);
  });

  it("enforces keys, scopes and revocation", async () => {
    expect(((await (await t.get("/messages", null)).json()) as any).error.code).toBe("auth.required");
    expect(((await (await t.get("/messages", "atk_not-a-real-key-at-all")).json()) as any).error.code).toBe("auth.invalid");
    const analyst = await t.key("analyst");
    const res = await t.post("/messages", { external_id: "x", text: "y" }, analyst);
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error).toMatchObject({ code: "auth.forbidden", details: { scope: "messages:write" } });
    const writeOnly = await t.key("agent", ["messages:write"]);
    expect((await t.post("/messages", { external_id: "w-1", text: "from an integration" }, writeOnly)).status).toBe(201);
    expect((await t.get("/messages", writeOnly)).status).toBe(403);
    const created = (await (await t.post("/keys", { name: "temp", role: "analyst" })).json()) as any;
    expect(created.key).toMatch(/^atk_/);
    const stored = await store.db.selectFrom("api_keys").select(["hash"]).where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(stored.hash).not.toContain(created.key);
    expect(JSON.stringify(await (await t.get("/keys")).json())).not.toContain(created.key);
    expect((await t.get("/aggregates/languages", created.key)).status).toBe(200);
    expect((await t.req("DELETE", `/keys/${created.id}`)).status).toBe(204);
    expect((await t.get("/aggregates/languages", created.key)).status).toBe(401);
    expect((await t.get("/keys", analyst)).status).toBe(403);
  });

  it("signs in with a session cookie and demands the CSRF token on writes", async () => {
    expect((await t.post("/users", { email: "lee@example.com", role: "agent", password: "a long enough passphrase" })).status).toBe(201);
    expect((await t.post("/session", { email: "lee@example.com", password: "wrong password!!" }, null)).status).toBe(401);
    const login = await t.post("/session", { email: "LEE@example.com", password: "a long enough passphrase" }, null);
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!;
    expect(cookie).toMatch(/attune_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const { csrf_token } = (await login.json()) as any;
    const session = cookie.split(";")[0]!;
    expect((await t.req("GET", "/messages?limit=1", { key: null, headers: { cookie: session } })).status).toBe(200);
    const noCsrf = await t.req("POST", "/messages", {
      key: null,
      headers: { cookie: session },
      body: { external_id: "s-1", text: "via session" },
    });
    expect(((await noCsrf.json()) as any).error.code).toBe("auth.csrf");
    const bad = await t.req("POST", "/messages", {
      key: null,
      headers: { cookie: session, "x-csrf-token": "csrf_wrong" },
      body: { external_id: "s-1", text: "via session" },
    });
    expect(bad.status).toBe(403);
    const ok = await t.req("POST", "/messages", {
      key: null,
      headers: { cookie: session, "x-csrf-token": csrf_token },
      body: { external_id: "s-1", text: "via session" },
    });
    expect(ok.status).toBe(201);
    expect((await t.req("DELETE", "/session", { key: null, headers: { cookie: session, "x-csrf-token": csrf_token } })).status).toBe(204);
    expect((await t.req("GET", "/messages?limit=1", { key: null, headers: { cookie: session } })).status).toBe(401);
  });

  it("answers 429 with Retry-After when a caller exceeds the rate limit", async () => {
    const limited = await testApp(store, { rateLimit: { perSecond: 1, burst: 3 } });
    const codes: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await limited.get("/messages?limit=1");
      codes.push(last.status);
    }
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(codes[4]).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as any).error.code).toBe("rate.limited");
  });

  it("accepts signed webhooks and refuses bad signatures, stale timestamps and replays", async () => {
    const src = (await (await t.post("/sources", { name: "shop-hook", webhook: true })).json()) as any;
    expect(src.webhook_secret).toMatch(/^whsec_/);
    const body = JSON.stringify({ external_id: "wh-1", text: "Order arrived broken", channel: "chat" });
    const now = Math.floor(Date.now() / 1000);
    const send = (ts: number, sig: string, b = body) =>
      t.req("POST", "/webhooks/shop-hook", {
        key: null,
        raw: b,
        headers: { "content-type": "application/json", "x-attune-timestamp": String(ts), "x-attune-signature": sig },
      });
    const ok = await send(now, signWebhook(src.webhook_secret, now, body));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ accepted: 1 });
    expect(((await (await send(now, signWebhook(src.webhook_secret, now, body))).json()) as any).error.code).toBe("webhook.replay");
    expect(((await (await send(now, signWebhook("whsec_wrong", now, body))).json()) as any).error.code).toBe("webhook.bad_signature");
    const tampered = body.replace("broken", "fine!!");
    expect(((await (await send(now, signWebhook(src.webhook_secret, now, body), tampered)).json()) as any).error.code).toBe(
      "webhook.bad_signature",
    );
    const old = now - 301;
    expect(((await (await send(old, signWebhook(src.webhook_secret, old, body))).json()) as any).error.code).toBe("webhook.stale");
    const unknown = await t.req("POST", "/webhooks/nope", {
      key: null,
      raw: body,
      headers: { "x-attune-timestamp": String(now), "x-attune-signature": signWebhook(src.webhook_secret, now, body) },
    });
    expect(((await unknown.json()) as any).error.code).toBe("webhook.bad_signature");
  });

  it("erases a person with their messages, readings, survey answers and quarantined rows", async () => {
    await t.post("/messages/batch", { source: "fixture", messages: [{ external_id: "bad-ana", text: 7, author: "ana@example.com" }] });
    const person = (await (await t.get("/people?identifier=ANA@example.com")).json()) as any;
    expect(person.items).toHaveLength(1);
    const pid = person.items[0].id;
    const detail = (await (await t.get(`/people/${pid}`)).json()) as any;
    expect(detail.surveys).toHaveLength(1);
    const threadIds = (await store.db.selectFrom("messages").select("thread_id").where("person_id", "=", pid).execute()).map(
      (r) => r.thread_id!,
    );
    const inThreads = await store.db
      .selectFrom("messages")
      .select(["id", "person_id", "direction", "thread_id"])
      .where("thread_id", "in", threadIds)
      .execute();
    // Ana's messages and the agents' replies to her go; the shop's mail in her kettle thread is another person's and stays.
    const msgIds = inThreads.filter((m) => m.person_id === pid || m.direction === "agent").map((r) => r.id);
    const others = inThreads.filter((m) => m.person_id !== pid && m.direction !== "agent");
    expect(msgIds.length).toBeGreaterThanOrEqual(3);
    expect(await store.db.selectFrom("quarantine").select("id").where("author_key", "=", person.items[0].key).execute()).toHaveLength(1);

    const analyst = await t.key("analyst");
    expect((await t.req("DELETE", `/people/${pid}`, { key: analyst })).status).toBe(403);
    expect((await t.req("DELETE", `/people/${pid}`)).status).toBe(204);

    expect(await store.db.selectFrom("people").select("id").where("id", "=", pid).execute()).toHaveLength(0);
    expect(await store.db.selectFrom("messages").select("id").where("id", "in", msgIds).execute()).toHaveLength(0);
    expect(await store.db.selectFrom("readings").select("message_id").where("message_id", "in", msgIds).execute()).toHaveLength(0);
    expect(await store.db.selectFrom("reading_labels").select("message_id").where("message_id", "in", msgIds).execute()).toHaveLength(0);
    expect(await store.db.selectFrom("survey_answers").select("id").where("person_id", "=", pid).execute()).toHaveLength(0);
    if (others.length)
      expect(
        await store.db
          .selectFrom("messages")
          .select("id")
          .where(
            "id",
            "in",
            others.map((m) => m.id),
          )
          .execute(),
      ).toHaveLength(others.length);
    expect(await store.db.selectFrom("threads").select("id").where("id", "in", threadIds).execute()).toHaveLength(
      new Set(others.map((m) => m.thread_id)).size,
    );
    expect(await store.db.selectFrom("quarantine").select("id").where("author_key", "=", person.items[0].key).execute()).toHaveLength(0);
    const log = await store.db.selectFrom("audit_log").selectAll().where("action", "=", "person.erased").execute();
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toMatch(/ana|parcel|p_[0-9a-f]{8}/i);
    expect(log[0]!.target_id).not.toBe(String(pid));
    expect((await t.req("DELETE", `/people/${pid}`)).status).toBe(404);
    expect(((await (await t.get("/messages?text=parcel")).json()) as any).items).toHaveLength(0);
  });

  it("re-reads messages whose reading came from another pipeline version", async () => {
    await new ReadingWorker(store, await sharedReader()).drain();
    await store.db.updateTable("readings").set({ pipeline_version: "0.0.1" }).execute();
    const total = (await store.db.selectFrom("messages").select("id").execute()).length;
    const queued = await requeueStale(store, (await sharedReader()).version.pipeline);
    expect(queued).toBe(total);
    const health = (await (await t.get("/health", null)).json()) as any;
    expect(health.reading_queue.pending).toBe(total);
    await new ReadingWorker(store, await sharedReader()).drain();
    const stale = await store.db.selectFrom("readings").select("message_id").where("pipeline_version", "=", "0.0.1").execute();
    expect(stale).toHaveLength(0);
    expect(await requeueStale(store, (await sharedReader()).version.pipeline)).toBe(0);
  });

  it("lets concurrent workers share the queue without reading a message twice", async () => {
    await new ReadingWorker(store, await sharedReader()).drain();
    const messages = Array.from({ length: 300 }, (_, i) => ({
      external_id: `cw-${i}`,
      text: `Message number ${i}: the delivery was late again`,
      channel: "chat",
    }));
    expect((await t.post("/messages/batch", { source: "concurrent", messages })).status).toBe(200);
    const reader = await sharedReader();
    const workers = [0, 1, 2].map((i) => new ReadingWorker(store, reader, { id: `cw-${i}`, batchSize: 25 }));
    await Promise.all(workers.map((w) => w.drain()));
    expect(workers.reduce((s, w) => s + w.processed, 0)).toBe(300);
    const read = await store.db
      .selectFrom("readings")
      .innerJoin("messages", "messages.id", "readings.message_id")
      .select("readings.message_id")
      .where("messages.external_id", "like", "cw-%")
      .execute();
    expect(read).toHaveLength(300);
  });

  it("analyzes text statelessly", async () => {
    const before = (await store.db.selectFrom("messages").select("id").execute()).length;
    const res = await t.post("/analyze", { text: "The courier was rude and my parcel is broken.", context: { channel: "chat" } });
    expect(res.status).toBe(200);
    const r = (await res.json()) as any;
    expect(r.sentiment.label).toBe("negative");
    expect(r.version.pipeline).toBeTruthy();
    expect((await store.db.selectFrom("messages").select("id").execute()).length).toBe(before);
  });

  it("drafts and checks replies outside a case, as attune reply and attune check do, for the roles allowed", async () => {
    const agent = await t.key("agent");
    const analyst = await t.key("analyst");
    const message = "Technik měl přijít mezi 8 a 12, vzala jsem si volno a nikdo nepřišel. Chci vrátit peníze.";
    const res = await t.post("/replies/draft", { message, customer_name: "Jana Dvořáková", order_id: "CZ-77" }, agent);
    expect(res.status).toBe(200);
    const { drafts } = (await res.json()) as { drafts: { text: string; language: string; offer?: string }[] };
    expect(drafts).toHaveLength(3);
    for (const d of drafts) {
      expect(d.language).toBe("cs");
      expect(d.text).toMatch(/^Dobrý den, paní Dvořáková,/);
      expect(d.offer).toBeUndefined();
    }
    const allowed = (await (
      await t.post("/replies/draft", { message, policy: { offers: ["refund"], follow_up: "24h" }, count: 1 }, agent)
    ).json()) as any;
    expect(allowed.drafts[0].offer).toBe("refund");
    expect(allowed.drafts[0].text).toMatch(/24 hodin/);
    const de = (await (
      await t.post("/replies/draft", { message: "Meine Bestellung ist seit zwei Wochen nicht angekommen!", count: 1 }, agent)
    ).json()) as any;
    expect(de.drafts[0].fallback_language).toMatchObject({ customer: "de" });
    expect((await t.post("/replies/draft", { message }, analyst)).status).toBe(403);
    expect((await t.post("/replies/draft", { message }, null)).status).toBe(401);
    expect(((await (await t.post("/replies/draft", { message, offer: "discount" }, agent)).json()) as any).error.code).toBe(
      "input.invalid_value",
    );

    const reply = "Dobrý den, za zpoždění technika nemůžeme, harmonogram se mění z provozních důvodů.";
    const checked = await t.post("/replies/check", { message, reply }, analyst);
    expect(checked.status).toBe(200);
    const check = (await checked.json()) as { score: number; criteria: { name: string; verdict: string }[] };
    expect(check.score).toBeLessThanOrEqual(50);
    expect(check.criteria.map((c) => c.name)).toContain("respectful");
    expect((await t.post("/replies/check", { message }, agent)).status).toBe(400);
    const limited = await t.key("agent", ["cases:write"]);
    expect((await t.post("/replies/check", { message, reply }, limited)).status).toBe(403);
  });

  it("publishes an OpenAPI document for every route, from the validating schemas", async () => {
    const res = await t.get("/openapi.json", null);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe("3.1.0");
    for (const r of API_ROUTES) {
      const op = doc.paths[`/api/v1${r.path.replace(/:([a-z_]+)/g, "{$1}")}`]?.[r.method];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
    }
    const list = doc.paths["/api/v1/messages"].get;
    expect(list.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(["from", "to", "channel", "language", "sentiment", "emotion", "cause", "urgency_min", "text", "cursor"]),
    );
    const ingest = doc.paths["/api/v1/messages"].post.requestBody.content["application/json"].schema;
    expect(ingest.additionalProperties).toBe(false);
    expect(ingest.required).toEqual(["external_id", "text"]);
  });
});
