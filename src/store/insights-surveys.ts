/**
 * Survey answers for the insights (issue 15), counted in SQL and never read one by one: answers per
 * score in a bucket (day, week, channel, team, language), and answers grouped by the cause set of
 * the Reading of the message that carries them (the driver model's input). Both read
 * `survey_facts` (survey-facts.ts) through its covering index. An answer counts when its message
 * is read; the window, channel, language and team are the message's, as in the overview; employee
 * feedback is never counted here (it has its own anonymous view).
 *
 * @example
 * const rows = await surveyScoreCounts(store, { workspaceId: 1, from, to }, "week");
 * // [{ key: "2026-03-02", kind: "nps", score: 9, count: 41 }, ...]
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Store } from "./open-store.js";

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

interface SurveyFactsTable {
  message_id: number;
  kind: "nps" | "csat" | "ces";
  workspace_id: number;
  score: number;
  sent_at: number;
  channel: string;
  language: string;
  team_id: number | null;
  /** Sorted `cause:polarity` keys joined by "|"; "" for none. */
  causes: string;
}
type Facts = Kysely<{ survey_facts: SurveyFactsTable }>;
type Eb = ExpressionBuilder<{ s: SurveyFactsTable }, "s">;

/** The filter on the facts (employee feedback has none). */
function answerWhere(f: InsightFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const parts = [eb("s.workspace_id", "=", f.workspaceId)];
    if (f.from !== undefined) parts.push(eb("s.sent_at", ">=", f.from));
    if (f.to !== undefined) parts.push(eb("s.sent_at", "<", f.to));
    if (f.channels?.length) parts.push(eb("s.channel", "in", f.channels));
    if (f.languages?.length) parts.push(eb("s.language", "in", f.languages));
    if (f.teams?.length) parts.push(eb("s.team_id", "in", f.teams));
    return eb.and(parts);
  };
}

function bucketExpr(by: ScoreBucket | null) {
  const day = sql<number>`(s.sent_at / ${sql.lit(DAY)})`;
  // Weeks start on Monday: epoch day 0 (1970-01-01) was a Thursday, three days after one.
  if (by === "day") return sql<string>`cast(${day} as text)`;
  if (by === "week") return sql<string>`cast(((${day} + 3) / 7) as text)`;
  if (by === "channel") return sql<string>`s.channel`;
  if (by === "team") return sql<string>`coalesce(cast(s.team_id as text), '')`;
  if (by === "language") return sql<string>`s.language`;
  return null;
}

/** Turns a bucket key as grouped into its public form: ISO dates for day and Monday-based week. */
function bucketKey(by: ScoreBucket | null, raw: string): string {
  if (by === "day") return new Date(Number(raw) * DAY).toISOString().slice(0, 10);
  if (by === "week") return new Date((Number(raw) * 7 - 3) * DAY).toISOString().slice(0, 10);
  return raw;
}

/**
 * Answers per kind and score in each bucket (`null`: the whole window, key ""). A team bucket's key
 * is the team id ("" for messages without a team).
 */
export async function surveyScoreCounts(
  store: Pick<Store, "db">,
  f: InsightFilter,
  by: ScoreBucket | null,
): Promise<{ key: string; kind: "nps" | "csat" | "ces"; score: number; count: number }[]> {
  // PostgreSQL refuses a constant in GROUP BY: the whole window groups by kind and score alone.
  const key = bucketExpr(by) ?? sql<string>`''`;
  const rows = await (store.db as unknown as Facts)
    .selectFrom("survey_facts as s")
    .where(answerWhere(f))
    .select([key.as("key"), "s.kind as kind", "s.score as score", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(by !== null, (q) => q.groupBy(key))
    .groupBy(["s.kind", "s.score"])
    .execute();
  return rows.map((r) => ({ key: bucketKey(by, String(r.key)), kind: r.kind, score: Number(r.score), count: Number(r.n) }));
}

/**
 * Answers of one kind grouped by the set of `cause:polarity` keys in their message's Reading and by
 * score: a few hundred rows for any number of answers, all the driver regression needs.
 */
export async function answersByCauseSet(
  store: Pick<Store, "db">,
  f: InsightFilter,
  kind: "nps" | "csat" | "ces",
): Promise<{ causes: string[]; score: number; count: number }[]> {
  const rows = await (store.db as unknown as Facts)
    .selectFrom("survey_facts as s")
    .where(answerWhere(f))
    .where("s.kind", "=", kind)
    .select(["s.causes as causes", "s.score as score", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["s.causes", "s.score"])
    .execute();
  return rows.map((r) => ({ causes: r.causes ? r.causes.split("|") : [], score: Number(r.score), count: Number(r.n) }));
}
