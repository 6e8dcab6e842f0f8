/**
 * Listing messages with their reading summary, filtered by time, channel, direction, language,
 * sentiment, emotion, cause, need, signal, team, survey answer, urgency, complaint severity, thread,
 * person and text, newest first,
 * with keyset pagination (sent_at, id) so deep pages cost the same as the first.
 *
 * @example
 * const page = await listMessages(store, { workspaceId: 1, languages: ["th"], limit: 50 });
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Store } from "./open-store.js";
import type { Database, MessageRow } from "./schema.js";
import type { DialectQueries, TextPlan } from "./dialect.js";
/**
 * A text filter the index cannot serve (under 3 characters anywhere, or too many candidates on
 * SQLite) scans at most this many messages per page, newest first; a page can then hold fewer
 * items than asked for and still carry `next`, where the following page resumes the scan.
 */
export const TEXT_SCAN_WINDOW = 10_000;

export interface MessageFilter {
  workspaceId: number;
  from?: number;
  to?: number;
  channels?: string[];
  directions?: string[];
  languages?: string[];
  sentiments?: string[];
  emotions?: string[];
  causes?: string[];
  causePolarity?: "positive" | "negative";
  needs?: string[];
  signals?: string[];
  /** Team ids: the team that handled or is concerned by the message. */
  teams?: number[];
  /** Messages carrying a survey answer of one of these kinds (nps, csat, ces). */
  surveyKinds?: string[];
  /** With a survey answer scored at least / at most this (of `surveyKinds` when given). */
  surveyMin?: number;
  surveyMax?: number;
  urgencyMin?: number;
  severityMin?: number;
  text?: string;
  threadId?: number;
  personId?: number;
  sourceId?: number;
  /** One message by id (still subject to visibility). */
  id?: number;
  /** Only messages not yet read (true) or only read ones (false). */
  unread?: boolean;
}

export interface MessageListRow {
  id: number;
  external_id: string;
  source_id: number;
  thread_id: number | null;
  person_id: number | null;
  team_id: number | null;
  direction: string;
  channel: string;
  is_public: number;
  audience: number | null;
  subject: string | null;
  text: string;
  sent_at: number;
  received_at: number;
  language: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  top_emotion: string | null;
  complaint_severity: number | null;
  urgency: number | null;
  reach: number | null;
  stage: string | null;
  pipeline_version: string | null;
}

/** A query over `messages as m` joined to `readings as r`, as the filters see it. */
export type MessageQuery = SelectQueryBuilder<Database & { m: Database["messages"]; r: Database["readings"] }, "m" | "r", any>;
type Q = MessageQuery;

/**
 * Applies the filter to a query over `messages as m` left-joined to `readings as r`; the text the
 * dialect's way (`plan`: through its index first where it has one).
 */
export function applyMessageFilter(q: Q, f: MessageFilter, queries: DialectQueries, plan: TextPlan = { index: false, scan: false }): Q {
  q = q.where("m.workspace_id", "=", f.workspaceId);
  // Employee feedback is never listed, searched or shown one by one, for any role: employees are
  // seen only in aggregate (/insights/employee), and per person only in an admin's audited export.
  q = q.where("m.direction", "<>", "employee");
  if (f.from !== undefined) q = q.where("m.sent_at", ">=", f.from);
  if (f.to !== undefined) q = q.where("m.sent_at", "<", f.to);
  if (f.channels?.length) q = q.where("m.channel", "in", f.channels);
  if (f.directions?.length) q = q.where("m.direction", "in", f.directions as MessageRow["direction"][]);
  if (f.threadId !== undefined) q = q.where("m.thread_id", "=", f.threadId);
  if (f.personId !== undefined) q = q.where("m.person_id", "=", f.personId);
  if (f.sourceId !== undefined) q = q.where("m.source_id", "=", f.sourceId);
  if (f.id !== undefined) q = q.where("m.id", "=", f.id);
  if (f.languages?.length) q = q.where("r.language", "in", f.languages);
  if (f.sentiments?.length) q = q.where("r.sentiment", "in", f.sentiments);
  if (f.urgencyMin !== undefined) q = q.where("r.urgency", ">=", f.urgencyMin);
  if (f.severityMin !== undefined) q = q.where("r.complaint_severity", ">=", f.severityMin);
  if (f.unread === true) q = q.where("r.message_id", "is", null);
  if (f.unread === false) q = q.where("r.message_id", "is not", null);
  const labelExists = (kind: string, labels: string[], polarity?: string) => (eb: ExpressionBuilder<any, any>) =>
    eb.exists(
      eb
        .selectFrom("reading_labels as l")
        .select(sql.lit(1).as("one"))
        .whereRef("l.message_id", "=", "m.id")
        .where("l.kind", "=", kind)
        .where("l.label", "in", labels)
        .$if(polarity !== undefined, (s) => s.where("l.polarity", "=", polarity!)),
    );
  if (f.emotions?.length) q = q.where(labelExists("emotion", f.emotions));
  if (f.causes?.length) q = q.where(labelExists("cause", f.causes, f.causePolarity));
  if (f.needs?.length) q = q.where(labelExists("need", f.needs));
  if (f.signals?.length) q = q.where(labelExists("signal", f.signals));
  if (f.teams?.length) q = q.where("m.team_id", "in", f.teams);
  if (f.surveyKinds?.length || f.surveyMin !== undefined || f.surveyMax !== undefined) q = q.where(surveyIn(f));
  if (f.text) q = queries.whereText(q, f.text, plan);
  return q;
}

