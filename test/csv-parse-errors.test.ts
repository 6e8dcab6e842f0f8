/**
 * Issue 11, item 12: every csv-parse error gets a code (INVALID_OPENING_QUOTE, a stray quote in a
 * cell, gave 500: its code lacks the CSV_ prefix). A stray quote is a problem of its row, which is
 * reported and quarantined while the good rows around it are kept; errors the parser cannot
 * recover from stop the import with a code, keeping the rows before them. On both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

describe.each(DATABASES)("CSV parse errors on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  async function stored(prefix: string): Promise<string[]> {
    const rows = await store.db
      .selectFrom("messages")
      .select("external_id")
      .where("external_id", "like", `${prefix}%`)
      .orderBy("external_id")
      .execute();
    return rows.map((r) => r.external_id);
  }

  it("reports a row with a stray quote in a cell and keeps the rows before and after it (was 500)", async () => {
    const csv = 'external_id,text\nsq1,fine\nsq2,he said "hi" twice\nsq3,"quoted, fine"\nsq4,ok "again\nsq5,last\n';
    const res = await t.req("POST", "/import?format=csv&source=stray", { raw: csv });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      accepted: 3,
      rejected: 2,
      problems: [
        { row: 3, field: "text", code: "input.csv_malformed" },
        { row: 5, field: "text", code: "input.csv_malformed" },
      ],
    });
    expect(await stored("sq")).toEqual(["sq1", "sq3", "sq5"]);
    const quarantined = await store.db
      .selectFrom("quarantine")
      .select(["row", "code"])
      .where("code", "=", "input.csv_malformed")
      .orderBy("row")
      .execute();
    expect(quarantined.map((q) => q.row)).toEqual([3, 5]);
  });

  it("stops at a quote closed mid-cell with a coded 400, keeping the rows before it", async () => {
    const csv = 'external_id,text\ncq1,fine\ncq2,"closed"early,x\ncq3,after\n';
    const res = await t.req("POST", "/import?format=csv&source=closing", { raw: csv });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatchObject({
      code: "input.csv_malformed",
      details: { reason: "csv_invalid_closing_quote", row: 3, accepted: 1 },
    });
    expect(await stored("cq")).toEqual(["cq1"]);
  });
});
