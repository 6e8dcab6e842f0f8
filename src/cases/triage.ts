/**
 * Triage: after messages are read, decide per thread whether a case opens, an open one is updated,
 * a resolved one reopens, an agent reply stops the first-response clock (and is checked for
 * empathy), a question starts its "left unanswered" timer, and a later message of a customer whose
 * case was resolved shows recovery. Works on a batch with a fixed number of queries plus one write
 * transaction, so it keeps pace with ingestion.
 *
 * @example
 * const stats = await triageMessages(ctx, [101, 102, 103]);
 * stats.opened; // cases opened by this batch
 */
import type { Reading } from "../core/reading.js";
import { checkReply } from "../analysis/respond/check-reply.js";
import { addBusinessMinutes } from "./business-calendar.js";
import { raiseAlert, type NewAlert } from "./alerts.js";
import { calendarFor, resumeClock, startClocks, stopClock } from "./case-clocks.js";
import type { CaseContext } from "./case-context.js";
import { applyMove } from "./case-lifecycle.js";
import { reasonsToOpen, slaTargets } from "./case-rules.js";
import { changedClocks, loadClocks, prepareCase, teamNames, upsertCases, upsertClocks, type Db } from "./case-store.js";
import { type CaseRow, type ClockRow } from "../store/schema.js";
import { computePriority } from "./priority.js";
import { asksQuestion, customerValueOf, describeCase } from "./case-facts.js";
import { newCaseValues } from "./new-case.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { finishQueued, retriaged } from "../store/work-queue.js";
import type { MessageListRow } from "../store/message-query.js";

export interface TriageStats {
  messages: number;
  opened: number;
  updated: number;
  reopened: number;
  repliesChecked: number;
  recoveryChecked: number;
  questionsScheduled: number;
  alerts: number;
  /** Customer messages per workspace (the spike detector's cue that counts moved). */
  customerMessages: number;
}

/** A read message as triage loads it: the listed message's columns it needs, its workspace and Reading. */
interface Row extends Pick<
  MessageListRow,
  "id" | "thread_id" | "person_id" | "team_id" | "direction" | "channel" | "is_public" | "audience" | "sent_at" | "text"
> {
  workspace_id: number;
  reading: Reading;
}

interface Work {
  row: CaseRow;
  clocks: ClockRow[];
  /** The clocks as loaded, to write only what changed; absent for a new case. */
  loaded?: ClockRow[];
  isNew: boolean;
  dirty: boolean;
}

interface PendingEvent {
  caseId: number;
  kind: string;
  details: Record<string, unknown>;
}

const CHUNK = 500;

