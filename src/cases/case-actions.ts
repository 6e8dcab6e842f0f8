/**
 * What people do to a case: move it through its lifecycle, assign it, write internal notes, record
 * goodwill, reply (checked for empathy; sent into the thread or only checked as a draft), and close
 * the follow-up. Each action writes the case, its clocks and an event in one transaction.
 *
 * @example
 * await moveCase(ctx, 7, "resolved", { kind: "key", id: 1 });
 * await addGoodwill(ctx, 7, { amount: 15, currency: "EUR", kind: "voucher" }, actor);
 */
import { randomUUID } from "node:crypto";
import { AttuneError } from "../core/errors.js";
import type { Reading } from "../core/reading.js";
import { checkReply, type Check } from "../analysis/public.js";
import { Ingestor } from "../ingest/public.js";
import type { ReadingEngine } from "../core/reading.js";
import { queueEmailReply, replyMessageId } from "../connectors/public.js";
import { mailboxAddress } from "../store/connectors.js";
import { enqueueHelpdeskReply } from "../store/helpdesk-outbox.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { stopClock } from "./case-clocks.js";
import type { CaseActor, CaseContext } from "./case-context.js";
import { applyMove, isActive } from "./case-lifecycle.js";
import { addEvent, saveCase, type Db } from "./case-store.js";
import { loadClocks } from "../store/case-clocks.js";
import { addCaseGoodwill, addCaseNote, addCaseReplies } from "../store/case-history.js";
import { findCase } from "../store/cases.js";
import { messageWithAuthor } from "../store/read-messages.js";
import { teamInWorkspace, teamNames } from "../store/teams.js";
import { threadOrigin } from "../store/threads.js";
import { activeUserInWorkspace } from "../store/users.js";
import { type CaseRow, type CaseStatus, type ClockRow } from "../store/schema.js";

async function loadCase(db: Db, workspaceId: number, id: number): Promise<CaseRow> {
  const row = await findCase(db, workspaceId, id);
  if (!row) throw new AttuneError("store.not_found", { resource: "case" });
  return row;
}

/** Runs `fn` on a fresh copy of the case inside a write transaction, then saves case and clocks. */
async function withCase<T>(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  fn: (db: Db, row: CaseRow, clocks: ClockRow[]) => Promise<{ row: CaseRow; clocks?: ClockRow[]; result: T }>,
): Promise<T> {
  return withWriteTransaction(ctx.store, async (trx) => {
    const db = trx;
    const row = await loadCase(db, workspaceId, id);
    const clocks = (await loadClocks(db, [id])).get(id) ?? [];
    const out = await fn(db, row, clocks);
    const teams = await teamNames(db, [out.row.team_id]);
    await saveCase(db, ctx, out.row, out.clocks ?? clocks, out.row.team_id !== null ? (teams.get(out.row.team_id) ?? null) : null);
    return out.result;
  });
}

/** Moves a case to `to` (see MOVES); resolving schedules the follow-up when the rules ask for one. */
export async function moveCase(ctx: CaseContext, workspaceId: number, id: number, to: CaseStatus, actor: CaseActor): Promise<CaseRow> {
  return withCase(ctx, workspaceId, id, async (db, row, clocks) => {
    const now = ctx.clock.now();
    const from = row.status;
    const moved = applyMove(from, to, clocks, now);
    const next: CaseRow = { ...row, status: to, active: isActive(to) ? 1 : 0 };
    if (to === "resolved") {
      next.resolved_at = now;
      next.waiting_since = null;
      if (next.first_response_at === null) next.first_response_at = now;
      next.follow_up_at = ctx.rules.followUp.enabled ? now + ctx.rules.followUp.afterMinutes * 60_000 : null;
      next.follow_up_fired_at = null;
      next.follow_up_done_at = null;
      next.recovered = null;
    } else if (to === "closed") {
      next.closed_at = now;
    } else if (from === "resolved" && to === "open") {
      next.resolved_at = null;
      next.follow_up_at = null;
      next.reopens = row.reopens + 1;
    }
    await addEvent(db, id, now, "status", actor, { from, to });
    return { row: next, clocks: moved.clocks, result: next };
  });
}

