/**
 * Employees are internal customers, seen in aggregate only (issue 11, items 6-8), on both
 * databases: no role reads one employee message or per-person employee data through any route;
 * an admin's export is the one per-person view, audited; invented respondents cannot unmask a
 * small team (the attack from the issue), because only trusted sources count, closed months take no
 * writes, and a released month never changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/cases/clock.js";
import { importFiles } from "../src/ingest/import-file.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const SECRET_TEXT = "Mein Chef schreit jeden Morgen und ich kann nicht mehr schlafen";
const JAN = (day: number) => `2026-01-${String(day).padStart(2, "0")}T09:00:00Z`;

/** `n` respondents of a team, one answer each, on January days from `day`. */
function team(name: string, n: number, text: string, day = 5) {
  return Array.from({ length: n }, (_, i) => ({
    external_id: `${name}-${i}`,
    text,
    channel: "survey",
    direction: "employee",
    author: { id: `${name}-person-${i}`, team: name },
    team: name,
    sent_at: JAN(day + (i % 10)),
  }));
}

/** Every released cell of January as "team:respondents:negative". */
function cellsOf(body: any): string[] {
  const jan = body.months.find((m: any) => m.month === "2026-01");
  return jan.cells.map(
    (c: any) => `${c.team === "other" ? `other(${c.pooled_teams.join("+")})` : c.team.name}:${c.respondents}:${c.sentiment.negative}`,
  );
}