async function loadRows(db: Db, ids: number[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom("messages as m")
      .innerJoin("readings as r", "r.message_id", "m.id")
      .select([
        "m.id",
        "m.workspace_id",
        "m.thread_id",
        "m.person_id",
        "m.team_id",
        "m.direction",
        "m.channel",
        "m.is_public",
        "m.audience",
        "m.sent_at",
        "m.text",
        "r.reading",
      ])
      .where("m.id", "in", ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.push({ ...r, reading: JSON.parse(r.reading) as Reading });
  }
  return out.sort((a, b) => a.sent_at - b.sent_at || a.id - b.id);
}

/** Which threads (and, for messages without a thread, which origin messages) already have a case of any status. */
async function coveredBy(db: Db, rows: Row[]): Promise<{ threads: Set<number>; origins: Set<number> }> {
  const threads = new Set<number>();
  const origins = new Set<number>();
  const threadIds = [...new Set(rows.map((r) => r.thread_id).filter((t): t is number => t !== null))];
  const loose = rows.filter((r) => r.thread_id === null).map((r) => r.id);
  for (let i = 0; i < threadIds.length; i += CHUNK) {
    for (const c of await db
      .selectFrom("cases")
      .select("thread_id")
      .distinct()
      .where("thread_id", "in", threadIds.slice(i, i + CHUNK))
      .execute())
      threads.add(c.thread_id!);
  }
  for (let i = 0; i < loose.length; i += CHUNK) {
    for (const c of await db
      .selectFrom("cases")
      .select("origin_message_id")
      .where("origin_message_id", "in", loose.slice(i, i + CHUNK))
      .execute())
      origins.add(c.origin_message_id!);
  }
  return { threads, origins };
}

/**
 * Triage a batch of read messages (ids of messages whose Reading is stored). With `claim`, the ids
 * were claimed from `triage_queue` by `claim.by`: the write transaction takes their rows off the
 * queue and triages only the messages whose row this worker still held, so a message is triaged
 * once however often its batch is retried; a message read again (`retriage`) only opens a case
 * for a thread that never had one (new contacts, replies and questions were counted the first time).
 */
export async function triageMessages(ctx: CaseContext, ids: number[], claim?: { by: string }): Promise<TriageStats> {
  const stats: TriageStats = {
    messages: 0,
    opened: 0,
    updated: 0,
    reopened: 0,
    repliesChecked: 0,
    recoveryChecked: 0,
    questionsScheduled: 0,
    alerts: 0,
    customerMessages: 0,
  };
  if (!ids.length) return stats;
  const db = ctx.store.db;
  const again = claim ? await retriaged(ctx.store, claim.by, ids) : new Set<number>();
  let rows = (await loadRows(db, [...new Set(ids)])).filter((r) => r.direction === "customer" || r.direction === "agent");
  if (!rows.length) {
    if (claim) await withWriteTransaction(ctx.store, (trx) => finishQueued(trx, "triage_queue", claim.by, ids));
    return stats;
  }
  const { rules } = ctx;
  const now = ctx.clock.now();

  const threadIds = [...new Set(rows.map((r) => r.thread_id).filter((t): t is number => t !== null))];
  const personIds = [...new Set(rows.filter((r) => r.direction === "customer" && r.person_id !== null).map((r) => r.person_id as number))];
  const customerIds = new Set(rows.filter((r) => r.direction === "customer").map((r) => r.id));

  // What the store knows around the batch: cases of these threads, contacts, people, recovery
  // candidates. Independent reads run side by side (PostgreSQL serves them on several connections).
  const caseRows: CaseRow[] = [];
  const contacts = new Map<number, number>();
  const people = new Map<number, { display_name: string | null; attributes: string | null }>();
  const recoveryCandidates: CaseRow[] = [];
  const minSent = rows[0]!.sent_at;
  const notInBatch = [...customerIds].concat([0]);
  const reads: Promise<void>[] = [];
  for (let i = 0; i < threadIds.length; i += CHUNK) {
    const chunk = threadIds.slice(i, i + CHUNK);
    reads.push(
      db
        .selectFrom("cases")
        .selectAll()
        .where("thread_id", "in", chunk)
        .where("status", "<>", "closed")
        .orderBy("id")
        .execute()
        .then((r) => void caseRows.push(...r)),
      db
        .selectFrom("messages")
        .select(["thread_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("thread_id", "in", chunk)
        .where("direction", "=", "customer")
        .where("id", "not in", notInBatch)
        .groupBy("thread_id")
        .execute()
        .then((counts) => {
          for (const c of counts) contacts.set(c.thread_id as number, Number(c.n));
        }),
    );
  }
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const chunk = personIds.slice(i, i + CHUNK);
    reads.push(
      db
        .selectFrom("people")
        .select(["id", "display_name", "attributes"])
        .where("id", "in", chunk)
        .execute()
        .then((ps) => {
          for (const p of ps) people.set(p.id, p);
        }),
      db
        .selectFrom("cases")
        .selectAll()
        .where("person_id", "in", chunk)
        .where("resolved_at", "is not", null)
        .where("resolved_at", ">=", minSent - rules.recovery.windowDays * 86_400_000)
        .where((eb) => eb.or([eb("recovered", "is", null), eb("recovered", "=", 0)]))
        .execute()
        .then((r) => void recoveryCandidates.push(...r)),
    );
  }
  const covered = again.size
    ? coveredBy(
        db,
        rows.filter((r) => again.has(r.id)),
      )
    : Promise.resolve({ threads: new Set<number>(), origins: new Set<number>() });
  await Promise.all(reads);
  const { threads: threadsWithCase, origins: originsWithCase } = await covered;
  caseRows.sort((a, b) => a.id - b.id);

  const work = new Map<number, Work>(); // by case id
  const byThread = new Map<number, Work>(); // the thread's case in work (active) or last resolved
  const [clocks, teams] = await Promise.all([
    loadClocks(
      db,
      caseRows.map((c) => c.id),
    ),
    teamNames(db, [...caseRows.map((c) => c.team_id), ...rows.map((r) => r.team_id)]),
  ]);
  for (const c of caseRows) {
    const loaded = clocks.get(c.id) ?? [];
    const w: Work = { row: c, clocks: loaded, loaded, isNew: false, dirty: false };
    work.set(c.id, w);
    const prev = byThread.get(c.thread_id!);
    if (!prev || c.active === 1 || (prev.row.active === 0 && c.id > prev.row.id)) byThread.set(c.thread_id!, w);
  }
  // Customer messages an agent reply may answer: the last one of each case, loaded when not in the batch.
  const answered = new Map<number, { text: string; reading: Reading }>();
  for (const r of rows) if (r.direction === "customer") answered.set(r.id, r);
  const needAnswered = [...byThread.values()]
    .map((w) => w.row.last_customer_message_id)
    .filter((x): x is number => x !== null && !answered.has(x));
  if (needAnswered.length && rows.some((r) => r.direction === "agent")) {
    for (const r of await loadRows(db, needAnswered)) answered.set(r.id, r);
  }

  const events: PendingEvent[] = [];
  let tempIds = 0;
  const alerts: NewAlert[] = [];
  const checks = new Map<number, { deleteExisting: boolean; insert?: { messageId: number; dueAt: number; workspaceId: number } }>();
  const replies: {
    case_id: number;
    message_id: number;
    answers_message_id: number;
    checked_at: number;
    score: number;
    criteria: string;
  }[] = [];
  const recoveries = new Map<number, { recovered: number; messageId: number }>();

  await withWriteTransaction(ctx.store, async (trx) => {
    const tdb = trx;
    if (claim) {
      // Only messages whose queue row this worker still holds: another took over an expired lease.
      const mine = new Set(await finishQueued(trx, "triage_queue", claim.by, ids));
      rows = rows.filter((r) => mine.has(r.id));
    }
    stats.messages = rows.length;
    for (const m of rows) {
      const thread = m.thread_id;
      if (again.has(m.id)) {
        if (thread !== null) contacts.set(thread, (contacts.get(thread) ?? 0) + 1);
        if (m.direction === "customer" && !(thread !== null ? threadsWithCase.has(thread) : originsWithCase.has(m.id))) retriage(m);
        continue;
      }
      const w = thread !== null ? byThread.get(thread) : undefined;
      if (m.direction === "agent") {
        if (thread !== null) checks.set(thread, { deleteExisting: true });
        if (!w || w.row.active !== 1) continue;
        agentReply(w, m);
        continue;
      }
      stats.customerMessages += 1;
      const context = {
        channel: m.channel as never,
        public: m.is_public === 1,
        direction: "customer" as const,
        ...(m.audience !== null ? { audience: m.audience } : {}),
      };
      const reasons = reasonsToOpen(rules, m.reading, context);
      if (thread !== null) contacts.set(thread, (contacts.get(thread) ?? 0) + 1);
      const nContacts = thread !== null ? (contacts.get(thread) ?? 1) : 1;
      let touched: Work | undefined;
      if (w && w.row.active === 1) {
        touched = w;
        updateCase(w, m, reasons, nContacts);
      } else if (w && w.row.status === "resolved" && reasons.length) {
        touched = w;
        reopenCase(w, m, reasons, nContacts);
      } else if (reasons.length) {
        touched = openCase(m, reasons, nContacts);
        if (thread !== null) byThread.set(thread, touched);
      } else if (thread !== null && asksQuestion(m.text, m.reading)) {
        const cur = checks.get(thread) ?? { deleteExisting: false };
        if (!cur.insert) {
          const cal = calendarFor(rules, m.team_id !== null ? teams.get(m.team_id) : null);
          cur.insert = {
            messageId: m.id,
            dueAt: addBusinessMinutes(cal, m.sent_at, rules.open.unansweredMinutes),
            workspaceId: m.workspace_id,
          };
          stats.questionsScheduled += 1;
        }
        checks.set(thread, cur);
      }
      if (touched && thread !== null) checks.set(thread, { deleteExisting: true });
      if (m.is_public === 1 && m.reading.reach.score >= rules.alerts.publicReachAt) {
        alerts.push({
          workspaceId: m.workspace_id,
          kind: "public_reach",
          severity: m.reading.reach.score >= 0.9 ? "critical" : "warning",
          caseId: touched?.row.id ?? null,
          channel: m.channel,
          summary: `Public ${m.channel} post with reach ${m.reading.reach.score.toFixed(2)}${m.reading.reach.reasons.length ? `: ${m.reading.reach.reasons.join(", ")}` : ""}`,
          details: { message_id: m.id, reach: m.reading.reach.score, reasons: m.reading.reach.reasons, audience: m.audience },
          dedupeKey: `reach:${m.id}`,
        });
      }
      if (m.person_id !== null) judgeRecovery(m, touched?.row.id);
    }

    // New cases are inserted together (their ids come back by origin message), the rest upserted together.
    const prepared = [...work.values()]
      .filter((w) => w.dirty)
      .map((w) => ({ w, ...prepareCase(ctx, w.row, w.clocks, w.row.team_id !== null ? (teams.get(w.row.team_id) ?? null) : null) }));
    const idMap = new Map<number, number>();
    const fresh = prepared.filter((p) => p.w.isNew);
    for (let i = 0; i < fresh.length; i += 100) {
      const chunk = fresh.slice(i, i + 100);
      const out = await tdb
        .insertInto("cases")
        .values(chunk.map(({ row: { id: _temp, ...rest } }) => rest))
        // Another process opened this thread's case a moment ago: that one wins, this one is dropped.
        .onConflict((oc) => oc.doNothing())
        .returning(["id", "origin_message_id"])
        .execute();
      const byOrigin = new Map(out.map((o) => [o.origin_message_id, o.id]));
      for (const p of chunk) {
        const real = byOrigin.get(p.row.origin_message_id);
        if (real === undefined) continue;
        idMap.set(p.row.id, real);
        p.row.id = real;
        p.clocks = p.clocks.map((c) => ({ ...c, case_id: real }));
      }
    }
    const realId = (id: number): number | undefined => (id < 0 ? idMap.get(id) : id);
    const kept = prepared.filter((p) => !p.w.isNew || idMap.has(p.w.row.id) || p.row.id > 0);
    await upsertCases(
      tdb,
      kept.filter((p) => !p.w.isNew).map((p) => p.row),
    );
    await upsertClocks(
      tdb,
      kept.flatMap((p) => (p.w.isNew ? (p.row.id > 0 ? p.clocks : []) : changedClocks(p.clocks, p.w.loaded))),
    );
    for (const p of kept) if (p.row.next_check_at !== null) ctx.wake(p.row.next_check_at);
    for (const e of events) e.caseId = realId(e.caseId) ?? 0;
    for (const r of replies) r.case_id = realId(r.case_id) ?? 0;
    for (const a of alerts) if (a.caseId) a.caseId = realId(a.caseId) ?? null;
    const live = (id: number) => id > 0;
    events.splice(0, events.length, ...events.filter((e) => live(e.caseId)));
    replies.splice(0, replies.length, ...replies.filter((r) => live(r.case_id)));
    if (replies.length) {
      for (let i = 0; i < replies.length; i += 200)
        await tdb
          .insertInto("case_replies")
          .values(replies.slice(i, i + 200))
          .onConflict((oc) => oc.column("message_id").doNothing())
          .execute();
    }
    for (const [caseId, r] of recoveries) {
      await tdb
        .updateTable("cases")
        .set({ recovered: r.recovered, recovery_message_id: r.messageId, recovery_checked_at: now })
        .where("id", "=", caseId)
        .execute();
      events.push({ caseId, kind: "recovery", details: { message_id: r.messageId, recovered: r.recovered === 1 } });
    }
    // Answered or taken over by a case: their pending checks go; new questions start theirs (an
    // earlier unanswered question of the thread keeps its earlier due time).
    const drop = [...checks].filter(([, c]) => c.deleteExisting).map(([t]) => t);
    for (let i = 0; i < drop.length; i += 500)
      await tdb
        .deleteFrom("thread_checks")
        .where("thread_id", "in", drop.slice(i, i + 500))
        .execute();
    const add = [...checks]
      .filter(([, c]) => c.insert)
      .map(([t, c]) => ({ thread_id: t, workspace_id: c.insert!.workspaceId, message_id: c.insert!.messageId, due_at: c.insert!.dueAt }));
    for (let i = 0; i < add.length; i += 500)
      await tdb
        .insertInto("thread_checks")
        .values(add.slice(i, i + 500))
        .onConflict((oc) => oc.column("thread_id").doNothing())
        .execute();
    if (add.length) ctx.wake(Math.min(...add.map((a) => a.due_at)));
    for (let i = 0; i < events.length; i += 200) {
      await tdb
        .insertInto("case_events")
        .values(
          events.slice(i, i + 200).map((e) => ({
            case_id: e.caseId,
            at: now,
            kind: e.kind,
            actor_kind: "system",
            actor_id: null,
            details: JSON.stringify(e.details),
          })),
        )
        .execute();
    }
    for (const a of alerts) if ((await raiseAlert(tdb, ctx, a)) !== null) stats.alerts += 1;
  });
  return stats;

  /** A re-read message of a thread without any case: opens one if its new reading calls for it. */
  function retriage(m: Row): void {
    const context = {
      channel: m.channel as never,
      public: m.is_public === 1,
      direction: "customer" as const,
      ...(m.audience !== null ? { audience: m.audience } : {}),
    };
    const reasons = reasonsToOpen(rules, m.reading, context);
    if (!reasons.length) return;
    const opened = openCase(m, reasons, m.thread_id !== null ? (contacts.get(m.thread_id) ?? 1) : 1);
    if (m.thread_id !== null) {
      byThread.set(m.thread_id, opened);
      threadsWithCase.add(m.thread_id);
      checks.set(m.thread_id, { deleteExisting: true });
    }
  }

  function priorityOf(reading: Reading, personId: number | null, nContacts: number, waitingSince: number | null) {
    const p = personId !== null ? people.get(personId) : undefined;
    const value = customerValueOf(p?.attributes ?? null);
    const waitingMinutes = waitingSince === null ? 0 : Math.max(0, (now - waitingSince) / 60_000);
    return {
      p: computePriority({ reading, contacts: nContacts, waitingMinutes, ...(value !== undefined ? { customerValue: value } : {}) }),
      value,
    };
  }

  function retarget(w: Work, level: 1 | 2 | 3 | 4): void {
    const t = slaTargets(rules, level, w.row.channel);
    w.clocks = w.clocks.map((c) =>
      c.stopped_at !== null ? c : { ...c, target_minutes: c.kind === "first_response" ? t.firstResponseMinutes : t.resolutionMinutes },
    );
  }

  function openCase(m: Row, reasons: string[], nContacts: number): Work {
    const { p, value } = priorityOf(m.reading, m.person_id, nContacts, m.sent_at);
    const base = newCaseValues(m, reasons, p, value, nContacts, now);
    // A temporary id until the batch's new cases are inserted together.
    const id = -++tempIds;
    const row: CaseRow = { ...base, id };
    const w: Work = { row, clocks: startClocks(id, slaTargets(rules, p.level, m.channel), m.sent_at), isNew: true, dirty: true };
    work.set(id, w);
    stats.opened += 1;
    events.push({ caseId: id, kind: "opened", details: { message_id: m.id, reasons, priority: p.level, explanation: p.explanation } });
    return w;
  }

  function updateCase(w: Work, m: Row, reasons: string[], nContacts: number): void {
    const r = w.row;
    const waitingSince = r.waiting_since ?? m.sent_at;
    const { p } = priorityOf(m.reading, m.person_id, nContacts, waitingSince);
    if (r.status === "waiting") {
      w.clocks = w.clocks.map((c) => resumeClock(c, m.sent_at));
      r.status = "open";
      events.push({ caseId: r.id, kind: "status", details: { from: "waiting", to: "open", by: "customer_message" } });
    }
    const merged = [...new Set([...(JSON.parse(r.reasons) as string[]), ...reasons])].slice(0, 12);
    r.reasons = JSON.stringify(merged);
    r.last_customer_message_id = m.id;
    r.contacts = nContacts;
    r.waiting_since = waitingSince;
    r.open_sentiment = Math.min(r.open_sentiment, m.reading.sentiment.score);
    if (p.score > r.priority_score || p.level < r.priority) {
      if (p.level !== r.priority) retarget(w, p.level);
      r.priority = p.level;
      r.priority_score = p.score;
      r.priority_explanation = p.explanation;
    }
    const facts = describeCase(m.reading);
    r.cause ??= facts.cause;
    r.emotion = facts.emotion ?? r.emotion;
    w.dirty = true;
    stats.updated += 1;
    events.push({ caseId: r.id, kind: "customer_message", details: { message_id: m.id, reasons, priority: r.priority } });
  }

  function reopenCase(w: Work, m: Row, reasons: string[], nContacts: number): void {
    const r = w.row;
    w.clocks = applyMove("resolved", "open", w.clocks, m.sent_at).clocks;
    r.status = "open";
    r.active = 1;
    r.resolved_at = null;
    r.follow_up_at = null;
    r.waiting_since = null;
    stats.reopened += 1;
    events.push({ caseId: r.id, kind: "status", details: { from: "resolved", to: "open", by: "customer_message" } });
    updateCase(w, m, reasons, nContacts);
    stats.updated -= 1;
  }

  function agentReply(w: Work, m: Row): void {
    const r = w.row;
    const fr = w.clocks.find((c) => c.kind === "first_response");
    if (fr && fr.stopped_at === null && m.sent_at >= fr.started_at) {
      w.clocks = w.clocks.map((c) => (c.kind === "first_response" ? stopClock(c, m.sent_at) : c));
      r.first_response_at = m.sent_at;
    }
    r.waiting_since = null;
    if (r.status === "new") {
      r.status = "open";
      events.push({ caseId: r.id, kind: "status", details: { from: "new", to: "open", by: "agent_reply" } });
    }
    if (r.team_id === null && m.team_id !== null) r.team_id = m.team_id;
    w.dirty = true;
    const customer = r.last_customer_message_id !== null ? answered.get(r.last_customer_message_id) : undefined;
    if (customer) {
      const name = r.person_id !== null ? (people.get(r.person_id)?.display_name ?? undefined) : undefined;
      const check = checkReply(m.text, m.reading, customer.reading, customer.text, {
        ...(name ? { customerName: name } : {}),
        public: r.is_public === 1,
      });
      replies.push({
        case_id: r.id,
        message_id: m.id,
        answers_message_id: r.last_customer_message_id!,
        checked_at: now,
        score: check.score,
        criteria: JSON.stringify(check.criteria),
      });
      stats.repliesChecked += 1;
      events.push({ caseId: r.id, kind: "agent_reply", details: { message_id: m.id, score: check.score } });
    } else {
      events.push({ caseId: r.id, kind: "agent_reply", details: { message_id: m.id } });
    }
  }

  function judgeRecovery(m: Row, reopenedCaseId: number | undefined): void {
    for (const c of recoveryCandidates) {
      if (c.person_id !== m.person_id || c.id === reopenedCaseId || c.resolved_at === null) continue;
      const since = m.sent_at - c.resolved_at;
      if (since <= 0 || since > rules.recovery.windowDays * 86_400_000) continue;
      const improved =
        m.reading.sentiment.label !== "negative" && m.reading.sentiment.score >= c.open_sentiment + rules.recovery.minImprovement;
      const prev = recoveries.get(c.id);
      if (prev?.recovered === 1) continue;
      if (improved || c.recovered === null) recoveries.set(c.id, { recovered: improved ? 1 : 0, messageId: m.id });
      if (improved) c.recovered = 1;
      stats.recoveryChecked += 1;
    }
  }
}
