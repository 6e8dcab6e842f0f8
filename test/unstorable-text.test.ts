/**
 * Issue 11, items 10 and 11: ids and texts the stores would change (lone surrogates become U+FFFD,
 * PostgreSQL refuses NUL, SQLite's LIKE stops at it) are refused with a coded 4xx on every input
 * path, nothing is stored for them, and batches and imports keep their good items with a report
 * per item. On both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../src/ingest/webhook-signature.js";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const LONE_HIGH = "\ud800";
const LONE_LOW = "\udfff";

describe.each(DATABASES)("unstorable strings on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  /** External ids stored under a source, sorted. */
  async function stored(source: string): Promise<string[]> {
    const rows = await store.db
      .selectFrom("messages as m")
      .innerJoin("sources as s", "s.id", "m.source_id")
      .select("m.external_id")
      .where("s.name", "=", source)
      .orderBy("m.external_id")
      .execute();
    return rows.map((r) => r.external_id);
  }

  async function errorOf(res: Response): Promise<{ status: number; code: string; details: any }> {
    const body = (await res.json()) as any;
    return { status: res.status, code: body.error?.code, details: body.error?.details };
  }

  it("refuses a lone surrogate in an id or a text with 400 and stores nothing (was 409 with the row stored)", async () => {
    const id = await errorOf(await t.post("/messages?source=lone", { external_id: `x${LONE_HIGH}`, text: "hello" }));
    expect(id).toMatchObject({
      status: 400,
      code: "input.invalid_unicode",
      details: { problems: [{ field: "external_id", code: "input.invalid_unicode" }] },
    });
    const text = await errorOf(await t.post("/messages?source=lone", { external_id: "ok-id", text: `broken ${LONE_LOW} text` }));
    expect(text).toMatchObject({ status: 400, code: "input.invalid_unicode", details: { problems: [{ field: "text" }] } });
    const author = await errorOf(
      await t.post("/messages?source=lone", { external_id: "ok-id", text: "hi", author: { id: "a", name: `N${LONE_HIGH}` } }),
    );
    expect(author).toMatchObject({ status: 400, details: { problems: [{ field: "author.name", code: "input.invalid_unicode" }] } });
    expect(await stored("lone")).toEqual([]);
  });

  it("keeps two messages whose ids differ only in their lone surrogates apart: both refused, the good one kept", async () => {
    const res = await t.post("/messages/batch", {
      source: "pair",
      messages: [
        { external_id: `p${LONE_HIGH}`, text: "first" },
        { external_id: `p${LONE_LOW}`, text: "second" },
        { external_id: "p-good", text: "third" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(body.results.map((r: any) => r.status)).toEqual(["rejected", "rejected", "accepted"]);
    expect(body.problems).toEqual([
      { row: 0, field: "external_id", code: "input.invalid_unicode" },
      { row: 1, field: "external_id", code: "input.invalid_unicode" },
    ]);
    expect(await stored("pair")).toEqual(["p-good"]);
  });

  it("refuses NUL in any text field with 400, and a batch of three with one NUL keeps the other two (was 500 and none on PostgreSQL)", async () => {
    for (const body of [
      { external_id: "n\u0000", text: "hi" },
      { external_id: "n1", text: "a\u0000b" },
      { external_id: "n1", text: "hi", thread: "t\u0000" },
      { external_id: "n1", text: "hi", subject: "\u0000" },
      { external_id: "n1", text: "hi", author: { id: "who", email: "a\u0000@b" } },
    ]) {
      expect(await errorOf(await t.post("/messages?source=nul", body))).toMatchObject({ status: 400, code: "input.nul_character" });
    }
    const res = await t.post("/messages/batch", {
      source: "nul",
      messages: [
        { external_id: "b1", text: "good one" },
        { external_id: "b2", text: "bad\u0000one", team: "x" },
        { external_id: "b3", text: "good two" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ accepted: 2, rejected: 1, problems: [{ row: 1, field: "text", code: "input.nul_character" }] });
    expect(body.results).toMatchObject([
      { index: 0, status: "accepted" },
      { index: 1, external_id: "b2", status: "rejected" },
      { index: 2, status: "accepted" },
    ]);
    expect(await stored("nul")).toEqual(["b1", "b3"]);
  });

  it("keeps the good rows of a JSONL import with NUL (escaped, or raw in a broken line) and reports each bad row", async () => {
    const jsonl = [
      '{"external_id":"j1","text":"fine"}',
      '{"external_id":"j2","text":"nul \\u0000 here"}',
      '{"external_id":"j3","text":"lone \\ud800 here"}',
      '{"external_id":"j4","text":"raw nul \u0000 and not JSON',
      '{"external_id":"j5","text":"also fine"}',
    ].join("\n");
    const res = await t.req("POST", "/import?format=jsonl&source=jsonl-nul", { raw: jsonl });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      accepted: 2,
      rejected: 3,
      problems: [
        { row: 2, field: "text", code: "input.nul_character" },
        { row: 3, field: "text", code: "input.invalid_unicode" },
        { row: 4, code: "input.invalid_json" },
      ],
    });
    expect(await stored("jsonl-nul")).toEqual(["j1", "j5"]);
    const quarantined = await store.db
      .selectFrom("quarantine")
      .select(["row", "code"])
      .where("origin", "=", "http")
      .where("row", "in", [2, 3, 4])
      .execute();
    expect(quarantined.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps the good rows of a CSV import with NUL and of a signed webhook batch", async () => {
    const csv = "external_id,text\nc1,fine\nc2,bad\u0000cell\nc3,fine too\n";
    const res = await t.req("POST", "/import?format=csv&source=csv-nul", { raw: csv });
    expect(await res.json()).toMatchObject({
      accepted: 2,
      rejected: 1,
      problems: [{ row: 3, field: "text", code: "input.nul_character" }],
    });
    expect(await stored("csv-nul")).toEqual(["c1", "c3"]);

    const src = (await (await t.post("/sources", { name: "hook-nul", webhook: true })).json()) as any;
    const body = JSON.stringify({
      messages: [
        { external_id: "w1", text: "ok" },
        { external_id: `w${LONE_HIGH}`, text: "ok" },
        { external_id: "w3", text: "a\u0000" },
      ],
    });
    const now = Math.floor(Date.now() / 1000);
    const hook = await t.req("POST", "/webhooks/hook-nul", {
      key: null,
      raw: body,
      headers: {
        "content-type": "application/json",
        "x-attune-timestamp": String(now),
        "x-attune-signature": signWebhook(src.webhook_secret, now, body),
      },
    });
    expect(await hook.json()).toMatchObject({
      accepted: 1,
      rejected: 2,
      problems: [
        { row: 1, code: "input.invalid_unicode" },
        { row: 2, code: "input.nul_character" },
      ],
    });
    expect(await stored("hook-nul")).toEqual(["w1"]);
  });

  it("refuses NUL in an email body per message, keeping the other emails of the mbox", async () => {
    const mail = (id: string, body: string) =>
      [
        `From sender@example.com Mon Mar  2 10:00:00 2026`,
        `From: A <a@example.com>`,
        `Message-ID: <${id}@example.com>`,
        `Subject: Hi`,
        "",
        body,
        "",
      ].join("\n");
    const mbox = [mail("e1", "first mail"), mail("e2", "has a \u0000 inside"), mail("e3", "third mail")].join("\n");
    const res = await t.req("POST", "/import?format=mbox&source=mail-nul", { raw: mbox });
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 1, problems: [{ code: "input.nul_character" }] });
    expect(await stored("mail-nul")).toEqual(["e1@example.com", "e3@example.com"]);
  });

  it("refuses a text search with NUL (was 500 for a%00b and no filter for %00%00 on SQLite)", async () => {
    for (const q of ["a%00b", "%00%00"]) {
      const err = await errorOf(await t.get(`/messages?text=${q}`));
      expect(err.status, q).toBe(400);
      expect(err.details.problems[0].field, q).toBe("text");
    }
    expect((await errorOf(await t.get("/messages?text=%00%00"))).code).toBe("input.nul_character");
  });
});
