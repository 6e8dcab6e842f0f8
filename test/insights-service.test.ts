import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/cases/clock.js";
import { insertClocks } from "../src/store/case-clocks.js";
import { addCaseEvents } from "../src/store/case-history.js";
import { findCase, insertCase } from "../src/store/cases.js";
import { backfillReopens } from "../src/store/migrations/018-case-reopens.js";
import type { CaseRow, ClockRow } from "../src/store/schema.js";
import { upsertTeams } from "../src/store/teams.js";
import { DATABASES } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

/** March 2026 at a UTC hour; the 2nd is a Monday. The default calendar works Mon-Fri 09:00-17:00 UTC. */
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour, minute);

interface Spec {
  opened: number;
  priority: number;
  team: "Billing" | "Returns";
  channel: "email" | "chat";
  /** When the first reply went out. */
  fr: number;
  /** When it was resolved; null: still open. */
  res: number | null;
  pauses?: { from: number; to: number }[];
  reopened?: boolean;
  recovered?: number | null;
}

/**
 * Priority 1 (targets 60 / 480 min): first responses 10, 20, 30, 40 and 90 business minutes (the
 * last over a weekend: Fri 16:00 to Mon 09:30), resolutions 120, 240, 470, two still open and late.
 * Priority 2 (targets 120 / 960): first responses 60, 150, 90; resolutions 120 (a pause from Mon
 * 11:00 to Tue 09:00 excluded), 300, 400; one reopened.
 */
const SPECS: Spec[] = [
  { opened: at(2, 9), priority: 1, team: "Billing", channel: "email", fr: at(2, 9, 10), res: at(2, 11), recovered: 1 },
  { opened: at(3, 9), priority: 1, team: "Billing", channel: "email", fr: at(3, 9, 20), res: at(3, 13) },
  { opened: at(4, 9), priority: 1, team: "Returns", channel: "chat", fr: at(4, 9, 30), res: at(4, 16, 50) },
  { opened: at(5, 9), priority: 1, team: "Returns", channel: "chat", fr: at(5, 9, 40), res: null },
  { opened: at(6, 16), priority: 1, team: "Billing", channel: "chat", fr: at(9, 9, 30), res: null },
  {
    opened: at(2, 10),
    priority: 2,
    team: "Billing",
    channel: "email",
    fr: at(2, 11),
    res: at(3, 10),
    pauses: [{ from: at(2, 11), to: at(3, 9) }],
  },
  { opened: at(3, 10), priority: 2, team: "Returns", channel: "email", fr: at(3, 12, 30), res: at(3, 15), reopened: true, recovered: 1 },
  { opened: at(4, 10), priority: 2, team: "Returns", channel: "chat", fr: at(4, 11, 30), res: at(4, 16, 40), recovered: 0 },
];
const TARGETS: Record<number, [number, number]> = { 1: [60, 480], 2: [120, 960] };

/** A case row as the spec describes it (`reopens` as the case's writers count it). */
function caseRow(workspaceId: number, teams: Map<string, number>, s: Spec): Omit<CaseRow, "id"> {
  return {
    ...{ workspace_id: workspaceId, thread_id: null, person_id: null, origin_message_id: null, last_customer_message_id: null },
    ...{ channel: s.channel, is_public: 0, team_id: teams.get(s.team)!, assignee_user_id: null },
    ...{ status: s.res === null ? "open" : "resolved", active: s.res === null ? 1 : 0, priority: s.priority, priority_score: 0 },
    ...{ priority_explanation: "[]", reasons: "[]", cause: null, emotion: null, language: "en", customer_value: null, contacts: 1 },
    ...{ waiting_since: null, open_sentiment: -0.5, opened_at: s.opened, updated_at: s.opened, first_response_at: s.fr },
    ...{ resolved_at: s.res, closed_at: null, sort_due: 0, next_check_at: null, breached: 0 },
    ...{ follow_up_at: null, follow_up_fired_at: null, follow_up_done_at: null },
    ...{ recovered: s.recovered ?? null, recovery_message_id: null, recovery_checked_at: null, reopens: s.reopened ? 1 : 0 },
  };
}

async function seed(store: Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>): Promise<Map<string, number>> {
  const teams = await upsertTeams(store.db, store.workspaceId, ["Billing", "Returns"]);
  const all: Spec[] = [
    ...SPECS,
    { opened: Date.UTC(2026, 1, 20, 9), priority: 2, team: "Billing", channel: "email", fr: Date.UTC(2026, 1, 20, 10), res: null },
  ];
  for (const s of all) {
    const id = await insertCase(store.db, caseRow(store.workspaceId, teams, s));
    const clock = (kind: ClockRow["kind"], target: number, stop: number | null, pauses: Spec["pauses"] = []): ClockRow => ({
      ...{ case_id: id, kind, target_minutes: target, started_at: s.opened, stopped_at: stop, pauses: JSON.stringify(pauses) },
      ...{ due_at: null, warn_at: null, warned_at: null, breached_at: null },
    });
    const [frTarget, resTarget] = TARGETS[s.priority]!;
    await insertClocks(store.db, [clock("first_response", frTarget, s.fr), clock("resolution", resTarget, s.res, s.pauses)]);
    const status = (from: string, to: string) => ({
      case_id: id,
      at: s.opened,
      kind: "status",
      actor_kind: "system",
      actor_id: null,
      details: JSON.stringify({ from, to }),
    });
    await addCaseEvents(store.db, [status("open", "resolved"), ...(s.reopened ? [status("resolved", "open")] : [])]);
  }
  return teams;
}