/** Assigns a case to an agent (user) and/or a team; the team's calendar then drives its clocks. */
export async function assignCase(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  to: { userId?: number | null; teamId?: number | null },
  actor: CaseActor,
): Promise<CaseRow> {
  return withCase(ctx, workspaceId, id, async (db, row) => {
    const now = ctx.clock.now();
    const next = { ...row };
    if (to.userId !== undefined) {
      if (to.userId !== null) {
        if (!(await activeUserInWorkspace(db, workspaceId, to.userId)))
          throw new AttuneError("input.invalid_value", { field: "user_id", reason: "no such active user" });
      }
      next.assignee_user_id = to.userId;
    }
    if (to.teamId !== undefined) {
      if (to.teamId !== null) {
        if (!(await teamInWorkspace(db, workspaceId, to.teamId)))
          throw new AttuneError("input.invalid_value", { field: "team_id", reason: "no such team" });
      }
      next.team_id = to.teamId;
    }
    // Someone owns it now: a new case is being worked.
    if (next.status === "new" && next.assignee_user_id !== null) next.status = "open";
    await addEvent(db, id, now, "assigned", actor, { user_id: next.assignee_user_id, team_id: next.team_id });
    return { row: next, result: next };
  });
}

/** An internal note (never shown to the customer). */
export async function addNote(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  text: string,
  actor: CaseActor,
): Promise<{ id: number; at: number }> {
  return withCase(ctx, workspaceId, id, async (db, row) => {
    const at = ctx.clock.now();
    const noteId = await addCaseNote(db, { case_id: id, at, author_kind: actor.kind, author_id: actor.id, text });
    await addEvent(db, id, at, "note", actor, { note_id: noteId });
    return { row, result: { id: noteId, at } };
  });
}

export const GOODWILL_KINDS = ["refund", "partial_refund", "voucher", "credit", "discount", "replacement", "gift", "other"] as const;

/** Goodwill or compensation given, so the cost of recovery is known. */
export async function addGoodwill(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  g: { amount: number; currency: string; kind: (typeof GOODWILL_KINDS)[number]; note?: string },
  actor: CaseActor,
): Promise<{ id: number; at: number }> {
  return withCase(ctx, workspaceId, id, async (db, row) => {
    const at = ctx.clock.now();
    const goodwillId = await addCaseGoodwill(db, {
      case_id: id,
      at,
      amount: g.amount,
      currency: g.currency.toUpperCase(),
      kind: g.kind,
      note: g.note ?? null,
      actor_kind: actor.kind,
      actor_id: actor.id,
    });
    await addEvent(db, id, at, "goodwill", actor, {
      goodwill_id: goodwillId,
      amount: g.amount,
      currency: g.currency.toUpperCase(),
      kind: g.kind,
    });
    return { row, result: { id: goodwillId, at } };
  });
}

/** Records the outcome of the follow-up after resolution. */
export async function completeFollowUp(
  ctx: CaseContext,
  workspaceId: number,
  id: number,
  outcome: "reached" | "no_answer" | "not_needed",
  actor: CaseActor,
): Promise<CaseRow> {
  return withCase(ctx, workspaceId, id, async (db, row) => {
    if (row.follow_up_at === null) throw new AttuneError("input.invalid_value", { field: "follow_up", reason: "no follow-up scheduled" });
    const at = ctx.clock.now();
    const next = { ...row, follow_up_done_at: at, follow_up_fired_at: row.follow_up_fired_at ?? at };
    await addEvent(db, id, at, "follow_up_done", actor, { outcome });
    return { row: next, result: next };
  });
}

/** The customer message a reply answers: the case's latest, with its Reading. */
export async function customerMessageOf(
  ctx: CaseContext,
  row: CaseRow,
): Promise<{ id: number; text: string; reading: Reading; name: string | null } | null> {
  return row.last_customer_message_id === null ? null : messageWithAuthor(ctx.store.db, row.last_customer_message_id);
}

/**
 * Checks an agent's reply against the customer's last message; with `send`, stores it as an agent
 * message in the case's thread (it goes through reading like any message), keeps the score, and
 * stops the first-response clock.
 */
