/**
 * The messages list filtered on the server by need, signal, team and survey answer (kind and
 * score range), alone and together, on SQLite and PostgreSQL; bad values get an `input.invalid…` code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const MESSAGES = [
  {
    external_id: "late",
    text: "My parcel is two weeks late and nobody answers. I want a refund now or I will cancel my account!",
    channel: "email",
    author: "ana",
    team: "north",
    sent_at: "2026-03-02T09:00:00Z",
    survey: { kind: "nps", score: 2 },
  },
  {
    external_id: "kind",
    text: "Thank you, the courier was quick and kind. Great service!",
    channel: "chat",
    author: "ben",
    team: "south",
    sent_at: "2026-03-03T09:00:00Z",
    survey: { kind: "nps", score: 10 },
  },
  {
    external_id: "csat",
    text: "The app is fine, it works.",
    channel: "chat",
    author: "cy",
    team: "south",
    sent_at: "2026-03-04T09:00:00Z",
    survey: { kind: "csat", score: 4 },
  },
  {
    external_id: "plain",
    text: "How do I change my delivery address?",
    channel: "chat",
    author: "dee",
    team: "north",
    sent_at: "2026-03-05T09:00:00Z",
  },
];

describe.each(DATABASES)("message filters on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  let teams: Record<string, number>;

  const ids = async (query: string): Promise<string[]> => {
    const res = await t.get(`/messages?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { items: { external_id: string }[] };
    return body.items.map((m) => m.external_id).sort();
  };

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store);
    const res = await t.post("/messages/batch", { source: "filters", messages: MESSAGES });
    expect(await res.json()).toMatchObject({ accepted: MESSAGES.length, rejected: 0 });
    await new ReadingWorker(store, await sharedReader()).drain();
    const list = (await (await t.get("/teams")).json()) as { items: { id: number; name: string }[] };
    teams = Object.fromEntries(list.items.map((x) => [x.name, x.id]));
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("filters by survey kind and score range", async () => {
    expect(await ids("survey=nps")).toEqual(["kind", "late"]);
    expect(await ids("survey=nps&survey_max=6")).toEqual(["late"]);
    expect(await ids("survey=nps&survey_min=9")).toEqual(["kind"]);
    expect(await ids("survey=csat,nps")).toEqual(["csat", "kind", "late"]);
    expect(await ids("survey_min=4&survey_max=4")).toEqual(["csat"]);
  });

  it("filters by team, alone and with other filters", async () => {
    expect(await ids(`team=${teams.north}`)).toEqual(["late", "plain"]);
    expect(await ids(`team=${teams.north},${teams.south}`)).toEqual(["csat", "kind", "late", "plain"]);
    expect(await ids(`team=${teams.south}&survey=nps`)).toEqual(["kind"]);
  });

  it("filters by need and signal from the Reading", async () => {
    const refund = await ids("need=refund_or_compensation");
    expect(refund).toContain("late");
    expect(refund).not.toContain("kind");
    const churn = await ids("signal=churn_threat");
    expect(churn).toEqual(["late"]);
    expect(await ids("signal=churn_threat&team=" + teams.south)).toEqual([]);
  });

  it("refuses unknown needs, signals, survey kinds and scores out of range", async () => {
    for (const q of ["need=pizza", "signal=x", "survey=stars", "survey_min=11", "survey_max=-1", "team=abc"]) {
      const res = await t.get(`/messages?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, q).toMatch(/^input\.invalid/);
    }
  });
});
