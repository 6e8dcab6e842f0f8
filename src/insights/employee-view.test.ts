import { describe, expect, it } from "vitest";
import type { EmployeeRow } from "../store/employee-releases.js";
import { employeeView } from "./employee-view.js";

const JAN = Date.UTC(2026, 0, 10);
const FEB = Date.UTC(2026, 1, 10);
const NOW = Date.UTC(2026, 5, 1);
const names = new Map([
  [1, "Warehouse"],
  [2, "Stores"],
  [3, "Drivers"],
  [4, "Office"],
]);

/** `n` respondents of a team in a month, one message each. */
function team(teamId: number | null, n: number, at = JAN, firstPerson = teamId === null ? 900 : teamId * 100): EmployeeRow[] {
  return Array.from({ length: n }, (_, i) => ({
    sentAt: at + i,
    teamId,
    personId: firstPerson + i,
    sentiment: i % 2 ? "negative" : "positive",
    sentimentScore: i % 2 ? -0.5 : 0.5,
    emotions: ["frustration"],
    causes: [{ label: "policy", polarity: "negative" }],
  }));
}

/** Every released respondent count, per month, whatever the view. */
function released(view: ReturnType<typeof employeeView>): number[] {
  return view.months.flatMap((m) => m.cells.map((c) => c.respondents));
}

describe("employeeView", () => {
  it("shows teams of at least 5 respondents", () => {
    const v = employeeView([...team(1, 6), ...team(2, 5)], { now: NOW, teamNames: names });
    expect(v.months).toHaveLength(1);
    expect(v.months[0]!.cells.map((c) => (c.team === "other" ? "other" : c.team.name))).toEqual(["Warehouse", "Stores"]);
    expect(v.months[0]!.cells[0]!.sentiment).toMatchObject({ positive: 3, negative: 3 });
    expect(v.months[0]!.cells[0]!.themes).toEqual([{ label: "policy", positive: 0, negative: 6 }]);
  });

  it("withholds a month with fewer than 5 respondents in all", () => {
    const v = employeeView(team(1, 4), { now: NOW, teamNames: names });
    expect(v.months[0]).toEqual({ month: "2026-01", suppressed: true, cells: [] });
  });

  it("counts people, not messages: 9 messages from 3 people stay hidden", () => {
    const rows = [...team(1, 3), ...team(1, 3, JAN + 100), ...team(1, 3, JAN + 200)];
    expect(employeeView(rows, { now: NOW, teamNames: names }).months[0]!.suppressed).toBe(true);
  });

  it("counts unknown authors as one respondent", () => {
    const rows = team(1, 2).concat(team(1, 6, JAN, 0).map((r) => ({ ...r, personId: null })));
    expect(employeeView(rows, { now: NOW, teamNames: names }).months[0]!.suppressed).toBe(true);
  });

  it("pools small teams, and adds the smallest shown team when the pool is under 5 (no differencing)", () => {
    // Warehouse 8, Stores 6, Drivers 2: showing Warehouse and Stores would reveal Drivers as total - shown.
    const v = employeeView([...team(1, 8), ...team(2, 6), ...team(3, 2)], { now: NOW, teamNames: names });
    const cells = v.months[0]!.cells;
    expect(cells.map((c) => (c.team === "other" ? "other" : c.team.name))).toEqual(["Warehouse", "other"]);
    expect(cells[1]!.pooledTeams).toEqual(["Drivers", "Stores"]);
    expect(cells[1]!.respondents).toBe(8);
  });

  it("never releases a group under 5 under any team filter, and filtering does not change a cell", () => {
    const rows = [...team(1, 8), ...team(2, 6), ...team(3, 2), ...team(4, 3), ...team(null, 1), ...team(1, 5, FEB), ...team(3, 4, FEB)];
    const all = employeeView(rows, { now: NOW, teamNames: names });
    const key = (c: { team: unknown; respondents: number; messages: number }) => JSON.stringify([c.team, c.respondents, c.messages]);
    const allCells = new Set(all.months.flatMap((m) => m.cells.map((c) => `${m.month}${key(c)}`)));
    const subsets: number[][] = [[1], [2], [3], [4], [1, 2], [2, 3], [1, 3, 4], [1, 2, 3, 4]];
    for (const teams of subsets) {
      const v = employeeView(rows, { now: NOW, teamNames: names, teams });
      for (const n of released(v)) expect(n).toBeGreaterThanOrEqual(5);
      for (const m of v.months) for (const c of m.cells) expect(allCells.has(`${m.month}${key(c)}`)).toBe(true);
    }
    // February: Warehouse 5 + Drivers 4 -> a pool of 4 would be revealed by difference; all pooled.
    const feb = all.months.find((m) => m.month === "2026-02")!;
    expect(feb.cells).toHaveLength(1);
    expect(feb.cells[0]!.team).toBe("other");
    expect(feb.cells[0]!.respondents).toBe(9);
  });

  it("does not release the month that is still running", () => {
    const v = employeeView(team(1, 6, Date.UTC(2026, 4, 20)), { now: Date.UTC(2026, 4, 28), teamNames: names });
    expect(v.months).toEqual([]);
  });
  it("counts workplace causes per respondent, inside the released cells only", () => {
    const rows = [...team(1, 6), ...team(2, 2)].map((r, i) => ({
      ...r,
      workplace: i < 6 ? [{ label: "workload_staffing", polarity: "negative" }] : [{ label: "pay", polarity: "negative" }],
    }));
    // Warehouse's first respondent writes twice more: still one voice.
    rows.push({ ...rows[0]!, sentAt: JAN + 50 }, { ...rows[0]!, sentAt: JAN + 51 });
    const v = employeeView(rows, { now: NOW, teamNames: names });
    const cells = v.months[0]!.cells;
    for (const c of cells) expect(c.respondents).toBeGreaterThanOrEqual(5);
    // Stores (2) never stand alone: its pay count is only in the pool with Warehouse.
    expect(cells.map((c) => (c.team === "other" ? "other" : c.team.name))).toEqual(["other"]);
    expect(cells[0]!.workplace).toEqual([
      { label: "workload_staffing", positive: 0, negative: 6 },
      { label: "pay", positive: 0, negative: 2 },
    ]);
  });
});
