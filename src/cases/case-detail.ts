/**
 * Everything about one case for the case page: the case, its thread with each message's Reading,
 * the SLA clocks read at `now`, reply drafts for the customer's latest message, checked replies,
 * internal notes, goodwill, history and alerts.
 *
 * @example
 * const detail = await caseDetail(ctx, 1, 42, { drafts: true });
 */
import type { Reading } from "../core/reading.js";
import { draftReplies } from "../analysis/respond/draft-replies.js";
import type { Draft } from "../analysis/respond/types.js";
import { calendarFor, historyOf } from "./case-clocks.js";
import type { CaseContext } from "./case-context.js";
import { type CaseRow } from "../store/schema.js";
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
}

export async function caseDetail(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  o: { drafts?: boolean } = {},
): Promise<CaseDetail | null> {
  const db = ctx.store.db;
  const row = await db.selectFrom("cases").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock.now();
  const team =
    row.team_id !== null ? await db.selectFrom("teams").select("name").where("id", "=", row.team_id).executeTakeFirst() : undefined;
  const assignee =
    row.assignee_user_id !== null
      ? await db.selectFrom("users").select(["id", "email", "display_name"]).where("id", "=", row.assignee_user_id).executeTakeFirst()
      : undefined;
  const person =
    row.person_id !== null
      ? await db.selectFrom("people").select(["id", "display_name", "audience"]).where("id", "=", row.person_id).executeTakeFirst()
      : undefined;

  const cal = calendarFor(ctx.rules, team?.name);
  const clockRows = await db.selectFrom("case_clocks").selectAll().where("case_id", "=", id).execute();
  const clocks = clockRows
    .sort((a, b) => (a.kind < b.kind ? -1 : 1))
    .map((c) => ({
      kind: c.kind,
      startedAt: c.started_at,
      stoppedAt: c.stopped_at,
      warnedAt: c.warned_at,
      recordedBreachAt: c.breached_at,
      ...readClock(cal, c.target_minutes, historyOf(c), now, ctx.rules.warnFraction),
    }));

  let mq = db
    .selectFrom("messages as m")
    .leftJoin("readings as r", "r.message_id", "m.id")
    .select(["m.id", "m.direction", "m.channel", "m.is_public", "m.sent_at", "m.text", "r.reading"]);
  mq = row.thread_id !== null ? mq.where("m.thread_id", "=", row.thread_id) : mq.where("m.id", "=", row.origin_message_id ?? -1);
  // Employee feedback never shows one message at a time, whoever asks (aggregates only).
  mq = mq.where("m.direction", "<>", "employee");
  const msgs = (await mq.orderBy("m.sent_at").orderBy("m.id").limit(500).execute()).map((m) => ({
    ...m,
    reading: m.reading ? (JSON.parse(m.reading) as Reading) : null,
  }));

  let drafts: Draft[] = [];
  const last = msgs.filter((m) => m.direction === "customer" && m.reading).at(-1);
  if (o.drafts !== false && last?.reading && (row.status === "new" || row.status === "open" || row.status === "waiting")) {
    try {
      drafts = draftReplies(
        last.reading,
        {
          ...(person?.display_name ? { customerName: person.display_name } : {}),
          channel: row.channel as never,
          public: row.is_public === 1,
        },
        { message: last.text, count: 3 },
      );
    } catch {
      drafts = [];
    }
  }

  const [replies, notes, goodwill, events, alerts] = await Promise.all([
    db
      .selectFrom("case_replies")
      .select(["message_id", "answers_message_id", "checked_at", "score", "criteria"])
      .where("case_id", "=", id)
      .orderBy("checked_at")
      .execute(),
    db
      .selectFrom("case_notes")
      .select(["id", "at", "author_kind", "author_id", "text"])
      .where("case_id", "=", id)
      .orderBy("at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("case_goodwill")
      .select(["id", "at", "amount", "currency", "kind", "note"])
      .where("case_id", "=", id)
      .orderBy("at")
      .execute(),
    db
      .selectFrom("case_events")
      .select(["at", "kind", "actor_kind", "actor_id", "details"])
      .where("case_id", "=", id)
      .orderBy("at")
      .orderBy("id")
      .limit(500)
      .execute(),
    db
      .selectFrom("alerts")
      .select(["id", "kind", "severity", "summary", "created_at"])
      .where("case_id", "=", id)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    row,
    teamName: team?.name ?? null,
    assignee: assignee ?? null,
    person: person ?? null,
    clocks,
    messages: msgs,
    drafts,
    replies: replies.map((r) => ({ ...r, criteria: JSON.parse(r.criteria) as unknown })),
    notes,
    goodwill,
    events: events.map((e) => ({ ...e, details: e.details ? (JSON.parse(e.details) as unknown) : null })),
    alerts,
  };
}
