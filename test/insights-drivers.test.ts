import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompiledQuery } from "kysely";
import { seededRandom } from "../src/core/seeded-random.js";
import {
  answersByCauseSet,
  causeSetQuery,
  orderedPass,
  scoreCountsQuery,
  surveyScoreCounts,
  type InsightFilter,
} from "../src/store/insights-surveys.js";
import { DATABASES } from "./helpers/databases.js";
import { seedSurveyAnswers, type SeedRow } from "./helpers/survey-seed.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 2); // a Monday

/**
 * 600 NPS answers over 20 days: billing complaints pull NPS down, kind staff push it up, slow
 * delivery does nothing, a rare cause appears 10 times; plus CSAT answers and employee answers
 * (never counted).
 */
function rows(): SeedRow[] {
  const next = seededRandom(15);
  const pick = (pPro: number, pDet: number) => {
    const u = next();
    return u < pPro ? 9 + Math.floor(next() * 2) : u < pPro + pDet ? Math.floor(next() * 7) : 7 + Math.floor(next() * 2);
  };
  const out: SeedRow[] = [];
  for (let i = 0; i < 600; i++) {
    const billing = i % 3 === 0;
    const kind = i % 4 === 1;
    const causes: SeedRow["causes"] = [];
    if (billing) causes.push({ label: "price_or_billing", polarity: "negative" });
    if (kind) causes.push({ label: "staff_treatment", polarity: "positive" });
    if (i % 5 === 2) causes.push({ label: "delivery_or_wait", polarity: "negative" });
    if (i % 60 === 7) causes.push({ label: "security_and_trust", polarity: "negative" });
    const [pPro, pDet] = billing && !kind ? [0.1, 0.7] : kind && !billing ? [0.75, 0.05] : [0.35, 0.3];
    out.push({
      input: {
        external_id: `nps-${i}`,
        text: `answer ${i}`,
        channel: i % 2 ? "email" : "chat",
        author: `customer-${i}`,
        direction: "customer",
        sent_at: START + (i % 20) * DAY + 3_600_000,
        survey: { kind: "nps", score: pick(pPro, pDet) },
      },
      causes,
    });
  }
  for (let i = 0; i < 40; i++)
    out.push({
      input: {
        external_id: `csat-${i}`,
        text: `csat ${i}`,
        channel: "chat",
        author: `c-${i}`,
        sent_at: START + (i % 10) * DAY,
        survey: { kind: "csat", score: i % 4 ? 5 : 2 },
      },
      causes: [],
    });
  for (let i = 0; i < 30; i++)
    out.push({
      input: {
        external_id: `emp-${i}`,
        text: `emp ${i}`,
        channel: "survey",
        author: `employee-${i}`,
        direction: "employee",
        sent_at: START + DAY,
        survey: { kind: "nps", score: 0 },
      },
      causes: [{ label: "price_or_billing", polarity: "negative" }],
    });
  return out;
}