type Figures = {
  cases: number;
  first_response: { n: number; median: number; p90: number; sla_met: number };
  resolution: { n: number; median: number; p90: number; sla_met: number };
  reopen_rate: number | null;
  recovery_rate: number | null;
};
type Body = { total: Figures; items: (Figures & { key: string; name?: string })[]; backlog: { day: string; open: number }[] | null };

describe.each(DATABASES)("service insights on $name", (database) => {
  let store: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let analyst: string;
  let teams: Map<string, number>;

  beforeAll(async () => {
    store = await database.open();
    teams = await seed(store);
    t = await testApp(store, { clock: new ManualClock(at(20, 12)) });
    analyst = await t.key("analyst");
  }, 120_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  const get = async (query: string): Promise<Body> => {
    const res = await t.get(`/insights/service?${query}`, analyst);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Body;
  };

  it("gives median and p90 in business minutes and SLA shares per priority", async () => {
    const b = await get("by=priority&from=2026-03-02&to=2026-03-09");
    expect(b.total.cases).toBe(8); // the February case is outside the window
    const [p1, p2] = [b.items.find((i) => i.key === "1")!, b.items.find((i) => i.key === "2")!];
    expect(p1.first_response).toEqual({ n: 5, median: 30, p90: 70, sla_met: 0.8 });
    // Two running resolution clocks are late by now: judged, not met.
    expect(p1.resolution).toEqual({ n: 3, median: 240, p90: 424, sla_met: 0.6 });
    expect(p2.first_response).toEqual({ n: 3, median: 90, p90: 138, sla_met: 0.667 });
    // The pause (waiting on the customer overnight) is not counted: 120, not 480.
    expect(p2.resolution).toEqual({ n: 3, median: 300, p90: 380, sla_met: 1 });
    expect(p2).toMatchObject({ reopen_rate: 0.333, recovery_rate: 0.5 });
    expect(b.total).toMatchObject({ reopen_rate: 0.167, recovery_rate: 0.667 });
  });

  it("counts the backlog at the end of each day, the older case included", async () => {
    const b = await get("from=2026-03-02&to=2026-03-09");
    expect(b.backlog).toEqual([2, 1, 1, 2, 3, 3, 3].map((open, i) => ({ day: `2026-03-0${i + 2}`, open })));
    expect((await get("")).backlog).toBeNull();
  });

  it("groups by team and channel and takes the overview's filters", async () => {
    const byTeam = await get("by=team&from=2026-03-02&to=2026-03-09");
    expect(byTeam.items.map((i) => [i.name, i.cases])).toEqual([
      ["Billing", 4],
      ["Returns", 4],
    ]);
    const chat = await get(`by=channel&from=2026-03-02&to=2026-03-09&channel=chat`);
    expect(chat.items.map((i) => [i.key, i.cases])).toEqual([["chat", 4]]);
    const returns = await get(`from=2026-03-02&to=2026-03-09&team=${teams.get("Returns")}`);
    expect(returns.total.cases).toBe(4);
    expect(returns.total.first_response.median).toBe(65); // 30, 40, 150, 90
  });

  it("counts a reopen when a resolved case goes back into work, not when it is closed", async () => {
    // A case of the week after: resolved, reopened by an agent, resolved again, closed.
    const s: Spec = { opened: at(16, 9), priority: 2, team: "Billing", channel: "chat", fr: at(16, 9, 5), res: at(16, 10) };
    const id = await insertCase(store.db, caseRow(store.workspaceId, teams, s));
    const clock = (kind: ClockRow["kind"], stop: number): ClockRow => ({
      ...{ case_id: id, kind, target_minutes: 960, started_at: s.opened, stopped_at: stop, pauses: "[]" },
      ...{ due_at: null, warn_at: null, warned_at: null, breached_at: null },
    });
    await insertClocks(store.db, [clock("first_response", s.fr), clock("resolution", s.res!)]);
    const week = "from=2026-03-16&to=2026-03-23";
    expect((await get(week)).total).toMatchObject({ cases: 1, resolved: 1, reopened: 0, reopen_rate: 0 });
    for (const to of ["open", "resolved", "closed"]) {
      const res = await t.req("POST", `/cases/${id}/transitions`, { body: { to } });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    expect((await findCase(store.db, store.workspaceId, id))?.reopens).toBe(1);
    expect((await get(week)).total).toMatchObject({ cases: 1, resolved: 1, reopened: 1, reopen_rate: 1 });
  });

  it("counts the reopens stored before migration 018 from the status events' JSON, however it is spelled", async () => {
    const s: Spec = { opened: at(17, 9), priority: 2, team: "Returns", channel: "email", fr: at(17, 9, 5), res: at(17, 10) };
    const id = await insertCase(store.db, caseRow(store.workspaceId, teams, s));
    const event = (details: string) => ({ case_id: id, at: s.opened, kind: "status", actor_kind: "system", actor_id: null, details });
    await addCaseEvents(store.db, [
      event(JSON.stringify({ from: "resolved", to: "open" }, null, 1)), // spaced: a text match for "from":"resolved" misses it
      event(JSON.stringify({ to: "open", by: "customer_message", from: "resolved" })),
      event(JSON.stringify({ from: "resolved", to: "closed" })), // a close: the text match counted it as a reopen
      event("not json"),
    ]);
    await backfillReopens(store.db);
    expect((await findCase(store.db, store.workspaceId, id))?.reopens).toBe(2);
  });

  it("is for roles that read insights and refuses unknown groupings", async () => {
    expect((await t.get(`/insights/service`, await t.key("agent"))).status).toBe(403);
    expect((await t.get(`/insights/service?by=language`, analyst)).status).toBe(400);
  });
});
