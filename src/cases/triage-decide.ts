/**
 * Triage's decide step, pure (no I/O): given a batch of read messages and what the store knows
 * around them (TriageWorld), decide which cases open, update or reopen, which clocks stop, which
 * replies are checked, which questions start their "left unanswered" timer, which alerts are raised
 * and which resolved cases show recovery. New cases get temporary negative ids until persisted.
 *
 * @example
 * const plan = decideTriage(rows, new Set(), world, ctx);
 * plan.stats.opened; // cases this batch opens
 */
import type { Reading } from "../core/reading.js";
import type { ReadMessage } from "../store/read-messages.js";
import type { CaseRow, ClockRow } from "../store/schema.js";
import type { NewAlert } from "./alerts.js";
import { addBusinessMinutes } from "./business-calendar.js";
import { calendarFor } from "./case-clocks.js";
import type { CaseContext } from "./case-context.js";
import { asksQuestion } from "./case-facts.js";
import { reasonsToOpen, type CaseRules } from "./case-rules.js";
import { prepareCase } from "./case-store.js";
import { agentReply, openCase, reopenCase, updateCase } from "./triage-moves.js";

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

/** What the store knows around a batch (see loadTriageWorld). */
export interface TriageWorld {
  /** The not-closed cases of the batch's threads, by id. */
  cases: CaseRow[];
  clocks: Map<number, ClockRow[]>;
  teams: Map<number, string>;
  /** Customer messages per thread before this batch. */
  contacts: Map<number, number>;
  people: Map<number, { display_name: string | null; attributes: string | null }>;
  /** Resolved cases of the batch's customers whose recovery is still open. */
  recoveryCandidates: CaseRow[];
  /** Threads and thread-less origin messages of re-read messages that already have a case. */
  covered: { threads: Set<number>; origins: Set<number> };
  /** Customer messages an agent reply may answer, by id. */
  answered: Map<number, { text: string; reading: Reading }>;
}

/** A case as a batch works on it. */
export interface CaseWork {
  row: CaseRow;
  clocks: ClockRow[];
  /** The clocks as loaded, to write only what changed; absent for a new case. */
  loaded?: ClockRow[];
  isNew: boolean;
  dirty: boolean;
}

export interface CaseEventDraft {
  caseId: number;
  kind: string;
  details: Record<string, unknown>;
}

export interface ReplyCheckRow {
  case_id: number;
  message_id: number;
  answers_message_id: number;
  checked_at: number;
  score: number;
  criteria: string;
}

/** Per thread: drop its pending check (answered or taken over by a case) and/or start one. */
export interface ThreadCheckPlan {
  deleteExisting: boolean;
  insert?: { messageId: number; dueAt: number; workspaceId: number };
}

/** Everything a batch writes, with the rows refreshed at the decision's instant. */
export interface TriagePlan {
  /** The instant the batch was decided at (events, checks and recoveries carry it). */
  now: number;
  stats: TriageStats;
  cases: { work: CaseWork; row: CaseRow; clocks: ClockRow[] }[];
  events: CaseEventDraft[];
  replies: ReplyCheckRow[];
  recoveries: Map<number, { recovered: number; messageId: number }>;
  checks: Map<number, ThreadCheckPlan>;
  alerts: NewAlert[];
}

/** The state of one batch while its messages are decided in order. */
export interface Batch {
  rules: CaseRules;
  now: number;
  world: TriageWorld;
  plan: TriagePlan;
  work: Map<number, CaseWork>;
  /** The thread's case in work (active) or its last resolved one. */
  byThread: Map<number, CaseWork>;
  contacts: Map<number, number>;
  /** Copies of the world's recovery candidates (judging marks them). */
  candidates: CaseRow[];
  tempIds: number;
}

