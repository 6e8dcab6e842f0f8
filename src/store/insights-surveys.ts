/**
 * Survey answers for the insights (issue 15), counted in SQL and never read one by one: answers per
 * score in a bucket (day, week, channel, team, language), and answers grouped by the cause set of
 * the Reading of the message that carries them (the driver model's input). Both read
 * `survey_facts` (survey-facts.ts) through a covering index: a short window's rows by time, a long
 * window in the grouping's order, without a sort (migration 017). An answer counts when its message
 * is read; the window, channel, language and team are the message's, as in the overview; employee
 * feedback is never counted here (it has its own anonymous view).
 *
 * @example
 * const rows = await surveyScoreCounts(store, { workspaceId: 1, from, to }, "week");
 * // [{ key: "2026-03-02", kind: "nps", score: 9, count: 41 }, ...]
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Store } from "./open-store.js";
import { surveyDaySql, type SurveyFactsIndex, type SurveyFactsTable } from "./survey-facts.js";

/** The overview's slices, shared by the survey and service queries. */
export interface InsightFilter {
  workspaceId: number;
  from?: number;
  to?: number;
  channels?: string[];
  languages?: string[];
  teams?: number[];
}

export type ScoreBucket = "day" | "week" | "channel" | "team" | "language";

const DAY = 86_400_000;

type Facts = Kysely<{ survey_facts: SurveyFactsTable }>;
type Eb = ExpressionBuilder<{ s: SurveyFactsTable }, "s">;

/**
 * From this window length on (and for open windows), the answers are counted in one pass along an
 * index in the grouping's order instead of read by time and sorted: sorting costs about ten times a
 * pass per answer (docs/benchmarks.md), so the pass wins once the window holds a tenth of the
 * answers, which a quarter holds for any history up to two and a half years.
 */
export const ORDERED_PASS_DAYS = 90;

/** Whether the filter's window is long (or open) enough to be counted in index order. */
export function orderedPass(f: InsightFilter): boolean {
  return f.from === undefined || f.to === undefined || f.to - f.from >= ORDERED_PASS_DAYS * DAY;
}

/** The facts as `s`, along `index` for a long window, with the filter (employee feedback has none). */
function facts(store: Pick<Store, "db" | "queries">, f: InsightFilter, index: SurveyFactsIndex) {
  const { from, sentAt } = store.queries.surveyFactsFrom(orderedPass(f) ? index : "survey_facts_scan");
  return (store.db as unknown as Facts).selectFrom(from).where((eb: Eb): Expression<SqlBool> => {
    const parts = [eb("s.workspace_id", "=", f.workspaceId)];
    if (f.from !== undefined) parts.push(eb(sentAt, ">=", f.from));
    if (f.to !== undefined) parts.push(eb(sentAt, "<", f.to));
    if (f.channels?.length) parts.push(eb("s.channel", "in", f.channels));
    if (f.languages?.length) parts.push(eb("s.language", "in", f.languages));
    if (f.teams?.length) parts.push(eb("s.team_id", "in", f.teams));
    return eb.and(parts);
  });
}

/** The SQL key of a bucket; days and weeks are grouped by UTC day (the index's expression) and folded after. */
function bucketExpr(by: ScoreBucket | null) {
  if (by === "day" || by === "week") return sql<string>`${sql.raw(surveyDaySql("s.sent_at"))}`;
  if (by === "channel") return sql<string>`s.channel`;
  if (by === "team") return sql<string>`coalesce(cast(s.team_id as text), '')`;
  if (by === "language") return sql<string>`s.language`;
  return null;
}

/** A grouped key in its public form: ISO dates for day and for week (its Monday); epoch day 0 (1970-01-01) was a Thursday. */
function bucketKey(by: ScoreBucket | null, raw: string): string {
  if (by === "day") return new Date(Number(raw) * DAY).toISOString().slice(0, 10);
  if (by === "week") return new Date((Math.floor((Number(raw) + 3) / 7) * 7 - 3) * DAY).toISOString().slice(0, 10);
  return raw;
}

type ScoreCount = { key: string; kind: "nps" | "csat" | "ces"; score: number; count: number };

/** The query behind `surveyScoreCounts` (its plan is tested: no sort over a long window). */
export function scoreCountsQuery(store: Pick<Store, "db" | "queries">, f: InsightFilter, by: ScoreBucket | null) {
  const key = bucketExpr(by);
  // PostgreSQL refuses a constant in GROUP BY: the whole window groups by kind and score alone.
  return (
    facts(store, f, "survey_facts_scores")
      // Every kind, named: on the time index (kind, then time) SQLite then seeks each kind's range of
      // the window instead of reading the workspace's answers (it only skip-scans with statistics).
      .where("s.kind", "in", ["nps", "csat", "ces"])
      .select([(key ?? sql<string>`''`).as("key"), "s.kind as kind", "s.score as score", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["s.kind", "s.score"])
      .$if(key !== null, (q) => q.groupBy(key!))
  );
}

/**
 * Answers per kind and score in each bucket (`null`: the whole window, key ""). A team bucket's key
 * is the team id ("" for messages without a team).
 */
export async function surveyScoreCounts(
  store: Pick<Store, "db" | "queries">,
  f: InsightFilter,
  by: ScoreBucket | null,
): Promise<ScoreCount[]> {
  const rows = await store.queries.surveyFactsRead(store.db, (db) => scoreCountsQuery({ db, queries: store.queries }, f, by).execute());
  // Days fold into their weeks here, so SQL groups in the index's order (kind, score, day) for both.
  const out = new Map<string, ScoreCount>();
  for (const r of rows) {
    const k = bucketKey(by, String(r.key));
    const id = `${k}\t${r.kind}\t${Number(r.score)}`;
    const e = out.get(id) ?? { key: k, kind: r.kind, score: Number(r.score), count: 0 };
    e.count += Number(r.n);
    out.set(id, e);
  }
  return [...out.values()];
}

/** The query behind `answersByCauseSet` (its plan is tested: no sort over a long window). */
export function causeSetQuery(store: Pick<Store, "db" | "queries">, f: InsightFilter, kind: "nps" | "csat" | "ces") {
  return facts(store, f, "survey_facts_causes")
    .where("s.kind", "=", kind)
    .select(["s.causes as causes", "s.score as score", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["s.causes", "s.score"]);
}

/**
 * Answers of one kind grouped by the set of `cause:polarity` keys in their message's Reading and by
 * score: a few hundred rows for any number of answers, all the driver regression needs.
 */
export async function answersByCauseSet(
  store: Pick<Store, "db" | "queries">,
  f: InsightFilter,
  kind: "nps" | "csat" | "ces",
): Promise<{ causes: string[]; score: number; count: number }[]> {
  const rows = await store.queries.surveyFactsRead(store.db, (db) => causeSetQuery({ db, queries: store.queries }, f, kind).execute());
  return rows.map((r) => ({ causes: r.causes ? r.causes.split("|") : [], score: Number(r.score), count: Number(r.n) }));
}
