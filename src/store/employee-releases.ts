/**
 * Employee feedback as the view reads it, and the releases of closed months (migration 007).
 *
 * Only messages from sources trusted for employee feedback are read: a respondent counts only when
 * such a source vouches for them. A month is released once, the first time it is shown after it
 * closed and all its feedback has been read; from then on the stored cells are served, so an
 * erasure, a re-read or a change of trust never makes a second, different view of that month.
 *
 * @example
 * const released = await releasedMonths(store.db, 1, ["2026-01", "2026-02"]);
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import type { Reading } from "../core/reading.js";

/** One read employee message, as the view reads it (insights/employee-view.ts). */
export interface EmployeeRow {
  sentAt: number;
  teamId: number | null;
  /** null when the author is unknown; all such messages count as one respondent (the safe side). */
  personId: number | null;
  sentiment: "positive" | "neutral" | "negative" | string;
  sentimentScore: number;
  emotions: string[];
  causes: { label: string; polarity: string }[];
  /** Workplace causes of the Reading (pipeline 1.3.0 on; absent or empty for older readings). */
  workplace?: { label: string; polarity: string }[];
}

/** One released cell: a team, or the pool of small teams, in one month. */
export interface EmployeeCell {
  /** A team, or the pool of teams too small to show on their own. */
  team: { id: number | null; name: string } | "other";
  /** Names of the teams pooled into "other" (empty for a team cell). */
  pooledTeams: string[];
  /** Ids of the teams pooled into "other" (null: messages without a team), for team filters. */
  pooledTeamIds: (number | null)[];
  respondents: number;
  messages: number;
  sentiment: { positive: number; neutral: number; negative: number; meanScore: number };
  emotions: { label: string; count: number }[];
  themes: { label: string; positive: number; negative: number }[];
  /**
   * Respondents per workplace cause and polarity (Reading.workplace). Absent in months released
   * before pipeline 1.3.0, which are served as they were released.
   */
  workplace?: { label: string; positive: number; negative: number }[];
}

/** One month of the view, as released and stored. */
export interface EmployeeMonth {
  /** YYYY-MM (UTC). */
  month: string;
  /** True when the month is withheld: fewer than `k` respondents in all. */
  suppressed: boolean;
  cells: EmployeeCell[];
}

/** Read employee messages of trusted sources sent in [from, to), with their labels. */
export async function trustedEmployeeRows(db: Kysely<Database>, workspaceId: number, from: number, to: number): Promise<EmployeeRow[]> {
  const rows = await db
    .selectFrom("messages as m")
    .innerJoin("sources as s", "s.id", "m.source_id")
    .innerJoin("readings as r", "r.message_id", "m.id")
    .select(["m.id", "m.sent_at", "m.team_id", "m.person_id", "r.sentiment", "r.sentiment_score", "r.reading"])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.direction", "=", "employee")
    .where("s.employee_feedback", "=", 1)
    .where("m.sent_at", ">=", from)
    .where("m.sent_at", "<", to)
    .execute();
  const byMessage = new Map<number, EmployeeRow>();
  for (const r of rows) {
    byMessage.set(r.id, {
      sentAt: Number(r.sent_at),
      teamId: r.team_id,
      personId: r.person_id,
      sentiment: r.sentiment,
      sentimentScore: r.sentiment_score,
      emotions: [],
      causes: [],
      workplace: workplaceOf(r.reading),
    });
  }
  const labels = await db
    .selectFrom("reading_labels")
    .select(["message_id", "kind", "label", "polarity"])
    .where("workspace_id", "=", workspaceId)
    .where("direction", "=", "employee")
    .where("kind", "in", ["emotion", "cause"])
    .where("sent_at", ">=", from)
    .where("sent_at", "<", to)
    .execute();
  for (const l of labels) {
    const row = byMessage.get(l.message_id);
    if (!row) continue;
    if (l.kind === "emotion") row.emotions.push(l.label);
    else row.causes.push({ label: l.label, polarity: l.polarity });
  }
  return [...byMessage.values()];
}

/** The workplace causes of a stored Reading, label and polarity only (none before pipeline 1.3.0). */
function workplaceOf(json: string): { label: string; polarity: string }[] {
  const causes = (JSON.parse(json) as Partial<Reading>).workplace?.causes ?? [];
  return causes.map((c) => ({ label: c.label, polarity: c.polarity }));
}

/** Sent-at instants of trusted employee messages in [from, to) that have no reading yet. */
export async function unreadEmployeeTimes(db: Kysely<Database>, workspaceId: number, from: number, to: number): Promise<number[]> {
  const rows = await db
    .selectFrom("messages as m")
    .innerJoin("sources as s", "s.id", "m.source_id")
    .leftJoin("readings as r", "r.message_id", "m.id")
    .select("m.sent_at")
    .where("m.workspace_id", "=", workspaceId)
    .where("m.direction", "=", "employee")
    .where("s.employee_feedback", "=", 1)
    .where("r.message_id", "is", null)
    .where("m.sent_at", ">=", from)
    .where("m.sent_at", "<", to)
    .execute();
  return rows.map((r) => Number(r.sent_at));
}

/** The stored releases among `months`, by month. */
export async function releasedMonths(
  db: Kysely<Database>,
  workspaceId: number,
  months: readonly string[],
): Promise<Map<string, EmployeeMonth>> {
  if (months.length === 0) return new Map();
  const rows = await db
    .selectFrom("employee_releases")
    .select(["month", "body"])
    .where("workspace_id", "=", workspaceId)
    .where("month", "in", [...months])
    .execute();
  return new Map(rows.map((r) => [r.month, JSON.parse(r.body) as EmployeeMonth]));
}

/** Stores first releases; a month released meanwhile by another request keeps its first cells. */
export async function storeReleases(
  db: Kysely<Database>,
  workspaceId: number,
  months: readonly EmployeeMonth[],
  now: number,
): Promise<void> {
  if (months.length === 0) return;
  await db
    .insertInto("employee_releases")
    .values(months.map((m) => ({ workspace_id: workspaceId, month: m.month, released_at: now, body: JSON.stringify(m) })))
    .onConflict((oc) => oc.columns(["workspace_id", "month"]).doNothing())
    .execute();
}