export function emptyStats(): TriageStats {
  return {
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
}

/** Of each thread's cases, the one a message acts on: the active one, else the last (by id). */
export function pickThreadCases(cases: readonly CaseRow[]): Map<number, CaseRow> {
  const byThread = new Map<number, CaseRow>();
  for (const c of cases) {
    const prev = byThread.get(c.thread_id!);
    if (!prev || c.active === 1 || (prev.active === 0 && c.id > prev.id)) byThread.set(c.thread_id!, c);
  }
  return byThread;
}

/**
 * Decides a batch: `rows` in sent order (customer and agent messages), `again` the re-read ones.
 * Returns what to write; `world` is not changed.
 */
export function decideTriage(
  rows: readonly ReadMessage[],
  again: ReadonlySet<number>,
  world: TriageWorld,
  ctx: Pick<CaseContext, "rules" | "clock">,
): TriagePlan {
  const now = ctx.clock.now();
  const plan: TriagePlan = {
    now,
    stats: emptyStats(),
    cases: [],
    events: [],
    replies: [],
    recoveries: new Map(),
    checks: new Map(),
    alerts: [],
  };
  const b: Batch = {
    rules: ctx.rules,
    now,
    world,
    plan,
    work: new Map(),
    byThread: new Map(),
    contacts: new Map(world.contacts),
    candidates: world.recoveryCandidates.map((c) => ({ ...c })),
    tempIds: 0,
  };
  const picked = pickThreadCases(world.cases);
  for (const c of world.cases) {
    const loaded = world.clocks.get(c.id) ?? [];
    const w: CaseWork = { row: { ...c }, clocks: loaded, loaded, isNew: false, dirty: false };
    b.work.set(c.id, w);
    if (picked.get(c.thread_id!) === c) b.byThread.set(c.thread_id!, w);
  }
  const covered = { threads: new Set(world.covered.threads), origins: world.covered.origins };
  plan.stats.messages = rows.length;
  for (const m of rows) {
    if (again.has(m.id)) decideReread(b, m, covered);
    else if (m.direction === "agent") decideAgentMessage(b, m);
    else decideCustomerMessage(b, m);
  }
  plan.cases = [...b.work.values()]
    .filter((w) => w.dirty)
    .map((w) => ({
      work: w,
      ...prepareCase(ctx, w.row, w.clocks, w.row.team_id !== null ? (world.teams.get(w.row.team_id) ?? null) : null),
    }));
  return plan;
}

/** A re-read message counts as a contact; it opens a case only for a thread that never had one. */
function decideReread(b: Batch, m: ReadMessage, covered: { threads: Set<number>; origins: Set<number> }): void {
  const thread = m.thread_id;
  if (thread !== null) b.contacts.set(thread, (b.contacts.get(thread) ?? 0) + 1);
  if (m.direction !== "customer" || (thread !== null ? covered.threads.has(thread) : covered.origins.has(m.id))) return;
  const reasons = reasonsToOpen(b.rules, m.reading, customerContext(m));
  if (!reasons.length) return;
  const opened = openCase(b, m, reasons, thread !== null ? (b.contacts.get(thread) ?? 1) : 1);
  if (thread !== null) {
    b.byThread.set(thread, opened);
    covered.threads.add(thread);
    b.plan.checks.set(thread, { deleteExisting: true });
  }
}

/** An agent message answers the thread: its pending check goes, and its case (if in work) hears it. */
function decideAgentMessage(b: Batch, m: ReadMessage): void {
  const w = m.thread_id !== null ? b.byThread.get(m.thread_id) : undefined;
  if (m.thread_id !== null) b.plan.checks.set(m.thread_id, { deleteExisting: true });
  if (w && w.row.active === 1) agentReply(b, w, m);
}

function decideCustomerMessage(b: Batch, m: ReadMessage): void {
  const thread = m.thread_id;
  const w = thread !== null ? b.byThread.get(thread) : undefined;
  b.plan.stats.customerMessages += 1;
  const reasons = reasonsToOpen(b.rules, m.reading, customerContext(m));
  if (thread !== null) b.contacts.set(thread, (b.contacts.get(thread) ?? 0) + 1);
  const nContacts = thread !== null ? (b.contacts.get(thread) ?? 1) : 1;
  let touched: CaseWork | undefined;
  if (w && w.row.active === 1) {
    touched = w;
    updateCase(b, w, m, reasons, nContacts);
  } else if (w && w.row.status === "resolved" && reasons.length) {
    touched = w;
    reopenCase(b, w, m, reasons, nContacts);
  } else if (reasons.length) {
    touched = openCase(b, m, reasons, nContacts);
    if (thread !== null) b.byThread.set(thread, touched);
  } else if (thread !== null && asksQuestion(m.text, m.reading)) {
    scheduleQuestion(b, m, thread);
  }
  if (touched && thread !== null) b.plan.checks.set(thread, { deleteExisting: true });
  const alert = reachAlert(b.rules, m, touched?.row.id ?? null);
  if (alert) b.plan.alerts.push(alert);
  if (m.person_id !== null) judgeRecovery(b, m, touched?.row.id);
}

function customerContext(m: ReadMessage) {
  return {
    channel: m.channel as never,
    public: m.is_public === 1,
    direction: "customer" as const,
    ...(m.audience !== null ? { audience: m.audience } : {}),
  };
}

/** A question without a case starts the thread's "left unanswered" timer (an earlier one keeps its time). */
function scheduleQuestion(b: Batch, m: ReadMessage, thread: number): void {
  const cur = b.plan.checks.get(thread) ?? { deleteExisting: false };
  if (!cur.insert) {
    const cal = calendarFor(b.rules, m.team_id !== null ? b.world.teams.get(m.team_id) : null);
    cur.insert = {
      messageId: m.id,
      dueAt: addBusinessMinutes(cal, m.sent_at, b.rules.open.unansweredMinutes),
      workspaceId: m.workspace_id,
    };
    b.plan.stats.questionsScheduled += 1;
  }
  b.plan.checks.set(thread, cur);
}

/** A public post whose reach passes the rule's threshold, as an alert; null otherwise. */
export function reachAlert(rules: CaseRules, m: ReadMessage, caseId: number | null): NewAlert | null {
  const reach = m.reading.reach;
  if (m.is_public !== 1 || reach.score < rules.alerts.publicReachAt) return null;
  return {
    workspaceId: m.workspace_id,
    kind: "public_reach",
    severity: reach.score >= 0.9 ? "critical" : "warning",
    caseId,
    channel: m.channel,
    summary: `Public ${m.channel} post with reach ${reach.score.toFixed(2)}${reach.reasons.length ? `: ${reach.reasons.join(", ")}` : ""}`,
    details: { message_id: m.id, reach: reach.score, reasons: reach.reasons, audience: m.audience },
    dedupeKey: `reach:${m.id}`,
  };
}

/** A later message of a customer whose case was resolved: recovered when its feeling improved enough. */
function judgeRecovery(b: Batch, m: ReadMessage, reopenedCaseId: number | undefined): void {
  const { recovery } = b.rules;
  for (const c of b.candidates) {
    if (c.person_id !== m.person_id || c.id === reopenedCaseId || c.resolved_at === null) continue;
    const since = m.sent_at - c.resolved_at;
    if (since <= 0 || since > recovery.windowDays * 86_400_000) continue;
    const improved = m.reading.sentiment.label !== "negative" && m.reading.sentiment.score >= c.open_sentiment + recovery.minImprovement;
    const prev = b.plan.recoveries.get(c.id);
    if (prev?.recovered === 1) continue;
    if (improved || c.recovered === null) b.plan.recoveries.set(c.id, { recovered: improved ? 1 : 0, messageId: m.id });
    if (improved) c.recovered = 1;
    b.plan.stats.recoveryChecked += 1;
  }
}
