import { gzipSync, createGzip } from "node:zlib";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

async function errorOf(res: Response): Promise<{ status: number; code: string; details: any; message: string }> {
  const body = (await res.json()) as any;
  return { status: res.status, code: body.error?.code, details: body.error?.details, message: body.error?.message };
}

/** A body stream that yields `total` bytes of `fill` after `head`, counting what was pulled. */
function generated(head: string, total: number, fill = 0x61, tail = "") {
  const chunk = Buffer.alloc(64 * 1024, fill);
  const counter = { pulled: 0 };
  let sent = 0;
  let headDone = false;
  let tailDone = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (!headDone) {
        headDone = true;
        counter.pulled += head.length;
        ctrl.enqueue(Buffer.from(head));
        return;
      }
      if (sent >= total) {
        if (!tailDone && tail) {
          tailDone = true;
          ctrl.enqueue(Buffer.from(tail));
          return;
        }
        ctrl.close();
        return;
      }
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      counter.pulled += n;
      ctrl.enqueue(new Uint8Array(chunk.subarray(0, n)));
    },
  });
  return { stream, counter };
}

/** gzip of `size` zero bytes, made in streaming fashion (a few hundred KB for hundreds of MB). */
async function zeroBomb(size: number): Promise<Buffer> {
  const zeros = Buffer.alloc(1 << 20);
  const src = Readable.from(
    (function* () {
      for (let i = 0; i < size / zeros.length; i++) yield zeros;
    })(),
  );
  const gz = src.pipe(createGzip({ level: 9 }));
  const parts: Buffer[] = [];
  for await (const p of gz) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe.each(DATABASES)("bad input on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("rejects malformed JSON, wrong types and unknown fields with codes and field paths, never values", async () => {
    const raw = (body: string) => t.req("POST", "/messages", { raw: body, headers: { "content-type": "application/json" } });
    expect(await errorOf(await raw('{"external_id": "x", "text": '))).toMatchObject({ status: 400, code: "input.invalid_json" });
    const wrong = await errorOf(await t.post("/messages", { external_id: ["secret customer words"], text: true, sent_at: "yesterday" }));
    expect(wrong).toMatchObject({ status: 400, code: "input.wrong_type" });
    expect(wrong.details.problems).toEqual(
      expect.arrayContaining([
        { field: "external_id", code: "input.wrong_type" },
        { field: "text", code: "input.wrong_type" },
        { field: "sent_at", code: "input.invalid_value" },
      ]),
    );
    expect(JSON.stringify(wrong)).not.toContain("secret customer words");
    const unknown = await errorOf(await t.post("/messages", { external_id: "u", text: "t", author: { id: "a", shoe_size: 44 }, extra: 1 }));
    expect(unknown.code).toBe("input.unknown_field");
    expect(unknown.details.problems).toEqual(
      expect.arrayContaining([
        { field: "extra", code: "input.unknown_field" },
        { field: "author.shoe_size", code: "input.unknown_field" },
      ]),
    );
    expect(await errorOf(await t.post("/messages/batch", { messages: [], note: "x" }))).toMatchObject({ status: 400 });
    expect(
      await errorOf(
        await t.req("POST", "/messages", { raw: "external_id=x", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      ),
    ).toMatchObject({ status: 415, code: "input.unsupported_format" });
    expect(await errorOf(await t.get("/messages?limit=abc"))).toMatchObject({ status: 400, code: "input.wrong_type" });
    expect(await errorOf(await t.get("/messages?limit=5000"))).toMatchObject({ status: 400 });
    expect(await errorOf(await t.get("/nowhere"))).toMatchObject({ status: 404, code: "store.not_found" });
    expect(await store.db.selectFrom("messages").select("id").execute()).toHaveLength(0);
  });

  it("refuses oversized bodies, fields and batches", async () => {
    const big = "x".repeat(9 * 1024 * 1024);
    expect(await errorOf(await t.post("/messages", { external_id: "big", text: big }))).toMatchObject({
      status: 413,
      code: "input.too_large",
    });
    const field = await errorOf(await t.post("/messages", { external_id: "long", text: "y".repeat(70_000) }));
    expect(field).toMatchObject({
      status: 413,
      code: "input.too_large",
      details: { problems: [{ field: "text", code: "input.too_large" }] },
    });
    const many = Array.from({ length: 1001 }, (_, i) => ({ external_id: `m${i}`, text: "hi" }));
    expect(await errorOf(await t.post("/messages/batch", { messages: many }))).toMatchObject({ code: "input.too_large" });
    const declared = await t.req("POST", "/messages", {
      raw: "{}",
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
    });
    expect((await errorOf(declared)).code).toBe("input.too_large");
  });

  it("stops a CSV with an unterminated quote with a code, keeping the rows before it", async () => {
    const csv = 'external_id,text\nq1,"fine row"\nq2,"never closed\nq3,more\n';
    const res = await errorOf(await t.req("POST", "/import?format=csv&source=quote", { raw: csv }));
    expect(res).toMatchObject({ status: 400, code: "input.csv_malformed", details: { reason: "csv_quote_not_closed", accepted: 1 } });
    const kept = await store.db.selectFrom("messages").select("external_id").where("external_id", "like", "q%").execute();
    expect(kept.map((r) => r.external_id)).toEqual(["q1"]);
  });

  it("streams a CSV with a 100 MB field without holding it: 413 after about a megabyte", async () => {
    const { stream, counter } = generated('external_id,text\nbig1,"', 100 * 1024 * 1024, 0x61, '"\n');
    const before = memory();
    const res = await t.req("POST", "/import?format=csv&source=hundred", {
      raw: stream as unknown as NonNullable<RequestInit["body"]>,
      headers: { "content-type": "text/csv" },
    });
    const err = await errorOf(res);
    expect(err).toMatchObject({ status: 413, code: "input.too_large", details: { unit: "record" } });
    expect(counter.pulled).toBeLessThan(8 * 1024 * 1024);
    expect(memory() - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("rejects invalid UTF-8: a JSON body as a whole, a JSONL line on its own", async () => {
    const bad = Buffer.concat([Buffer.from('{"external_id":"u8","text":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(await errorOf(await t.req("POST", "/messages", { raw: bad, headers: { "content-type": "application/json" } }))).toMatchObject({
      status: 400,
      code: "input.invalid_utf8",
    });
    const jsonl = Buffer.concat([
      Buffer.from('{"external_id":"ok8","text":"good"}\n'),
      bad,
      Buffer.from("\n"),
      Buffer.from('{"external_id":"ok9","text":"také dobré"}\n'),
    ]);
    const res = await t.req("POST", "/import?format=jsonl&source=utf", { raw: jsonl });
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 1, problems: [{ row: 2, code: "input.invalid_utf8" }] });
    const csv = Buffer.concat([Buffer.from("external_id,text\nc8,"), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]);
    expect(await errorOf(await t.req("POST", "/import?format=csv&source=utfcsv", { raw: csv }))).toMatchObject({
      status: 400,
      code: "input.invalid_utf8",
    });
  });

  it("refuses gzip bombs with bounded memory", async () => {
    const bomb = await zeroBomb(256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = memory();
    const json = await errorOf(
      await t.req("POST", "/messages", {
        raw: new Uint8Array(bomb),
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
      }),
    );
    expect(json).toMatchObject({ status: 413, code: "input.compressed_bomb" });
    // The streamed import allows 1 GiB inflated; a tighter app shows the same check there.
    const tight = await testApp(store, {});
    const limited = await (
      await import("../src/server/app.js")
    ).createApp({
      store,
      engine: async () => {
        throw new Error("unused");
      },
      limiter: new (await import("../src/server/rate-limit.js")).RateLimiter({ perSecond: 100, burst: 100 }),
      signIn: new (await import("../src/server/sign-in-throttle.js")).SignInThrottle((await import("../src/cases/clock.js")).systemClock),
      limits: { ...(await import("../src/ingest/limits.js")).LIMITS, uploadInflatedBytes: 64 * 1024 * 1024 },
      secureCookies: false,
    });
    const res = await limited.request("/api/v1/import?format=jsonl&source=bomb", {
      method: "POST",
      headers: { authorization: `Bearer ${tight.adminKey}` },
      body: new Uint8Array(bomb),
    });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "input.compressed_bomb" });
    expect(memory() - before).toBeLessThan(96 * 1024 * 1024);
    const notGzip = await errorOf(
      await t.req("POST", "/messages", { raw: "plain", headers: { "content-type": "application/json", "content-encoding": "gzip" } }),
    );
    expect(notGzip).toMatchObject({ status: 415, code: "input.unsupported_format" });
    expect(
      await errorOf(
        await t.req("POST", "/messages", {
          raw: gzipSync("{}"),
          headers: { "content-type": "application/json", "content-encoding": "br" },
        }),
      ),
    ).toMatchObject({ status: 415 });
  });
});
