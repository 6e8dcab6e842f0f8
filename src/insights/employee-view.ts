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
 * released, so no two views differ by a group under `k`. Only closed months are shown, a closed
 * month takes no more answers (src/ingest/employee-policy.ts), and a month once shown is stored and
 * shown the same way ever after (src/store/employee-releases.ts), so no two views of one month differ.
 *
 * Every count is of respondents, not messages (dominance): one person writing fifty messages is one
 * voice in the sentiment split, the mean, each emotion, each theme and each workplace cause
 * (workload and staffing, tools, pay, recognition, policy, management: Reading.workplace), so no
 * cell is one person's feeling in disguise. Workplace counts exist only inside released cells, so
 * they inherit the cell's threshold of `k` respondents; there is no other grouping of them.
 *
 * @example
 * const view = employeeView(rows, { k: 5, now: Date.now(), teamNames: new Map([[1, "Warehouse"]]) });
 * view.months[0].cells; // [{ team: { id: 1, name: "Warehouse" }, respondents: 7, ... }, { team: "other", ... }]
 */
import type { EmployeeCell, EmployeeMonth, EmployeeRow } from "../store/employee-releases.js";
import { monthEnd, monthOf } from "../core/months.js";

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
    const shown = [...byTeam.keys()]
      .filter((t) => t !== null && sizes.get(t)! >= k)
      .sort((a, b) => sizes.get(a)! - sizes.get(b)! || (a ?? 0) - (b ?? 0));
    const pooled = [...byTeam.keys()].filter((t) => !shown.includes(t));
    const poolSize = () => respondentsOf(pooled.flatMap((t) => byTeam.get(t)!));
    while (pooled.length > 0 && poolSize() < k && shown.length > 0) pooled.push(shown.shift()!);
    if (respondentsOf(monthRows) < k || (pooled.length > 0 && poolSize() < k)) {
      months.push({ month, suppressed: true, cells: [] });
      continue;
    }
    const cells: EmployeeCell[] = [];
    for (const t of shown.sort((a, b) => (a ?? 0) - (b ?? 0)))
      cells.push(summarise({ id: t, name: o.teamNames.get(t!) ?? `#${t}` }, [], [], byTeam.get(t)!));
    if (pooled.length > 0) {
      const names = pooled
        .map((t) => (t === null ? "" : (o.teamNames.get(t) ?? `#${t}`)))
        .filter(Boolean)
        .sort();
      cells.push(
        summarise(
          "other",
          names,
          pooled,
          pooled.flatMap((t) => byTeam.get(t)!),
        ),
      );
    }
    months.push(pickTeams({ month, suppressed: false, cells }, o.teams));
  }
  return { k, months };
}

/**
 * The cells of a month that concern some teams: a team's own cell, or the pool that holds it. A
 * filter only picks among the cells released for all teams, so it can never release a new number.
 */
export function pickTeams(month: EmployeeMonth, teams: readonly number[] | undefined): EmployeeMonth {
  if (!teams) return month;
  const wanted = new Set<number | null>(teams);
  const cells = month.cells.filter((c) => (c.team === "other" ? c.pooledTeamIds.some((t) => wanted.has(t)) : wanted.has(c.team.id)));
  return { ...month, cells };
}

function respondentsOf(rows: readonly EmployeeRow[]): number {
  const people = new Set<number | null>();
  for (const r of rows) people.add(r.personId);
  return people.size;
}

/** What one respondent said in a cell, each label once: their voice counts once, however often they wrote. */
interface Voice {
  sentiment: "positive" | "neutral" | "negative" | null;
  meanScore: number;
  emotions: Set<string>;
  themes: Set<string>;
  workplace: Set<string>;
}

/** A cause as "polarity:label", the key a voice names it by once. */
const polarKey = (c: { label: string; polarity: string }): string => `${c.polarity === "positive" ? "positive" : "negative"}:${c.label}`;

const SENTIMENTS = ["negative", "neutral", "positive"] as const;

function voicesOf(rows: readonly EmployeeRow[]): Voice[] {
  const byPerson = new Map<number | null, EmployeeRow[]>();
  for (const r of rows) {
    let list = byPerson.get(r.personId);
    if (!list) byPerson.set(r.personId, (list = []));
    list.push(r);
  }
  return [...byPerson.values()].map((own) => {
    const counts = new Map<string, number>();
    for (const r of own) counts.set(r.sentiment, (counts.get(r.sentiment) ?? 0) + 1);
    // The respondent's most frequent sentiment; a tie goes to the more negative one (concerns are not hidden).
    const best = Math.max(0, ...SENTIMENTS.map((l) => counts.get(l) ?? 0));
    return {
      sentiment: best > 0 ? SENTIMENTS.find((l) => counts.get(l) === best)! : null,
      meanScore: own.reduce((sum, r) => sum + r.sentimentScore, 0) / own.length,
      emotions: new Set(own.flatMap((r) => r.emotions)),
      themes: new Set(own.flatMap((r) => r.causes.map(polarKey))),
      workplace: new Set(own.flatMap((r) => (r.workplace ?? []).map(polarKey))),
    };
  });
}

function summarise(
  team: EmployeeCell["team"],
  pooledTeams: string[],
  pooledTeamIds: (number | null)[],
  rows: readonly EmployeeRow[],
): EmployeeCell {
  const sentiment = { positive: 0, neutral: 0, negative: 0, meanScore: 0 };
  const emotions = new Map<string, number>();
  const voices = voicesOf(rows);
  for (const v of voices) {
    if (v.sentiment) sentiment[v.sentiment]++;
    sentiment.meanScore += v.meanScore;
    for (const e of v.emotions) emotions.set(e, (emotions.get(e) ?? 0) + 1);
  }
  sentiment.meanScore = voices.length ? Math.round((sentiment.meanScore / voices.length) * 100) / 100 : 0;
  return {
    team,
    pooledTeams,
    pooledTeamIds,
    respondents: voices.length,
    messages: rows.length,
    sentiment,
    emotions: [...emotions].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    themes: polarCounts(voices.map((v) => v.themes)),
    workplace: polarCounts(voices.map((v) => v.workplace)),
  };
}

/** Respondents per label and polarity from each voice's "polarity:label" keys, most named first. */
function polarCounts(keysOfVoices: readonly Set<string>[]): { label: string; positive: number; negative: number }[] {
  const out = new Map<string, { label: string; positive: number; negative: number }>();
  for (const keys of keysOfVoices) {
    for (const key of keys) {
      const [polarity, label] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      const t = out.get(label) ?? { label, positive: 0, negative: 0 };
      if (polarity === "positive") t.positive++;
      else t.negative++;
      out.set(label, t);
    }
  }
  return [...out.values()].sort((a, b) => b.positive + b.negative - (a.positive + a.negative) || a.label.localeCompare(b.label));
}
