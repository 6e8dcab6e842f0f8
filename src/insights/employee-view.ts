/**
 * The people team's view of employee feedback, with an anonymity threshold that holds under every
 * combination of filters. Pure: the route reads the rows, this decides what may be shown.
 *
 * Why it is safe against differencing: the only statistics released are the cells of one fixed
 * partition, calendar month x team, computed over all teams of the month whatever the caller
 * filters on (a team filter only picks cells afterwards). Teams under `k` respondents are pooled
 * into one "other teams" cell; when that pool would itself hold fewer than `k` respondents, the
 * smallest shown teams join it until it holds `k` (secondary suppression), or the whole month is
 * withheld. No month total, no multi-month total and no other dimension (language, channel) is
 * released, so no two views differ by a group under `k`. Only closed months are shown, so a cell
 * does not change as one more answer arrives (late back-dated imports are the one way it can).
 *
 * @example
 * const view = employeeView(rows, { k: 5, now: Date.now(), teamNames: new Map([[1, "Warehouse"]]) });
 * view.months[0].cells; // [{ team: { id: 1, name: "Warehouse" }, respondents: 7, ... }, { team: "other", ... }]
 */

/** One read employee message, as the route selects it. */
export interface EmployeeRow {
  sentAt: number;
  teamId: number | null;
  /** null when the author is unknown; all such messages count as one respondent (the safe side). */
  personId: number | null;
  sentiment: "positive" | "neutral" | "negative" | string;
  sentimentScore: number;
  emotions: string[];
  causes: { label: string; polarity: string }[];
}

export interface EmployeeCell {
  /** A team, or the pool of teams too small to show on their own. */
  team: { id: number | null; name: string } | "other";
  /** Names of the teams pooled into "other" (empty for a team cell). */
  pooledTeams: string[];
  respondents: number;
  messages: number;
  sentiment: { positive: number; neutral: number; negative: number; meanScore: number };
  emotions: { label: string; count: number }[];
  themes: { label: string; positive: number; negative: number }[];
}

export interface EmployeeMonth {
  /** YYYY-MM (UTC). */
  month: string;
  /** True when the month is withheld: fewer than `k` respondents in all. */
  suppressed: boolean;
  cells: EmployeeCell[];
}

export interface EmployeeViewOptions {
  /** Minimum respondents per released group (default 5). */
  k?: number;
  /** Months that have not ended by `now` are not released. */
  now: number;
  teamNames: ReadonlyMap<number, string>;
  /** Only return cells of these teams (the pool cell is returned when it holds any of them). */
  teams?: readonly number[];
}

/** The smallest group of respondents whose feedback is released (k). @example employeeView(rows, { k: MIN_GROUP, now, teamNames }) */
export const MIN_GROUP = 5;

/** Groups employee feedback by closed UTC month and team, releasing only groups of at least `k` respondents. */
export function employeeView(rows: readonly EmployeeRow[], o: EmployeeViewOptions): { k: number; months: EmployeeMonth[] } {
  const k = Math.max(2, o.k ?? MIN_GROUP);
  const byMonth = new Map<string, EmployeeRow[]>();
  for (const r of rows) {
    if (monthEnd(r.sentAt) > o.now) continue;
    const m = monthOf(r.sentAt);
    let list = byMonth.get(m);
    if (!list) byMonth.set(m, (list = []));
    list.push(r);
  }
  const months: EmployeeMonth[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const monthRows = byMonth.get(month)!;
    const byTeam = new Map<number | null, EmployeeRow[]>();
    for (const r of monthRows) {
      let list = byTeam.get(r.teamId);
      if (!list) byTeam.set(r.teamId, (list = []));
      list.push(r);
    }
    const sizes = new Map([...byTeam].map(([t, rs]) => [t, respondentsOf(rs)]));
    // Teams with no team id never stand alone: "no team" is not a group people chose to be counted in.
    const shown = [...byTeam.keys()].filter((t) => t !== null && sizes.get(t)! >= k).sort((a, b) => sizes.get(a)! - sizes.get(b)! || (a ?? 0) - (b ?? 0));
    const pooled = [...byTeam.keys()].filter((t) => !shown.includes(t));
    const poolSize = () => respondentsOf(pooled.flatMap((t) => byTeam.get(t)!));
    while (pooled.length > 0 && poolSize() < k && shown.length > 0) pooled.push(shown.shift()!);
    if (respondentsOf(monthRows) < k || (pooled.length > 0 && poolSize() < k)) {
      months.push({ month, suppressed: true, cells: [] });
      continue;
    }
    const wanted = o.teams ? new Set<number | null>(o.teams) : null;
    const cells: EmployeeCell[] = [];
    for (const t of shown.sort((a, b) => (a ?? 0) - (b ?? 0))) {
      if (wanted && !wanted.has(t)) continue;
      cells.push(summarise({ id: t, name: o.teamNames.get(t!) ?? `#${t}` }, [], byTeam.get(t)!));
    }
    if (pooled.length > 0 && (!wanted || pooled.some((t) => wanted.has(t)))) {
      const names = pooled.map((t) => (t === null ? "" : o.teamNames.get(t) ?? `#${t}`)).filter(Boolean).sort();
      cells.push(summarise("other", names, pooled.flatMap((t) => byTeam.get(t)!)));
    }
    months.push({ month, suppressed: false, cells });
  }
  return { k, months };
}

function respondentsOf(rows: readonly EmployeeRow[]): number {
  const people = new Set<number | null>();
  for (const r of rows) people.add(r.personId);
  return people.size;
}

function summarise(team: EmployeeCell["team"], pooledTeams: string[], rows: readonly EmployeeRow[]): EmployeeCell {
  const sentiment = { positive: 0, neutral: 0, negative: 0, meanScore: 0 };
  const emotions = new Map<string, number>();
  const themes = new Map<string, { label: string; positive: number; negative: number }>();
  for (const r of rows) {
    if (r.sentiment === "positive" || r.sentiment === "neutral" || r.sentiment === "negative") sentiment[r.sentiment]++;
    sentiment.meanScore += r.sentimentScore;
    for (const e of r.emotions) emotions.set(e, (emotions.get(e) ?? 0) + 1);
    for (const c of r.causes) {
      const t = themes.get(c.label) ?? { label: c.label, positive: 0, negative: 0 };
      if (c.polarity === "positive") t.positive++;
      else t.negative++;
      themes.set(c.label, t);
    }
  }
  sentiment.meanScore = rows.length ? Math.round((sentiment.meanScore / rows.length) * 100) / 100 : 0;
  return {
    team,
    pooledTeams,
    respondents: respondentsOf(rows),
    messages: rows.length,
    sentiment,
    emotions: [...emotions].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    themes: [...themes.values()].sort((a, b) => b.positive + b.negative - (a.positive + a.negative) || a.label.localeCompare(b.label)),
  };
}

/** YYYY-MM of a UTC instant. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The first instant after the UTC month that contains `ms`. */
export function monthEnd(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