/**
 * The message carries a survey answer of the kinds and score range asked for: an IN list over the
 * workspace's answers, built once per query and probed per message.
 */
function surveyIn(f: MessageFilter) {
  return (eb: ExpressionBuilder<any, any>) =>
    eb(
      "m.id",
      "in",
      eb
        .selectFrom("survey_answers as s")
        .select("s.message_id")
        .where("s.workspace_id", "=", f.workspaceId)
        .where("s.message_id", "is not", null)
        .$if(!!f.surveyKinds?.length, (s) => s.where("s.kind", "in", f.surveyKinds!))
        .$if(f.surveyMin !== undefined, (s) => s.where("s.score", ">=", f.surveyMin!))
        .$if(f.surveyMax !== undefined, (s) => s.where("s.score", "<=", f.surveyMax!)),
    );
}

/** The columns of a listed message: the message and its reading summary. */
const LIST_COLUMNS = [
  "m.id",
  "m.external_id",
  "m.source_id",
  "m.thread_id",
  "m.person_id",
  "m.team_id",
  "m.direction",
  "m.channel",
  "m.is_public",
  "m.audience",
  "m.subject",
  "m.text",
  "m.sent_at",
  "m.received_at",
  "r.language",
  "r.sentiment",
  "r.sentiment_score",
  "r.top_emotion",
  "r.complaint_severity",
  "r.urgency",
  "r.reach",
  "r.stage",
  "r.pipeline_version",
] as const;

/** A page of messages matching the filter, newest first, and the cursor of the next page (null at the end). */
export async function listMessages(
  store: Store,
  f: MessageFilter & {
    limit: number;
    before?: { sentAt: number; id: number };
    /** Tests: a smaller TEXT_SCAN_WINDOW. */ textScanWindow?: number;
  },
): Promise<{ items: MessageListRow[]; next: { sentAt: number; id: number } | null }> {
  const needsReading = !!(
    f.languages?.length ||
    f.sentiments?.length ||
    f.urgencyMin !== undefined ||
    f.severityMin !== undefined ||
    f.unread === false
  );
  // With a filter on reading columns the join is inner anyway. Spelled as CROSS JOIN, SQLite keeps
  // messages as the outer loop and walks them newest first until the page is full; left to itself
  // it may scan all readings and sort them (seconds at a million rows). PostgreSQL plans it freely.
  // A rare language (a few hundred readings) is the exception: then the language index should drive.
  const readingsFirst = needsReading && !!f.languages?.length && (await store.queries.readingsFirst(store.db, f.workspaceId, f.languages));
  let q = (needsReading && !readingsFirst
    ? store.db.selectFrom("messages as m").crossJoin("readings as r").whereRef("r.message_id", "=", "m.id")
    : needsReading
      ? store.db.selectFrom("readings as r").crossJoin("messages as m").whereRef("r.message_id", "=", "m.id")
      : store.db.selectFrom("messages as m").leftJoin("readings as r", "r.message_id", "m.id")) as unknown as Q;
  // Text: a rare text is found through the index where there is one; a common one by walking
  // messages newest first, which meets enough matches quickly, a window at a time.
  const plan = f.text ? await store.queries.textPlan(store.db, f.text) : undefined;
  const window = plan?.scan ? await scanWindow(store, f) : null;
  q = applyMessageFilter(q, f, store.queries, plan);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) => eb.or([eb("m.sent_at", "<", b.sentAt), eb.and([eb("m.sent_at", "=", b.sentAt), eb("m.id", "<", b.id)])]));
  }
  if (window)
    q = q.where((eb) =>
      eb.or([eb("m.sent_at", ">", window.sentAt), eb.and([eb("m.sent_at", "=", window.sentAt), eb("m.id", ">=", window.id)])]),
    );
  const rows = (await q
    .select(LIST_COLUMNS)
    .orderBy("m.sent_at", "desc")
    .orderBy("m.id", "desc")
    .limit(f.limit + 1)
    .execute()) as MessageListRow[];
  const more = rows.length > f.limit;
  const items = more ? rows.slice(0, f.limit) : rows;
  const last = items[items.length - 1];
  if (more && last) return { items, next: { sentAt: last.sent_at, id: last.id } };
  // The scan stopped at the window's oldest message: the next page resumes below it.
  return { items, next: window };
}

/**
 * The oldest message of the next TEXT_SCAN_WINDOW (newest first, below the cursor and `to`), or
 * null when fewer remain or the window already reaches below `from`: the scan then ends by itself.
 */
async function scanWindow(
  store: Store,
  f: MessageFilter & { before?: { sentAt: number; id: number }; textScanWindow?: number },
): Promise<{ sentAt: number; id: number } | null> {
  let q = store.db.selectFrom("messages").select(["sent_at", "id"]).where("workspace_id", "=", f.workspaceId);
  if (f.to !== undefined) q = q.where("sent_at", "<", f.to);
  const b = f.before;
  if (b) q = q.where((eb) => eb.or([eb("sent_at", "<", b.sentAt), eb.and([eb("sent_at", "=", b.sentAt), eb("id", "<", b.id)])]));
  const edge = await q
    .orderBy("sent_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .offset((f.textScanWindow ?? TEXT_SCAN_WINDOW) - 1)
    .executeTakeFirst();
  if (!edge || (f.from !== undefined && edge.sent_at < f.from)) return null;
  return { sentAt: edge.sent_at, id: edge.id };
}
