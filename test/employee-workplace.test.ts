/**
 * The people team's view of workplace causes (issue 12 item 8), on both databases: respondents per
 * workplace cause, counted once per person however often they wrote, only inside released cells of
 * at least k respondents; a small team's cause is seen only pooled with others.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/cases/clock.js";
import { MIN_GROUP } from "../src/insights/employee-view.js";
import { ReadingWorker } from "../src/pipeline/reading-worker.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader, testApp, type TestApp } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const MAR = (day: number) => `2026-03-${String(day).padStart(2, "0")}T09:00:00Z`;

/** Staffing complaints in all five languages (Alpha), pay complaints (Bravo), tools (Charlie, 2 people). */
const STAFFING = [
  "We're understaffed on the late shift again, please hire two more people",
  "Na ranní směně jsme v podstavu, potřebujeme přijmout aspoň dva lidi",
  "กะเช้าคนไม่พออีกแล้ว ขอรับคนเพิ่มสองคนได้ไหมคะ",
  "మార్నింగ్ షిఫ్ట్‌లో స్టాఫ్ తక్కువ, ఇంకొకరిని తీసుకోగలరా?",
  "kulang kami ng tao sa morning shift, pwede po bang mag-hire ng dalawa pa?",
  "Too many tickets, not enough people, we are burnt out",
];
const PAY = [
  "Three years without a raise and my salary is still the same as the new starters'",
  "Tři roky bez přidání a plat pořád stejný jako mají nováčci",
  "สามปีแล้วไม่ได้ขึ้นเงินเดือนเลย เงินเดือนเท่ากับเด็กใหม่",
  "tatlong taon na walang umento, parehong sweldo pa rin kami ng mga bago",
  "Still underpaid after the review, the pay rise never came",
];
const TOOLS = ["The ticket system crashes every morning", "Ten nový systém pořád padá"];

function answers(team: string, texts: string[], day = 3) {
  return texts.map((text, i) => ({
    external_id: `${team}-${i}`,
    text,
    channel: "survey",
    direction: "employee",
    author: { id: `${team}-person-${i}`, team },
    team,
    sent_at: MAR(day + i),
  }));
}

/** Each cell as "team:respondents" with its workplace counts as "label-N"/"label+N". */
function cellsOf(body: any): { name: string; respondents: number; workplace: string[] }[] {
  const month = body.months.find((m: any) => m.month === "2026-03");
  return month.cells.map((c: any) => ({
    name: c.team === "other" ? `other(${c.pooled_teams.join("+")})` : c.team.name,
    respondents: c.respondents,
    workplace: (c.workplace ?? []).flatMap((w: any) => [
      ...(w.negative ? [`${w.label}-${w.negative}`] : []),
      ...(w.positive ? [`${w.label}+${w.positive}`] : []),
    ]),
  }));
}

describe.each(DATABASES)("workplace causes in the employee view on $name", (database) => {
  let store: Opened;
  let t: TestApp;
  const clock = new ManualClock(Date.parse("2026-03-20T12:00:00Z"));
  let peopleKey: string;

  beforeAll(async () => {
    store = await database.open();
    t = await testApp(store, { clock });
    const surveyKey = await t.key("admin", ["messages:write", "employee:write"]);
    peopleKey = await t.key("people_team");
    expect((await t.post("/sources", { name: "pulse", employee_feedback: true })).status).toBe(201);
    // Alpha's first respondent writes three times: still one voice.
    const repeats = [1, 2].map((n) => ({ ...answers("Alpha", [STAFFING[0]!], 10 + n)[0]!, external_id: `Alpha-again-${n}` }));
    const messages = [...answers("Alpha", STAFFING), ...repeats, ...answers("Bravo", PAY), ...answers("Charlie", TOOLS)];
    const res = await t.post("/messages/batch", { source: "pulse", messages }, surveyKey);
    expect(await res.json()).toMatchObject({ accepted: messages.length, rejected: 0 });
    await new ReadingWorker(store, await sharedReader()).drain();
    clock.set(Date.parse("2026-04-02T09:00:00Z"));
  }, 120_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  it("counts respondents per workplace cause, once per person, in cells of at least k", async () => {
    const body = (await (await t.get("/insights/employee?from_month=2026-03&to_month=2026-03", peopleKey)).json()) as any;
    const cells = cellsOf(body);
    for (const c of cells) expect(c.respondents).toBeGreaterThanOrEqual(MIN_GROUP);
    const alpha = cells.find((c) => c.name === "Alpha")!;
    expect(alpha.respondents).toBe(6);
    expect(alpha.workplace).toContain("workload_staffing-6");
    // Charlie (2 respondents) never stands alone: its tools problem is seen only in the pool.
    expect(cells.some((c) => c.name === "Charlie")).toBe(false);
    const pool = cells.find((c) => c.name.startsWith("other("))!;
    expect(pool.name).toContain("Charlie");
    expect(pool.respondents).toBeGreaterThanOrEqual(MIN_GROUP);
    expect(pool.workplace).toContain("pay-5");
    expect(pool.workplace).toContain("tools-2");
  });

  it("releases no workplace count outside the cells, for any team filter", async () => {
    const teams = (await (await t.get("/teams", peopleKey)).json()) as any;
    for (const tm of teams.items) {
      const picked = (await (await t.get(`/insights/employee?from_month=2026-03&to_month=2026-03&team=${tm.id}`, peopleKey)).json()) as any;
      for (const c of cellsOf(picked)) expect(c.respondents).toBeGreaterThanOrEqual(MIN_GROUP);
    }
  });
});
