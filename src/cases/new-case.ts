/**
 * The row of a newly opened case, built the same way by triage and by the unanswered-question check.
 *
 * @example
 * const values = newCaseValues(message, ["complaint (severity 3)"], priority, undefined, 1, now);
 */
import type { Reading } from "../core/reading.js";
import { describeCase } from "./case-facts.js";
import { type CaseRow } from "../store/schema.js";
import { NO_DUE } from "../store/cases.js";
import type { Priority } from "./priority.js";

export interface OpeningMessage {
  id: number;
  workspace_id: number;
  thread_id: number | null;
  person_id: number | null;
  team_id: number | null;
  channel: string;
  is_public: number;
  sent_at: number;
  reading: Reading;
}

export function newCaseValues(
  m: OpeningMessage,
  reasons: string[],
  p: Priority,
  value: number | undefined,
  contacts: number,
  now: number,
): Omit<CaseRow, "id"> {
  const facts = describeCase(m.reading);
  return {
    workspace_id: m.workspace_id,
    thread_id: m.thread_id,
    person_id: m.person_id,
    origin_message_id: m.id,
    last_customer_message_id: m.id,
    channel: m.channel,
    is_public: m.is_public,
    team_id: m.team_id,
    assignee_user_id: null,
    status: "new",
    active: 1,
    priority: p.level,
    priority_score: p.score,
    priority_explanation: p.explanation,
    reasons: JSON.stringify(reasons),
    cause: facts.cause,
    emotion: facts.emotion,
    language: m.reading.language.code,
    customer_value: value ?? null,
    contacts,
    waiting_since: m.sent_at,
    open_sentiment: m.reading.sentiment.score,
    opened_at: now,
    updated_at: now,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    sort_due: NO_DUE,
    next_check_at: null,
    breached: 0,
    follow_up_at: null,
    follow_up_fired_at: null,
    follow_up_done_at: null,
    recovered: null,
    recovery_message_id: null,
    recovery_checked_at: null,
    reopens: 0,
  };
}
