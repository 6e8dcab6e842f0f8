import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/cases/clock.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { DATABASES } from "./helpers/databases.js";
import { employees } from "./helpers/employee-feedback.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const CUSTOMERS = [
  {
    external_id: "c-1",
    text: "My parcel is two weeks late and nobody answers. I want a refund now!",
    channel: "email",
    author: "ana",
    team: "support-a",
    sent_at: "2026-03-02T09:00:00Z",
  },
  {
    external_id: "c-2",
    text: "Thank you, the courier was quick and kind. Great service!",
    channel: "chat",
    author: "ben",
    team: "support-b",
    sent_at: "2026-03-03T09:00:00Z",
  },
  {
    external_id: "c-3",
    text: "สั่งของไปสามวันแล้วยังไม่ได้เลยค่ะ แย่มาก",
    channel: "chat",
    author: "somchai",
    team: "support-a",
    sent_at: "2026-03-03T10:00:00Z",
    language: "th",
  },
];

describe.each(DATABASES)("dashboard API on $name", (database) => {
  let store: Opened;
  let t: TestApp;

  // January is the open period while the feedback arrives, and closed when it is viewed.
  const clock = new ManualClock(Date.parse("2026-01-20T12:00:00Z"));

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store, { clock });
    expect((await t.post("/sources", { name: "dash", employee_feedback: true })).status).toBe(201);
    const messages = [
      ...CUSTOMERS,
      ...employees("warehouse", 7, "My manager never listens and the rota changes every week. I am exhausted."),
      ...employees("stores", 5, "The new rota is fair and my team lead is supportive. Thank you."),
      ...employees("drivers", 2, "The vans are unsafe and nobody fixes the brakes. I am scared."),
    ];
    const res = await t.post("/messages/batch", { source: "dash", messages });
    expect(await res.json()).toMatchObject({ accepted: messages.length, rejected: 0 });
    await new ReadingWorker(store, await sharedReader()).drain();
    clock.set(Date.parse("2026-02-02T09:00:00Z"));
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("answers the overview with every chart's data, filtered by team", async () => {
    const all = (await (await t.get("/insights/overview?from=2026-03-01&to=2026-04-01")).json()) as any;
    expect(all.total).toBe(3);
    expect(all.days.map((d: any) => d.day)).toEqual(["2026-03-02", "2026-03-03"]);
    expect(all.urgency.reduce((s: number, b: any) => s + b.count, 0)).toBe(3);
    expect(all.causes.length).toBeGreaterThan(0);
    const teams = (await (await t.get("/teams")).json()) as any;
    const a = teams.items.find((x: any) => x.name === "support-a").id;
    const onlyA = (await (await t.get(`/insights/overview?from=2026-03-01&to=2026-04-01&team=${a}`)).json()) as any;
    expect(onlyA.total).toBe(2);
    for (const c of onlyA.causes) expect(all.causes.some((x: any) => x.cause === c.cause && x.count >= c.count)).toBe(true);
    // `days` anchors the window on the newest message: one request for the dashboard's first view.
    const recent = (await (await t.get("/insights/overview?days=1&direction=customer")).json()) as any;
    expect(recent.window).toEqual({ from: "2026-03-03T00:00:00.000Z", to: "2026-03-04T00:00:00.000Z" });
    expect(recent.total).toBe(2);
    const bad = await t.get("/insights/overview?team=abc");
    expect(bad.status).toBe(400);
  });

  it("shows the case rules in force to case readers only", async () => {
    const rules = (await (await t.get("/case-rules")).json()) as any;
    expect(Object.keys(rules.sla).sort()).toEqual(["1", "2", "3", "4"]);
    expect(rules.sla["1"].default.firstResponseMinutes).toBeGreaterThan(0);
    expect((await t.get("/case-rules", await t.key("people_team"))).status).toBe(403);
  });

  it("keeps employee feedback out of the overview for roles without employee:read", async () => {
    const analyst = await t.key("analyst");
    const o = (await (await t.get("/insights/overview?from=2026-01-01&to=2026-02-01", analyst)).json()) as any;
    expect(o.total).toBe(0);
    expect((await t.get("/insights/employee", analyst)).status).toBe(403);
    // people_team too: a team-filtered overview of employee feedback would skip the k >= 5 rule.
    const people = await t.key("people_team");
    const refused = (await (await t.get("/insights/overview?direction=employee&team=1", people)).json()) as any;
    expect(refused.error.code).toBe("input.invalid_value");
  });

  it("releases employee groups of 5 or more only, pooling small teams so no difference reveals them", async () => {
    const people = await t.key("people_team");
    const res = await t.get("/insights/employee?from_month=2026-01&to_month=2026-02", people);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.k).toBe(5);
    const jan = body.months.find((m: any) => m.month === "2026-01");
    // Warehouse 7, Stores 5, Drivers 2: Drivers alone would be total minus the rest, so Stores joins the pool.
    const names = jan.cells.map((c: any) => (c.team === "other" ? "other" : c.team.name));
    expect(names).toEqual(["warehouse", "other"]);
    expect(jan.cells[1].pooled_teams).toEqual(["drivers", "stores"]);
    for (const c of jan.cells) expect(c.respondents).toBeGreaterThanOrEqual(5);
    const teams = (await (await t.get("/teams", people)).json()) as any;
    for (const team of teams.items) {
      const one = (await (await t.get(`/insights/employee?from_month=2026-01&to_month=2026-01&team=${team.id}`, people)).json()) as any;
      for (const m of one.months) for (const c of m.cells) expect(c.respondents).toBeGreaterThanOrEqual(5);
    }
    expect((await t.get("/insights/employee?language=th", people)).status).toBe(400);
    expect((await t.get("/insights/employee?from_month=2020-01&to_month=2026-01", people)).status).toBe(400);
  });
});

describe("dashboard static files", () => {
  let dir: string;
  let t: TestApp;
  let store: Opened;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "attune-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>attune</title>");
    writeFileSync(join(dir, "assets", "app-1.js"), "console.log(1)");
    store = await DATABASES[0]!.open();
    t = await testApp(store, { webDir: dir });
  });
  afterAll(async () => {
    await store?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the app at / with a strict CSP, assets cached, and nothing outside its folder", async () => {
    const res = await t.app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy")!;
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-inline");
    const js = await t.app.request("/assets/app-1.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(js.headers.get("cache-control")).toContain("immutable");
    for (const p of ["/../package.json", "/%2e%2e/package.json", "/assets/%2e%2e%2f%2e%2e%2fpackage.json", "/%00", "/nope.js"]) {
      expect((await t.app.request(p)).status).toBe(404);
    }
    // The API keeps its own answers.
    expect((await t.app.request("/api/v1/nope")).status).toBe(404);
    expect(((await (await t.app.request("/api/v1/health")).json()) as any).status).toBe("ok");
  });
});