describe.each(DATABASES)("insights drivers and scores on $name", (database) => {
  let store: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let analyst: string;

  beforeAll(async () => {
    store = await database.open();
    await seedSurveyAnswers(store, rows());
    t = await testApp(store);
    analyst = await t.key("analyst");
  }, 120_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  it("finds the cause that lowers NPS and the one that raises it, both with intervals that exclude 0", async () => {
    const res = await t.get(`/insights/drivers?metric=nps&from=2026-03-01&to=2026-04-01`, analyst);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      n: number;
      mean: number;
      left_out: number;
      drivers: { cause: string; polarity: string; n: number; effect: number; ci_low: number; ci_high: number }[];
    };
    expect(body.n).toBe(600); // employee answers never count
    expect(body.left_out).toBe(1); // security_and_trust: 10 answers
    const byKey = new Map(body.drivers.map((d) => [`${d.cause}:${d.polarity}`, d]));
    const billing = byKey.get("price_or_billing:negative")!;
    const kind = byKey.get("staff_treatment:positive")!;
    expect(billing.n).toBe(200);
    expect(billing.ci_high).toBeLessThan(0);
    expect(kind.ci_low).toBeGreaterThan(0);
    const delivery = byKey.get("delivery_or_wait:negative")!;
    expect(delivery.ci_low).toBeLessThan(0);
    expect(delivery.ci_high).toBeGreaterThan(0);
    expect(body.drivers.map((d) => Math.abs(d.effect))).toEqual([...body.drivers.map((d) => Math.abs(d.effect))].sort((a, b) => b - a));
  });

  it("takes the overview's filters, and CSAT drivers count CSAT answers only", async () => {
    const chat = (await (await t.get(`/insights/drivers?metric=nps&channel=chat`, analyst)).json()) as { n: number };
    expect(chat.n).toBe(300);
    const csat = (await (await t.get(`/insights/drivers?metric=csat`, analyst)).json()) as { n: number; mean: number };
    expect(csat).toMatchObject({ n: 40, mean: 75 });
  });

  it("scores per week with intervals, and the overview compares with the window before", async () => {
    const sRes = await t.get(`/insights/scores?by=week&from=2026-03-02&to=2026-03-23`, analyst);
    expect(sRes.status, await sRes.clone().text()).toBe(200);
    const s = (await sRes.json()) as {
      total: { nps: { n: number }; csat: { n: number; value: number } };
      items: { key: string; nps: { n: number; ci_low: number; value: number; ci_high: number } }[];
    };
    expect(s.items.map((i) => i.key)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(s.items.reduce((a, i) => a + i.nps.n, 0)).toBe(s.total.nps.n);
    expect(s.total.nps.n).toBe(600);
    expect(s.total.csat).toMatchObject({ n: 40, value: 75 });
    for (const i of s.items) expect(i.nps.ci_low).toBeLessThan(i.nps.value);

    const o = (await (await t.get(`/insights/overview?from=2026-03-12&to=2026-03-22`, analyst)).json()) as {
      scores: { nps: { n: number } };
      previous: { window: { from: string; to: string }; total: number; scores: { nps: { n: number } } };
    };
    expect(o.previous.window).toEqual({ from: "2026-03-02T00:00:00.000Z", to: "2026-03-12T00:00:00.000Z" });
    expect(o.scores.nps.n).toBe(300);
    expect(o.previous.scores.nps.n).toBe(300);
    expect(o.previous.total).toBe(340);
  });

  it("counts the same by time (a short window) and in index order (a long one), and sorts no answers for a long one", async () => {
    const short: InsightFilter = { workspaceId: store.workspaceId, from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
    const long: InsightFilter = { workspaceId: store.workspaceId, from: Date.UTC(2025, 11, 1), to: Date.UTC(2026, 5, 1) };
    expect([orderedPass(short), orderedPass(long)]).toEqual([false, true]);
    const order = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const by of [null, "day", "week", "channel", "team", "language"] as const) {
      const a = await surveyScoreCounts(store, short, by);
      expect(a.length).toBeGreaterThan(0);
      expect(order(await surveyScoreCounts(store, long, by))).toEqual(order(a));
    }
    for (const kind of ["nps", "csat"] as const) {
      const a = await answersByCauseSet(store, short, kind);
      expect(order(await answersByCauseSet(store, long, kind))).toEqual(order(a));
    }
    // The plan: one pass along the named index, no sort of the window's answers (SQLite says
    // "USE TEMP B-TREE" when it sorts; PostgreSQL's planner chooses freely, so only SQLite is held to it).
    if (store.dialect !== "sqlite") return;
    const plans = [
      scoreCountsQuery(store, long, null),
      scoreCountsQuery(store, long, "day"),
      scoreCountsQuery(store, long, "week"),
      causeSetQuery(store, long, "nps"),
      scoreCountsQuery(store, short, null),
      causeSetQuery(store, short, "nps"),
    ].map(async (q) => {
      const c = q.compile();
      const rows = (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${c.sql}`, [...c.parameters])))
        .rows;
      return rows.map((r) => r.detail).join("; ");
    });
    const [window, day, week, causes, shortWindow, shortCauses] = await Promise.all(plans);
    for (const p of [window, day, week]) expect(p).toMatch(/COVERING INDEX survey_facts_scores/);
    expect(causes).toMatch(/COVERING INDEX survey_facts_causes/);
    for (const p of [window, day, week, causes]) expect(p).not.toMatch(/TEMP B-TREE/);
    // A short window reads only its own answers, by time (and sorts those few).
    for (const p of [shortWindow, shortCauses]) expect(p).toMatch(/COVERING INDEX survey_facts_scan \(.*sent_at>\? AND sent_at<\?\)/);
  });

  it("is for roles that read insights", async () => {
    const agent = await t.key("agent");
    expect((await t.get(`/insights/drivers?metric=nps`, agent)).status).toBe(403);
    expect((await t.get(`/insights/drivers?metric=eNPS`, analyst)).status).toBe(400);
  });
});
