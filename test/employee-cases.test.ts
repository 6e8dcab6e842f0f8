/**
 * A case never shows an employee message (issue 11, item 6), on both databases: when employee
 * feedback shares a thread with a customer complaint that opens a case, the case detail, its
 * thread and its drafts leave the employee message out, for every role that reads cases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseEngine } from "../src/cases/case-engine.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const SECRET_TEXT = "Vedoucí na nás každé ráno křičí a já už nemůžu spát";

describe.each(DATABASES)("cases and employee feedback on $name", (database) => {
  let store: Opened;
  let t: TestApp;

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
    expect((await t.post("/sources", { name: "desk", employee_feedback: true })).status).toBe(201);
    const now = Date.now();
    const messages = [
      {
        external_id: "c-1",
        text: "This is the third time my order is late. I want a refund now or I will post about you everywhere!",
        channel: "email",
        author: "ana",
        thread: "t-1",
        sent_at: now - 60_000,
      },
      {
        external_id: "e-1",
        text: SECRET_TEXT,
        channel: "internal",
        direction: "employee",
        author: { id: "emp-1", team: "Support" },
        thread: "t-1",
      },
    ];
    expect(await (await t.post("/messages/batch", { source: "desk", messages })).json()).toMatchObject({ accepted: 2, rejected: 0 });
    await new ReadingWorker(store, await sharedReader()).drain();
    const ids = (await store.db.selectFrom("messages").select("id").execute()).map((m) => m.id);
    await new CaseEngine({ store, timers: false }).triage(ids);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("opens the case on the complaint and shows its thread without the employee message", async () => {
    const cases = (await (await t.get("/cases")).json()) as any;
    expect(cases.items.length).toBe(1);
    for (const key of [t.adminKey, await t.key("agent"), await t.key("analyst")]) {
      const res = await t.get(`/cases/${cases.items[0].id}`, key);
      expect(res.status).toBe(200);
      const text = JSON.stringify(await res.json());
      expect(text).toContain("third time my order is late");
      expect(text).not.toContain(SECRET_TEXT);
    }
  });
});
