/**
 * Service metrics for a window: first response and resolution time (median, p90, in business minutes
 * of the case's team calendar, pauses while waiting on the customer excluded), SLA met share, reopen
 * and recovery rates, in total and per priority, team or channel; and the backlog per day.
 *
 * @example
 * const m = await serviceMetrics(store, rules, { workspaceId: 1, from, to }, "priority", now);
 * m.total.first_response.median; // business minutes
 */
import { calendarFor, historyOf } from "../cases/case-clocks.js";
import type { CaseRules } from "../cases/case-rules.js";
import { readClock } from "../cases/sla-clock.js";
import { loadClocks } from "../store/case-clocks.js";
import type { InsightFilter } from "../store/insights-surveys.js";
import type { Store } from "../store/open-store.js";
import type { ClockKind, ClockRow } from "../store/schema.js";
import { backlogSpans, serviceCases, type ServiceCaseRow } from "../store/service-metrics.js";
import { backlogPerDay, durationStat, share, type DurationStat } from "./service-stats.js";

const DAY = 86_400_000;
/** The backlog is drawn per day for windows up to a year; longer or open windows get none. */
export const MAX_BACKLOG_DAYS = 366;

export type ServiceBy = "priority" | "team" | "channel";

/** A clock's SLA: met (stopped in target), breached (late, stopped or not), open (running in target). */
interface ClockFact {
  kind: ClockKind;
  /** Business minutes to the stop; null while running. */
  minutes: number | null;
  breached: boolean;
}

/** One group's figures. */
export interface ServiceFigures {
  cases: number;
  first_response: DurationStat & { sla_met: number | null };
  resolution: DurationStat & { sla_met: number | null };
  resolved: number;
  reopened: number;
  reopen_rate: number | null;
  judged: number;
  recovered: number;
  recovery_rate: number | null;
}

interface CaseFacts {
  row: ServiceCaseRow;
  clocks: ClockFact[];
}

function clockFact(rules: CaseRules, team: string | null, c: ClockRow, now: number): ClockFact {
  const reading = readClock(calendarFor(rules, team), c.target_minutes, historyOf(c), now);
  return {
    kind: c.kind,
    minutes: c.stopped_at === null ? null : reading.elapsedMinutes,
    breached: reading.status === "breached" || c.breached_at !== null,
  };
}

function clockFigures(facts: readonly CaseFacts[], kind: ClockKind): DurationStat & { sla_met: number | null } {
  const clocks = facts.flatMap((f) => f.clocks.filter((c) => c.kind === kind));
  const stopped = clocks.filter((c) => c.minutes !== null).map((c) => c.minutes!);
  // Judged: stopped, or already late while running; a clock still running in target is undecided.
  const judged = clocks.filter((c) => c.minutes !== null || c.breached);
  const met = judged.filter((c) => !c.breached).length;
  return { ...durationStat(stopped), sla_met: share(met, judged.length) };
}

/** The figures of a group of cases. */
export function figuresOf(facts: readonly CaseFacts[]): ServiceFigures {
  // Ever resolved: resolved now, or resolved once and reopened since.
  const resolved = facts.filter((f) => f.row.resolved_at !== null || f.row.reopened).length;
  const reopened = facts.filter((f) => f.row.reopened).length;
  const judged = facts.filter((f) => f.row.recovered !== null).length;
  const recovered = facts.filter((f) => f.row.recovered === 1).length;
  return {
    cases: facts.length,
    first_response: clockFigures(facts, "first_response"),
    resolution: clockFigures(facts, "resolution"),
    resolved,
    reopened,
    reopen_rate: share(reopened, resolved),
    judged,
    recovered,
    recovery_rate: share(recovered, judged),
  };
}

function keyOf(row: ServiceCaseRow, by: ServiceBy): string {
  if (by === "priority") return String(row.priority);
  if (by === "team") return row.team_id === null ? "" : String(row.team_id);
  return row.channel;
}

/** Service metrics of cases opened in the filter's window, in total and per group; backlog when the window is bounded. */
export async function serviceMetrics(store: Pick<Store, "db">, rules: CaseRules, f: InsightFilter, by: ServiceBy, now: number) {
  const rows = await serviceCases(store.db, f);
  const clocks = await loadClocks(
    store.db,
    rows.map((r) => r.id),
  );
  const facts: CaseFacts[] = rows.map((row) => ({
    row,
    clocks: (clocks.get(row.id) ?? []).map((c) => clockFact(rules, row.team, c, now)),
  }));
  const groups = new Map<string, { label: string | null; facts: CaseFacts[] }>();
  for (const fact of facts) {
    const key = keyOf(fact.row, by);
    const g = groups.get(key) ?? { label: by === "team" ? fact.row.team : null, facts: [] };
    g.facts.push(fact);
    groups.set(key, g);
  }
  const items = [...groups.entries()]
    .map(([key, g]) => ({ key, ...(by === "team" ? { name: g.label } : {}), ...figuresOf(g.facts) }))
    .sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key));
  const bounded = f.from !== undefined && f.to !== undefined && f.to - f.from <= MAX_BACKLOG_DAYS * DAY;
  const backlog = bounded ? backlogPerDay(await backlogSpans(store.db, { ...f, from: f.from!, to: f.to! }), f.from!, f.to!) : null;
  return { total: figuresOf(facts), items, backlog };
}
