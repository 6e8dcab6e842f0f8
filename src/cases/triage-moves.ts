/**
 * What one message does to a case during triage (pure, on the batch's state): open a case, update
 * the one in work, reopen a resolved one, or hear an agent's reply (stops the first-response clock,
 * checks the reply for empathy against the customer message it answers).
 *
 * @example
 * const w = openCase(batch, message, ["complaint (severity 3)"], 1);
 */
import type { Reading } from "../core/reading.js";
import { checkReply } from "../analysis/public.js";
import type { ReadMessage } from "../store/read-messages.js";
import type { CaseRow } from "../store/schema.js";
import { resumeClock, startClocks, stopClock } from "./case-clocks.js";
import { customerValueOf, describeCase } from "./case-facts.js";
import { applyMove } from "./case-lifecycle.js";
import { slaTargets } from "./case-rules.js";
import { newCaseValues } from "./new-case.js";
import { computePriority } from "./priority.js";
import type { Batch, CaseWork } from "./triage-decide.js";

function priorityOf(b: Batch, reading: Reading, personId: number | null, nContacts: number, waitingSince: number | null) {
  const p = personId !== null ? b.world.people.get(personId) : undefined;
  const value = customerValueOf(p?.attributes ?? null);
  const waitingMinutes = waitingSince === null ? 0 : Math.max(0, (b.now - waitingSince) / 60_000);
  return {
    p: computePriority({ reading, contacts: nContacts, waitingMinutes, ...(value !== undefined ? { customerValue: value } : {}) }),
    value,
  };
}

/** Running clocks take the targets of the new priority level. */
function retarget(b: Batch, w: CaseWork, level: 1 | 2 | 3 | 4): void {
  const t = slaTargets(b.rules, level, w.row.channel);
  w.clocks = w.clocks.map((c) =>
    c.stopped_at !== null ? c : { ...c, target_minutes: c.kind === "first_response" ? t.firstResponseMinutes : t.resolutionMinutes },
  );
}

/** Opens a case on `m` under a temporary id (new cases are inserted together when persisted). */
export function openCase(b: Batch, m: ReadMessage, reasons: string[], nContacts: number): CaseWork {
  const { p, value } = priorityOf(b, m.reading, m.person_id, nContacts, m.sent_at);
  const base = newCaseValues(m, reasons, p, value, nContacts, b.now);
  const id = -++b.tempIds;
  const row: CaseRow = { ...base, id };
  const w: CaseWork = { row, clocks: startClocks(id, slaTargets(b.rules, p.level, m.channel), m.sent_at), isNew: true, dirty: true };
  b.work.set(id, w);
  b.plan.stats.opened += 1;
  b.plan.events.push({ caseId: id, kind: "opened", details: { message_id: m.id, reasons, priority: p.level, explanation: p.explanation } });
  return w;
}

/** A customer message on a case in work: reasons merge, priority only rises, a waiting case reopens. */
export function updateCase(b: Batch, w: CaseWork, m: ReadMessage, reasons: string[], nContacts: number): void {
  const r = w.row;
  const waitingSince = r.waiting_since ?? m.sent_at;
  const { p } = priorityOf(b, m.reading, m.person_id, nContacts, waitingSince);
  if (r.status === "waiting") {
    w.clocks = w.clocks.map((c) => resumeClock(c, m.sent_at));
    r.status = "open";
    b.plan.events.push({ caseId: r.id, kind: "status", details: { from: "waiting", to: "open", by: "customer_message" } });
  }
  const merged = [...new Set([...(JSON.parse(r.reasons) as string[]), ...reasons])].slice(0, 12);
  r.reasons = JSON.stringify(merged);
  r.last_customer_message_id = m.id;
  r.contacts = nContacts;
  r.waiting_since = waitingSince;
  r.open_sentiment = Math.min(r.open_sentiment, m.reading.sentiment.score);
  if (p.score > r.priority_score || p.level < r.priority) {
    if (p.level !== r.priority) retarget(b, w, p.level);
    r.priority = p.level;
    r.priority_score = p.score;
    r.priority_explanation = p.explanation;
  }
  const facts = describeCase(m.reading);
  r.cause ??= facts.cause;
  r.emotion = facts.emotion ?? r.emotion;
  w.dirty = true;
  b.plan.stats.updated += 1;
  b.plan.events.push({ caseId: r.id, kind: "customer_message", details: { message_id: m.id, reasons, priority: r.priority } });
}

/** A resolved case whose customer writes again with a reason to open: back in work. */
export function reopenCase(b: Batch, w: CaseWork, m: ReadMessage, reasons: string[], nContacts: number): void {
  const r = w.row;
  w.clocks = applyMove("resolved", "open", w.clocks, m.sent_at).clocks;
  r.status = "open";
  r.active = 1;
  r.resolved_at = null;
  r.follow_up_at = null;
  r.waiting_since = null;
  r.reopens += 1;
  b.plan.stats.reopened += 1;
  b.plan.events.push({ caseId: r.id, kind: "status", details: { from: "resolved", to: "open", by: "customer_message" } });
  updateCase(b, w, m, reasons, nContacts);
  b.plan.stats.updated -= 1;
}

/** An agent's message on a case in work: first response, no longer waiting, the reply checked. */
export function agentReply(b: Batch, w: CaseWork, m: ReadMessage): void {
  const r = w.row;
  const fr = w.clocks.find((c) => c.kind === "first_response");
  if (fr && fr.stopped_at === null && m.sent_at >= fr.started_at) {
    w.clocks = w.clocks.map((c) => (c.kind === "first_response" ? stopClock(c, m.sent_at) : c));
    r.first_response_at = m.sent_at;
  }
  r.waiting_since = null;
  if (r.status === "new") {
    r.status = "open";
    b.plan.events.push({ caseId: r.id, kind: "status", details: { from: "new", to: "open", by: "agent_reply" } });
  }
  if (r.team_id === null && m.team_id !== null) r.team_id = m.team_id;
  w.dirty = true;
  const customer = r.last_customer_message_id !== null ? b.world.answered.get(r.last_customer_message_id) : undefined;
  if (!customer) {
    b.plan.events.push({ caseId: r.id, kind: "agent_reply", details: { message_id: m.id } });
    return;
  }
  const name = r.person_id !== null ? (b.world.people.get(r.person_id)?.display_name ?? undefined) : undefined;
  const check = checkReply(m.text, m.reading, customer.reading, customer.text, {
    ...(name ? { customerName: name } : {}),
    public: r.is_public === 1,
  });
  b.plan.replies.push({
    case_id: r.id,
    message_id: m.id,
    answers_message_id: r.last_customer_message_id!,
    checked_at: b.now,
    score: check.score,
    criteria: JSON.stringify(check.criteria),
  });
  b.plan.stats.repliesChecked += 1;
  b.plan.events.push({ caseId: r.id, kind: "agent_reply", details: { message_id: m.id, score: check.score } });
}
