/**
 * The message list's text filter over the trigram index (migration 005) on both databases:
 * case-insensitive substrings in Thai, Telugu, Czech, Tagalog and English, user text taken
 * literally (LIKE wildcards, FTS5 syntax), short texts, updates, and erasure leaving no trace of
 * the text in the index (SQLite shadow tables and file bytes).
 */
import { readFileSync, existsSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "../src/store/message-query.js";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

// Characters without case, each in no other message, so their bytes can be looked for anywhere.
const TOKEN = "ꙮ𓂀ꚙ𐐷ᚠ";
const MESSAGES = [
  { external_id: "en", text: "My PARCEL is two weeks late, I want a refund." },
  { external_id: "th", text: "สั่งของไปสามวันแล้วยังไม่ได้เลยค่ะ แย่มาก" },
  { external_id: "te", text: "నా ఆర్డర్ ఐదు రోజులు ఆలస్యం అయింది" },
  { external_id: "cs", text: "Děkuji za rychlé vyřízení, jsem velmi spokojená." },
  { external_id: "tl", text: "Grabe, 2 weeks na wala pa rin yung order ko! Nakakainis talaga." },
  { external_id: "pct", text: 'Promo: 100% off_now, say "hi" AND NOT bye' },
  { external_id: "abc", text: "100x offXnow abc" },
  { external_id: "secret", text: `Please forget me ${TOKEN} now`, author: "zed@example.com" },
];

describe.each(DATABASES)("text search on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  const find = async (text: string) =>
    ((await (await t.get(`/messages?text=${encodeURIComponent(text)}&limit=100`)).json()) as any).items
      .map((m: any) => m.external_id)
      .sort();

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
    const res = await t.post("/messages/batch", {
      source: "fixture",
      messages: MESSAGES.map((m) => ({ channel: "chat", author: "someone", ...m })),
    });
    expect(await res.json()).toMatchObject({ accepted: MESSAGES.length, rejected: 0 });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("matches case-insensitive substrings in every language, inside words too", async () => {
    expect(await find("parcel")).toEqual(["en"]);
    expect(await find("Refund.")).toEqual(["en"]);
    expect(await find("ไปสามวัน")).toEqual(["th"]);
    expect(await find("รอ")).toEqual([]);
    expect(await find("ఆలస్యం")).toEqual(["te"]);
    expect(await find("rychlé vyř")).toEqual(["cs"]);
    expect(await find("NAKAKAINIS")).toEqual(["tl"]);
    expect(await find("order")).toEqual(["tl"]);
    expect(await find("zzqx")).toEqual([]);
  });

  it("takes the user's text literally: LIKE wildcards and FTS5 syntax match themselves", async () => {
    expect(await find("100%")).toEqual(["pct"]);
    expect(await find("0% off_n")).toEqual(["pct"]);
    expect(await find("off_now")).toEqual(["pct"]);
    expect(await find("0%")).toEqual(["pct"]);
    expect(await find("f_")).toEqual(["pct"]);
    expect(await find("x_o")).toEqual([]);
    expect(await find('say "hi" AND NOT')).toEqual(["pct"]);
    expect(await find('"hi" OR "abc"')).toEqual([]);
    expect(await find("NEAR(a b)")).toEqual([]);
    expect(await find("abc*")).toEqual([]);
    expect(await find("ab")).toEqual(["abc", "tl"]);
  });

  it("pages through a short text's bounded scan (2 messages a page here) to every match", async () => {
    const all: string[] = [];
    let before: { sentAt: number; id: number } | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listMessages(store, {
        workspaceId: store.workspaceId,
        limit: 1,
        text: "a",
        textScanWindow: 2,
        ...(before ? { before } : {}),
      });
      all.push(...page.items.map((m) => m.external_id));
      if (!page.next) break;
      before = page.next;
    }
    expect(all.sort()).toEqual(
      MESSAGES.filter((m) => m.text.includes("a"))
        .map((m) => m.external_id)
        .sort(),
    );
  });

  it("follows updates of a message's text", async () => {
    await sql`update messages set text = 'Sustainable packaging please' where external_id = 'abc'`.execute(store.db);
    expect(await find("abc")).toEqual([]);
    expect(await find("SUSTAINABLE")).toEqual(["abc"]);
  });

  it("forgets an erased person's text: not findable, not in the index, not in the file", async () => {
    const grams = (() => {
      const cs = Array.from(TOKEN);
      // Two characters of each trigram: the index stores terms prefix-compressed, but never shares
      // more than a first character with a neighbouring term when every character is unique.
      return cs.slice(1).map((c, i) => Buffer.from(cs[i]! + c));
    })();
    expect(await find(TOKEN)).toEqual(["secret"]);
    const sqlitePath = store.location.sqlitePath;
    const shadow = async () =>
      Buffer.concat(
        (await sql<{ block: Uint8Array }>`select block from messages_fts_data`.execute(store.db)).rows.map((r) =>
          Buffer.from(r.block ?? []),
        ),
      );
    const fileBytes = () => Buffer.concat([sqlitePath!, `${sqlitePath}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
    if (sqlitePath) {
      // The checks can see the text before erasure (otherwise they would prove nothing).
      const before = await shadow();
      expect(grams.every((g) => before.includes(g))).toBe(true);
      await store.checkpoint();
      expect(fileBytes().includes(Buffer.from(TOKEN))).toBe(true);
    }
    const person = (await (await t.get("/people?identifier=zed@example.com")).json()) as any;
    expect((await t.req("DELETE", `/people/${person.items[0].id}`)).status).toBe(204);

    expect(await find(TOKEN)).toEqual([]);
    expect(await find("forget me")).toEqual([]);
    expect(
      (await sql<{ n: number }>`select count(*) as n from messages where text like ${"%" + TOKEN + "%"}`.execute(store.db)).rows[0]!.n,
    ).toBe(0);
    if (sqlitePath) {
      const after = await shadow();
      for (const g of grams) expect(after.includes(g)).toBe(false);
      const bytes = fileBytes();
      expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
      for (const g of grams) expect(bytes.includes(g)).toBe(false);
    }
  });
});