describe.each(DATABASES)("employee privacy on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  const clock = new ManualClock(Date.parse("2026-01-25T12:00:00Z"));
  let surveyKey: string;
  let agentKey: string;
  let peopleKey: string;
  let analystKey: string;
  let deltaId: number;
  let leeId: number;
  let before: string[];

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store, { clock });
    surveyKey = await t.key("admin", ["messages:write", "employee:write"]);
    agentKey = await t.key("agent");
    peopleKey = await t.key("people_team");
    analystKey = await t.key("analyst");
    expect((await t.post("/sources", { name: "hr-survey", employee_feedback: true })).status).toBe(201);
    const messages = [
      ...team("Alpha", 6, "The new rota is fair and my lead is supportive. Thank you."),
      ...team("Bravo", 6, "Good training this month, I feel respected."),
      ...team("Charlie", 4, "The vans are unsafe and nobody fixes the brakes."),
      { ...team("Delta", 1, SECRET_TEXT)[0]!, text: `${SECRET_TEXT}. I am exhausted and angry.`, thread: "t-shared" },
      // An agent who also answers the staff survey: their score is employee data.
      {
        external_id: "lee-survey",
        text: "Too many tickets, not enough people.",
        channel: "survey",
        direction: "employee",
        author: "agent-lee",
        team: "Support",
        sent_at: JAN(21),
        survey: { kind: "nps", score: 3 },
      },
    ];
    // The agent is known as an agent first, from the customer thread.
    const customer = [
      {
        external_id: "c-1",
        text: "Where is my parcel? Two weeks now.",
        channel: "email",
        author: "ana",
        thread: "t-shared",
        sent_at: JAN(22),
      },
      {
        external_id: "a-1",
        text: "Dear Ana, sorry, it ships today.",
        channel: "email",
        author: "agent-lee",
        direction: "agent",
        thread: "t-shared",
        sent_at: JAN(23),
      },
    ];
    expect(await (await t.post("/messages/batch", { source: "hr-survey", messages: customer }, agentKey)).json()).toMatchObject({
      accepted: 2,
    });
    const res = await t.post("/messages/batch", { source: "hr-survey", messages }, surveyKey);
    expect(await res.json()).toMatchObject({ accepted: messages.length, rejected: 0 });
    await new ReadingWorker(store, await sharedReader()).drain();
    deltaId = (
      await store.db
        .selectFrom("people")
        .select("id")
        .where("kind", "=", "employee")
        .where("team_id", "=", (await store.db.selectFrom("teams").select("id").where("name", "=", "Delta").executeTakeFirstOrThrow()).id)
        .executeTakeFirstOrThrow()
    ).id;
    leeId = (await store.db.selectFrom("messages").select("person_id").where("external_id", "=", "a-1").executeTakeFirstOrThrow())
      .person_id!;
    clock.set(Date.parse("2026-02-03T09:00:00Z"));
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("lists, searches and shows no employee message to any role, by any filter", async () => {
    const delta = await store.db.selectFrom("messages").select(["id"]).where("person_id", "=", deltaId).executeTakeFirstOrThrow();
    for (const key of [t.adminKey, agentKey, peopleKey, analystKey]) {
      for (const path of [
        "/messages?limit=200",
        `/messages?person_id=${deltaId}`,
        "/messages?text=Chef%20schreit",
        "/messages?channel=survey",
        "/messages?from=2026-01-01&to=2026-02-01&limit=200",
      ]) {
        const page = (await (await t.get(path, key)).json()) as any;
        expect(
          page.items.filter((m: any) => m.direction === "employee"),
          path,
        ).toEqual([]);
      }
      expect(((await (await t.get("/messages?direction=employee", key)).json()) as any).error.code).toBe("input.invalid_value");
      expect((await t.get(`/messages/${delta.id}`, key)).status).toBe(404);
      // The thread of a customer message leaves out the employee message filed under the same key.
      const c1 = await store.db.selectFrom("messages").select("id").where("external_id", "=", "c-1").executeTakeFirstOrThrow();
      const shown = await t.get(`/messages/${c1.id}`, key);
      const body = JSON.stringify(await shown.json());
      expect(body).not.toContain(SECRET_TEXT);
    }
  });

  it("keeps employee records and employee survey scores out of people responses (item 7)", async () => {
    for (const key of [agentKey, peopleKey]) {
      const listed = (await (await t.get("/people?kind=employee", key)).json()) as any;
      expect(listed.items ?? []).toEqual([]);
      expect([403, 404]).toContain((await t.get(`/people/${deltaId}`, key)).status);
    }
    const lee = (await (await t.get(`/people/${leeId}`, agentKey)).json()) as any;
    expect(lee.surveys).toEqual([]);
    expect(lee.messages).toBe(1);
    const asAdmin = (await (await t.get(`/people/${leeId}`)).json()) as any;
    expect(asAdmin.surveys).toEqual([]);
    expect(JSON.stringify(asAdmin)).not.toContain("Too many tickets");
  });

  it("lets an admin export one employee's data, and audits it", async () => {
    expect((await t.get(`/people/${deltaId}/export`, peopleKey)).status).toBe(403);
    const res = await t.get(`/people/${deltaId}/export`);
    expect(res.status).toBe(200);
    const data = (await res.json()) as any;
    expect(data.messages.map((m: any) => m.text)).toEqual([`${SECRET_TEXT}. I am exhausted and angry.`]);
    expect(data.messages[0].reading.sentiment.label).toBeTruthy();
    const log = await store.db.selectFrom("audit_log").select(["action", "target_id"]).where("action", "=", "person.exported").execute();
    expect(log).toEqual([{ action: "person.exported", target_id: String(deltaId) }]);
  });

  it("keeps the text of a refused employee row out of the quarantine", async () => {
    const res = await t.post(
      "/messages/batch",
      { source: "hr-survey", messages: [{ external_id: "q-1", text: SECRET_TEXT, direction: "employee", author: "x", sent_at: JAN(2) }] },
      agentKey,
    );
    expect(await res.json()).toMatchObject({ rejected: 1, problems: [{ field: "direction", code: "auth.forbidden" }] });
    const rows = await store.db.selectFrom("quarantine").select(["raw", "code"]).where("code", "=", "auth.forbidden").execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.raw).toBeNull();
  });

  it("cannot be unmasked by back-dated invented respondents (the attack of item 8)", async () => {
    before = cellsOf(await (await t.get("/insights/employee?from_month=2026-01&to_month=2026-01", peopleKey)).json());
    // Delta (1) and Charlie (4) are pooled: Delta's one member is hidden in "other teams".
    expect(before).toEqual(["Alpha:6:0", "Bravo:6:0", "other(Charlie+Delta+Support):6:" + before[2]!.split(":")[2]]);
    const invented = (source: string, day: string) => ({
      source,
      messages: Array.from({ length: 4 }, (_, i) => ({
        external_id: `fake-${source}-${day}-${i}`,
        text: "All good here, very happy.",
        channel: "survey",
        direction: "employee",
        author: { id: `ghost-${i}`, team: "Delta" },
        team: "Delta",
        sent_at: day,
      })),
    });
    // A messages:write key cannot write employee feedback at all, into a trusted source or its own.
    const viaAgent = (await (await t.post("/messages/batch", invented("hr-survey", JAN(15)), agentKey)).json()) as any;
    expect(viaAgent).toMatchObject({ accepted: 0, rejected: 4 });
    expect(viaAgent.problems.every((p: any) => p.code === "auth.forbidden")).toBe(true);
    const ownSource = (await (await t.post("/messages/batch", invented("attacker", "2026-02-02T09:00:00Z"), surveyKey)).json()) as any;
    expect(ownSource.problems.map((p: any) => p.code)).toEqual(Array(4).fill("employee.untrusted_source"));
    // Even the survey tool's own key cannot write into the closed month.
    const closed = (await (await t.post("/messages/batch", invented("hr-survey", JAN(15)), surveyKey)).json()) as any;
    expect(closed.problems.map((p: any) => p.code)).toEqual(Array(4).fill("employee.period_closed"));
    const one = await t.req("POST", "/messages?source=hr-survey", { key: surveyKey, body: invented("hr-survey", JAN(16)).messages[0] });
    expect(one.status).toBe(409);
    expect(((await one.json()) as any).error.code).toBe("employee.period_closed");
    const ghosts = await store.db.selectFrom("messages").select("id").where("external_id", "like", "fake-%").execute();
    expect(ghosts).toEqual([]);
    // Had they got in some other way (the operator's back-fill), January is released and stays as it was.
    const dir = mkdtempSync(join(tmpdir(), "attune-ghosts-"));
    try {
      const file = join(dir, "ghosts.jsonl");
      writeFileSync(
        file,
        invented("x", JAN(17))
          .messages.map((m) => JSON.stringify(m))
          .join("\n"),
      );
      expect(await importFiles(store, [file], { source: "hr-survey", employeeBackfill: true })).toMatchObject({ accepted: 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await new ReadingWorker(store, await sharedReader()).drain();
    const after = cellsOf(await (await t.get("/insights/employee?from_month=2026-01&to_month=2026-01", peopleKey)).json());
    expect(after).toEqual(before);
    // Every team filter only picks released cells: no view isolates Delta.
    const teams = (await (await t.get("/teams", peopleKey)).json()) as any;
    for (const tm of teams.items) {
      const picked = (await (await t.get(`/insights/employee?from_month=2026-01&to_month=2026-01&team=${tm.id}`, peopleKey)).json()) as any;
      for (const c of picked.months[0]?.cells ?? []) expect(c.respondents).toBeGreaterThanOrEqual(5);
      expect(cellsOf(picked).every((c) => before.includes(c))).toBe(true);
    }
  });

  it("serves a released month unchanged after an erasure, and counts only trusted sources", async () => {
    const released = cellsOf(await (await t.get("/insights/employee?from_month=2026-01&to_month=2026-01", peopleKey)).json());
    expect((await t.req("DELETE", `/people/${deltaId}`)).status).toBe(204);
    expect(cellsOf(await (await t.get("/insights/employee?from_month=2026-01&to_month=2026-01", peopleKey)).json())).toEqual(released);
    // February: answers from a source whose trust is then withdrawn are not counted.
    clock.set(Date.parse("2026-02-10T09:00:00Z"));
    expect((await t.post("/sources", { name: "pulse", employee_feedback: true })).status).toBe(201);
    const feb = Array.from({ length: 6 }, (_, i) => ({
      external_id: `p-${i}`,
      text: "Fine.",
      channel: "survey",
      direction: "employee",
      author: { id: `p-${i}`, team: "Alpha" },
      team: "Alpha",
      sent_at: `2026-02-0${i + 2}T09:00:00Z`,
    }));
    expect(await (await t.post("/messages/batch", { source: "pulse", messages: feb }, surveyKey)).json()).toMatchObject({ accepted: 6 });
    await new ReadingWorker(store, await sharedReader()).drain();
    expect((await t.post("/sources", { name: "pulse", employee_feedback: false })).status).toBe(201);
    clock.set(Date.parse("2026-03-02T09:00:00Z"));
    const view = (await (await t.get("/insights/employee?from_month=2026-02&to_month=2026-02", peopleKey)).json()) as any;
    expect(view.months).toEqual([]);
  });
});
