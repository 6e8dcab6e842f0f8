/**
 * What leaves the server about cases: the queue item, the case page, and the schemas the OpenAPI
 * document shows for them. Times go out as ISO strings; internal sort keys stay inside.
 *
 * @example
 * c.json({ items: page.items.map(presentCase) });
 */
import { z } from "zod";
import { AttuneError } from "../../core/errors.js";
import type { CaseEngine } from "../../cases/case-engine.js";
import type { CaseDetail } from "../../cases/case-detail.js";
import { type CaseRow } from "../../store/schema.js";
import { NO_DUE } from "../../store/cases.js";
import type { CaseActor } from "../../cases/case-context.js";
import type { AppDeps } from "../app-deps.js";
import type { Principal } from "../auth/principal.js";
import { ReadingOut } from "../reading-schema.js";
import { CheckOut, DraftOut } from "../respond-schemas.js";
import { iso } from "../schemas.js";

export const CaseSummary = z.object({
  id: z.number(),
  status: z.enum(["new", "open", "waiting", "resolved", "closed"]),
  priority: z.number().describe("1 (act now) .. 4"),
  priority_score: z.number(),
  priority_explanation: z.string().describe('"P1: public post, 12k followers, threatens to cancel, third contact"'),
  reasons: z.array(z.string()).describe("Why the case opened or was updated."),
  channel: z.string(),
  public: z.boolean(),
  thread_id: z.number().nullable(),
  person_id: z.number().nullable(),
  team_id: z.number().nullable(),
  assignee_user_id: z.number().nullable(),
  cause: z.string().nullable(),
  emotion: z.string().nullable(),
  language: z.string().nullable(),
  contacts: z.number(),
  customer_value: z.number().nullable(),
  due_at: z.string().nullable().describe("Earliest running SLA due time."),
  breached: z.boolean(),
  waiting_since: z.string().nullable(),
  opened_at: z.string(),
  updated_at: z.string(),
  first_response_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  follow_up_at: z.string().nullable(),
  follow_up_fired_at: z.string().nullable(),
  follow_up_done_at: z.string().nullable(),
  recovered: z.boolean().nullable().describe("After resolution: did the customer's next message read better? null until they write again."),
});

export function presentCase(r: CaseRow): z.infer<typeof CaseSummary> {
  return {
    id: r.id,
    status: r.status,
    priority: r.priority,
    priority_score: r.priority_score,
    priority_explanation: r.priority_explanation,
    reasons: JSON.parse(r.reasons) as string[],
    channel: r.channel,
    public: r.is_public === 1,
    thread_id: r.thread_id,
    person_id: r.person_id,
    team_id: r.team_id,
    assignee_user_id: r.assignee_user_id,
    cause: r.cause,
    emotion: r.emotion,
    language: r.language,
    contacts: r.contacts,
    customer_value: r.customer_value,
    due_at: r.sort_due >= NO_DUE ? null : iso(r.sort_due),
    breached: r.breached === 1,
    waiting_since: iso(r.waiting_since),
    opened_at: iso(r.opened_at)!,
    updated_at: iso(r.updated_at)!,
    first_response_at: iso(r.first_response_at),
    resolved_at: iso(r.resolved_at),
    closed_at: iso(r.closed_at),
    follow_up_at: iso(r.follow_up_at),
    follow_up_fired_at: iso(r.follow_up_fired_at),
    follow_up_done_at: iso(r.follow_up_done_at),
    recovered: r.recovered === null ? null : r.recovered === 1,
  };
}

const isoTime = z.string();

