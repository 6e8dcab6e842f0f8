/**
 * Survey answers for the insights (issue 15), counted in SQL and never read one by one: answers per
 * score in a bucket (day, week, channel, team, language), and answers grouped by the cause set of
 * the Reading of the message that carries them (the driver model's input). An answer counts when
 * its message is read; the window, channel, language and team are the message's, as in the
 * overview; employee feedback is never counted here (it has its own anonymous view).
 *
 * @example
 * const rows = await surveyScoreCounts(store, { workspaceId: 1, from, to }, "week");
 * // [{ key: "2026-03-02", kind: "nps", score: 9, count: 41 }, ...]
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";

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

type Eb = ExpressionBuilder<Database & { s: Database["survey_answers"]; r: Database["readings"] }, "s" | "r">;

/** The filter on answers joined to their readings. */
function answerWhere(f: InsightFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const parts = [eb("s.workspace_id", "=", f.workspaceId), eb("r.direction", "<>", "employee")];
    if (f.from !== undefined) parts.push(eb("r.sent_at", ">=", f.from));
    if (f.to !== undefined) parts.push(eb("r.sent_at", "<", f.to));
    if (f.channels?.length) parts.push(eb("r.channel", "in", f.channels));
    if (f.languages?.length) parts.push(eb("r.language", "in", f.languages));
    if (f.teams?.length) parts.push(eb("r.team_id", "in", f.teams));
    return eb.and(parts);
  };
}

function bucketExpr(by: ScoreBucket | null) {
  const day = sql<number>`(r.sent_at / ${sql.lit(DAY)})`;
  // Weeks start on Monday: epoch day 0 (1970-01-01) was a Thursday, three days after one.
  if (by === "day") return sql<string>`cast(${day} as text)`;
  if (by === "week") return sql<string>`cast(((${day} + 3) / 7) as text)`;
  if (by === "channel") return sql<string>`r.channel`;
  if (by === "team") return sql<string>`coalesce(cast(r.team_id as text), '')`;
  if (by === "language") return sql<string>`r.language`;
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
  const rows = await store.db
    .selectFrom("survey_answers as s")
    .innerJoin("readings as r", "r.message_id", "s.message_id")
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
  store: Pick<Store, "db" | "dialect" | "queries">,
  f: InsightFilter,
  kind: "nps" | "csat" | "ces",
): Promise<{ causes: string[]; score: number; count: number }[]> {
  const key = sql<string>`l.label || ':' || l.polarity`;
  const set = store.queries.joined(key, "|");
  const perAnswer = store.db
    .selectFrom("survey_answers as s")
    .innerJoin("readings as r", "r.message_id", "s.message_id")
    .leftJoin("reading_labels as l", (j) => j.onRef("l.message_id", "=", "s.message_id").on("l.kind", "=", "cause"))
    .where(answerWhere(f))
    .where("s.kind", "=", kind)
    .select(["s.id as id", "s.score as score", set.as("causes")])
    .groupBy(["s.id", "s.score"]);
  const rows = await store.db
    .selectFrom(perAnswer.as("a"))
    .select(["a.causes as causes", "a.score as score", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["a.causes", "a.score"])
    .execute();
  // SQLite's group_concat has no order: sets that differ only in order are merged here.
  const merged = new Map<string, { causes: string[]; score: number; count: number }>();
  for (const r of rows) {
    const causes = r.causes ? String(r.causes).split("|").sort() : [];
    const id = `${causes.join("|")}#${Number(r.score)}`;
    const m = merged.get(id) ?? { causes, score: Number(r.score), count: 0 };
    m.count += Number(r.n);
    merged.set(id, m);
  }
  return [...merged.values()];
}
