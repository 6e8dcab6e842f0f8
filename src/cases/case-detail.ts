/**
 * Everything about one case for the case page: the case, its thread with each message's Reading,
 * the SLA clocks read at `now`, reply drafts for the customer's latest message, checked replies,
 * internal notes, goodwill, history and alerts.
 *
 * @example
 * const detail = await caseDetail(ctx, 1, 42, { drafts: true });
 */
import type { Reading } from "../core/reading.js";
import { draftReplies, type Draft } from "../analysis/public.js";
import { HELPDESKS } from "./case-actions.js";
import { calendarFor, historyOf } from "./case-clocks.js";
import type { CaseContext } from "./case-context.js";
import { loadClocks } from "../store/case-clocks.js";
import { caseHistory } from "../store/case-history.js";
import { findCase } from "../store/cases.js";
import { personSummary } from "../store/people.js";
import { mailboxAddress } from "../store/connectors.js";
import { conversation } from "../store/read-messages.js";
import { replyDeliveries, type Delivery } from "../store/reply-delivery.js";
import type { CaseRow, ClockRow } from "../store/schema.js";
import { teamNames } from "../store/teams.js";
import { threadOrigin } from "../store/threads.js";
import { userSummary } from "../store/users.js";
import { readClock, type ClockReading } from "./sla-clock.js";

export interface CaseDetail {
  row: CaseRow;
  teamName: string | null;
  assignee: { id: number; email: string; display_name: string | null } | null;
  person: { id: number; display_name: string | null; audience: number | null } | null;
  clocks: (ClockReading & {
    kind: string;
    startedAt: number;
    stoppedAt: number | null;
    warnedAt: number | null;
    recordedBreachAt: number | null;
  })[];
  messages: { id: number; direction: string; channel: string; is_public: number; sent_at: number; text: string; reading: Reading | null }[];
  drafts: Draft[];
  replies: { message_id: number; answers_message_id: number | null; checked_at: number; score: number; criteria: unknown }[];
  notes: { id: number; at: number; author_kind: string; author_id: number | null; text: string }[];
  goodwill: { id: number; at: number; amount: number; currency: string; kind: string; note: string | null }[];
  events: { at: number; kind: string; actor_kind: string; actor_id: number | null; details: unknown }[];
  alerts: { id: number; kind: string; severity: string; summary: string; created_at: number }[];
  /** Where a reply sent from the case goes: back to the helpdesk, by email, or only into attune's thread. */
  replyVia: { kind: "helpdesk" | "email" | "thread"; source: string | null; from: string | null };
  /** The way out of each agent reply that was queued for a helpdesk or SMTP, by message id. */
  deliveries: Map<number, Delivery>;
}

export async function caseDetail(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  o: { drafts?: boolean } = {},
): Promise<CaseDetail | null> {
  const db = ctx.store.db;
  const row = await findCase(db, workspaceId, id);
  if (!row) return null;
  const [teams, assignee, person, clockRows, messages, history] = await Promise.all([
    teamNames(db, [row.team_id]),
    row.assignee_user_id !== null ? userSummary(db, row.assignee_user_id) : undefined,
    row.person_id !== null ? personSummary(db, row.person_id) : undefined,
    loadClocks(db, [id]),
    conversation(db, { threadId: row.thread_id, originId: row.origin_message_id }),
    caseHistory(db, id),
  ]);
  const teamName = row.team_id !== null ? (teams.get(row.team_id) ?? null) : null;
  const agentIds = messages.filter((m) => m.direction === "agent").map((m) => m.id);
  const [replyVia, deliveries] = await Promise.all([replyRoute(ctx, row), replyDeliveries(db, workspaceId, agentIds)]);
  return {
    row,
    teamName,
    assignee: assignee ?? null,
    person: person ?? null,
    clocks: readClocks(ctx, clockRows.get(id) ?? [], teamName),
    messages,
    drafts: o.drafts !== false ? draftsFor(row, messages, person?.display_name ?? null) : [],
    replies: history.replies.map((r) => ({ ...r, criteria: JSON.parse(r.criteria) as unknown })),
    notes: history.notes,
    goodwill: history.goodwill,
    events: history.events.map((e) => ({ ...e, details: e.details ? (JSON.parse(e.details) as unknown) : null })),
    alerts: history.alerts,
    replyVia,
    deliveries,
  };
}

/** Which way a reply from this case goes out (case-actions.ts replyToCase takes the same way). */
async function replyRoute(ctx: CaseContext, row: CaseRow): Promise<CaseDetail["replyVia"]> {
  const origin = row.thread_id !== null ? await threadOrigin(ctx.store.db, row.thread_id) : undefined;
  if (origin && HELPDESKS.has(origin.kind)) return { kind: "helpdesk", source: origin.kind, from: null };
  if (origin?.kind === "imap")
    return { kind: "email", source: origin.name, from: (await mailboxAddress(ctx.store.db, ctx.store.workspaceId, origin.name)) ?? null };
  return { kind: "thread", source: null, from: null };
}

/** The SLA clocks read at now on the team's calendar, first response first. */
function readClocks(ctx: CaseContext, rows: ClockRow[], teamName: string | null): CaseDetail["clocks"] {
  const cal = calendarFor(ctx.rules, teamName);
  const now = ctx.clock.now();
  return [...rows]
    .sort((a, b) => (a.kind < b.kind ? -1 : 1))
    .map((c) => ({
      kind: c.kind,
      startedAt: c.started_at,
      stoppedAt: c.stopped_at,
      warnedAt: c.warned_at,
      recordedBreachAt: c.breached_at,
      ...readClock(cal, c.target_minutes, historyOf(c), now, ctx.rules.warnFraction),
    }));
}

/** Reply drafts for the customer's latest read message while the case is in work. */
function draftsFor(row: CaseRow, messages: CaseDetail["messages"], customerName: string | null): Draft[] {
  const last = messages.filter((m) => m.direction === "customer" && m.reading).at(-1);
  if (!last?.reading || !(row.status === "new" || row.status === "open" || row.status === "waiting")) return [];
  try {
    return draftReplies(
      last.reading,
      { ...(customerName ? { customerName } : {}), channel: row.channel as never, public: row.is_public === 1 },
      { message: last.text, count: 3 },
    );
  } catch {
    return [];
  }
}