/** The case page: the case with its thread and Readings, drafts, checked replies, clocks and history. */
export const CaseDetailOut = CaseSummary.extend({
  team: z.string().nullable(),
  assignee: z.object({ id: z.number(), email: z.string(), display_name: z.string().nullable() }).nullable(),
  person: z.object({ id: z.number(), display_name: z.string().nullable(), audience: z.number().nullable() }).nullable(),
  clocks: z.array(
    z.object({
      kind: z.string(),
      status: z.enum(["running", "paused", "met", "breached"]),
      target_minutes: z.number(),
      elapsed_minutes: z.number(),
      remaining_minutes: z.number(),
      started_at: isoTime,
      stopped_at: isoTime.nullable(),
      due_at: isoTime.nullable().describe("When the target is missed if nothing happens; null while paused or stopped."),
      warn_at: isoTime.nullable(),
      warned_at: isoTime.nullable(),
      breached_at: isoTime.nullable(),
    }),
  ),
  thread: z.array(
    z.object({
      id: z.number(),
      direction: z.string(),
      channel: z.string(),
      public: z.boolean(),
      sent_at: isoTime,
      text: z.string(),
      reading: ReadingOut.nullable(),
      delivery: z
        .object({
          via: z.enum(["helpdesk", "email"]),
          state: z.enum(["pending", "sending", "sent", "unconfirmed", "failed"]),
          outbox_id: z.number(),
        })
        .nullable()
        .describe("How a reply sent from attune is getting out (null: kept in attune only)."),
    }),
  ),
  reply_via: z
    .object({ kind: z.enum(["helpdesk", "email", "thread"]), source: z.string().nullable(), from: z.string().nullable() })
    .describe("Where a reply from this case goes: the helpdesk's ticket, an email from `from`, or attune's thread only."),
  drafts: z.array(DraftOut),
  replies: z.array(
    z.object({
      message_id: z.number(),
      answers_message_id: z.number().nullable(),
      checked_at: isoTime,
      score: z.number(),
      criteria: CheckOut.shape.criteria,
    }),
  ),
  notes: z.array(z.object({ id: z.number(), at: isoTime, author_kind: z.string(), author_id: z.number().nullable(), text: z.string() })),
  goodwill: z.array(
    z.object({ id: z.number(), at: isoTime, amount: z.number(), currency: z.string(), kind: z.string(), note: z.string().nullable() }),
  ),
  events: z.array(
    z.object({
      at: isoTime,
      kind: z.string(),
      actor_kind: z.string(),
      actor_id: z.number().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  alerts: z.array(z.object({ id: z.number(), kind: z.string(), severity: z.string(), summary: z.string(), created_at: isoTime })),
}).meta({ id: "CaseDetail" });

type CaseDetailJson = z.infer<typeof CaseDetailOut>;

export function presentDetail(d: CaseDetail): CaseDetailJson {
  return {
    ...presentCase(d.row),
    team: d.teamName,
    assignee: d.assignee,
    person: d.person,
    clocks: d.clocks.map((c) => ({
      kind: c.kind,
      status: c.status,
      target_minutes: c.targetMinutes,
      elapsed_minutes: c.elapsedMinutes,
      remaining_minutes: c.remainingMinutes,
      started_at: iso(c.startedAt)!,
      stopped_at: iso(c.stoppedAt),
      due_at: iso(c.dueAt),
      warn_at: iso(c.warnAt),
      warned_at: iso(c.warnedAt),
      breached_at: iso(c.recordedBreachAt ?? c.breachedAt),
    })),
    thread: d.messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      public: m.is_public === 1,
      sent_at: iso(m.sent_at)!,
      text: m.text,
      reading: m.reading,
      delivery: d.deliveries.get(m.id) ?? null,
    })),
    reply_via: d.replyVia,
    drafts: d.drafts,
    replies: d.replies.map((r) => ({
      message_id: r.message_id,
      answers_message_id: r.answers_message_id,
      checked_at: iso(r.checked_at)!,
      score: r.score,
      // Stored as checkReply returned it.
      criteria: r.criteria as CaseDetailJson["replies"][number]["criteria"],
    })),
    notes: d.notes.map((n) => ({ id: n.id, at: iso(n.at)!, author_kind: n.author_kind, author_id: n.author_id, text: n.text })),
    goodwill: d.goodwill.map((g) => ({ id: g.id, at: iso(g.at)!, amount: g.amount, currency: g.currency, kind: g.kind, note: g.note })),
    events: d.events.map((e) => ({
      at: iso(e.at)!,
      kind: e.kind,
      actor_kind: e.actor_kind,
      actor_id: e.actor_id,
      // Stored as the case engine wrote it: a JSON object.
      details: e.details as Record<string, unknown> | null,
    })),
    alerts: d.alerts.map((a) => ({ id: a.id, kind: a.kind, severity: a.severity, summary: a.summary, created_at: iso(a.created_at)! })),
  };
}

/** Who acts, as the case history records it. */
export function actorOf(p: Principal): CaseActor {
  return p.kind === "key" ? { kind: "key", id: p.id } : p.kind === "session" ? { kind: "user", id: p.id } : { kind: "system", id: null };
}

/** The server's case engine; an app built without one answers its case routes 503 `cases.unavailable`. */
export async function casesOf(deps: AppDeps): Promise<CaseEngine> {
  if (!deps.cases) throw new AttuneError("cases.unavailable", {});
  return deps.cases;
}