export async function replyToCase(
  ctx: CaseContext,
  engine: ReadingEngine,
  workspaceId: number,
  id: number,
  reply: { text: string; send: boolean; idempotency_key?: string | undefined; from?: string | undefined },
  actor: CaseActor,
): Promise<{ check: Check; message_id: number | null }> {
  const db = ctx.store.db;
  const row = await loadCase(db, workspaceId, id);
  const customer = await customerMessageOf(ctx, row);
  if (!customer) throw new AttuneError("store.not_found", { resource: "customer message" });
  const replyReading = engine.analyze(reply.text, { direction: "agent", channel: row.channel as never });
  const check = checkReply(reply.text, replyReading, customer.reading, customer.text, {
    ...(customer.name ? { customerName: customer.name } : {}),
    public: row.is_public === 1,
  });
  if (!reply.send) return { check, message_id: null };
  if (!isActive(row.status)) throw new AttuneError("input.invalid_value", { field: "status", reason: "case is not in work" });

  const now = ctx.clock.now();
  const thread = row.thread_id !== null ? await threadOrigin(db, row.thread_id) : undefined;
  const key = `case-${id}-reply-${reply.idempotency_key ?? randomUUID()}`;
  // A mailbox's thread: the reply is queued for SMTP first (the checks of an email reply run before
  // anything is stored) and kept in the thread under its Message-ID, so recording it sent adds nothing.
  const mailId = thread?.kind === "imap" ? await queueMailReply(ctx, thread.name, customer.id, reply, key, now) : undefined;
  const ing = await Ingestor.open(ctx.store, { workspaceId, source: thread?.name ?? "cases", origin: "cases", collectResults: true });
  await ing.add(1, {
    // With the caller's key, a retried request is the same message (a duplicate), so it is queued out once.
    external_id: mailId ?? key,
    text: reply.text,
    channel: row.channel,
    direction: "agent",
    author: `attune-${actor.kind}-${actor.id ?? 0}`,
    sent_at: now,
    ...(thread ? { thread: thread.external_id } : {}),
  });
  await ing.finish();
  const messageId = ing.results[0]?.id;
  if (messageId === undefined) throw new AttuneError("internal", { reason: "reply not stored" });
  if (thread && HELPDESKS.has(thread.kind)) await queueHelpdeskReply(db, workspaceId, thread, messageId, reply.text, now);
  await withCase(ctx, workspaceId, id, async (tdb, fresh, clocks) => {
    await addCaseReplies(tdb, [
      {
        case_id: id,
        message_id: messageId,
        answers_message_id: customer.id,
        checked_at: now,
        score: check.score,
        criteria: JSON.stringify(check.criteria),
      },
    ]);
    const next = {
      ...fresh,
      waiting_since: null,
      first_response_at: fresh.first_response_at ?? now,
      status: fresh.status === "new" ? ("open" as const) : fresh.status,
    };
    await addEvent(tdb, id, now, "agent_reply", actor, { message_id: messageId, score: check.score });
    return { row: next, clocks: clocks.map((c) => (c.kind === "first_response" ? stopClock(c, now) : c)), result: undefined };
  });
  return { check, message_id: messageId };
}

/** Sources whose threads take replies back (connectors/*-reply.ts posts them). */
export const HELPDESKS = new Set(["zendesk", "freshdesk", "intercom"]);

/**
 * Queues a case's reply as an email to the customer's message (connectors/email-reply.ts), from the
 * address the agent gave or the mailbox's own (its stored connector's user); returns its Message-ID.
 */
async function queueMailReply(
  ctx: CaseContext,
  source: string,
  answers: number,
  reply: { text: string; from?: string | undefined },
  key: string,
  now: number,
): Promise<string> {
  const from = reply.from ?? (await mailboxAddress(ctx.store.db, ctx.store.workspaceId, source));
  if (!from) throw new AttuneError("input.invalid_value", { field: "from", reason: "no support address known for this mailbox" });
  await queueEmailReply(ctx.store, { messageId: answers, text: reply.text, idempotencyKey: key, from, now });
  return replyMessageId(ctx.store.workspaceId, key, from);
}

/** Queues a reply sent in a helpdesk's thread for posting back there, once per stored message. */
async function queueHelpdeskReply(
  db: Db,
  workspaceId: number,
  thread: { external_id: string; name: string },
  messageId: number,
  text: string,
  now: number,
): Promise<void> {
  await enqueueHelpdeskReply(db, {
    workspace_id: workspaceId,
    idempotency_key: `message-${messageId}`,
    connector: thread.name,
    thread_ref: thread.external_id,
    body: text,
    is_public: 1,
    created_at: now,
  });
}
