/**
 * Shapes of the cases API (issue 5) as the dashboard reads them.
 *
 * @example
 * const page = await api.get<QueuePage>("/cases", { status: ["new", "open"] });
 */
import type { Reading } from "./types.js";

export interface CaseSummary {
  id: number;
  status: "new" | "open" | "waiting" | "resolved" | "closed";
  priority: number;
  priority_explanation: string;
  reasons: string[];
  channel: string;
  public: boolean;
  thread_id: number | null;
  team_id: number | null;
  assignee_user_id: number | null;
  cause: string | null;
  emotion: string | null;
  language: string | null;
  contacts: number;
  due_at: string | null;
  breached: boolean;
  waiting_since: string | null;
  opened_at: string;
  resolved_at: string | null;
  recovered: boolean | null;
}

export interface QueuePage {
  items: CaseSummary[];
  next_cursor: string | null;
  /** Cases in work per priority (first page only). */
  counts?: Record<string, number>;
}

export interface Clock {
  kind: string;
  status: "running" | "paused" | "met" | "breached";
  target_minutes: number;
  remaining_minutes: number;
  due_at: string | null;
  warn_at: string | null;
  breached_at: string | null;
}

export interface Criterion {
  name: string;
  verdict: "met" | "partly" | "missed" | "not_applicable";
  evidence: { start: number; end: number; text: string }[];
  suggestion: string;
}

export interface CaseDetail extends CaseSummary {
  team: string | null;
  assignee: { id: number; email: string; display_name: string | null } | null;
  person: { id: number; display_name: string | null; audience: number | null } | null;
  clocks: Clock[];
  thread: {
    id: number;
    direction: string;
    channel: string;
    public: boolean;
    sent_at: string;
    text: string;
    reading: Reading | null;
    /** How a reply sent from attune is getting out (null: kept in attune only). */
    delivery: Delivery | null;
  }[];
  /** Where a reply from this case goes: the helpdesk's ticket, an email from `from`, or attune's thread only. */
  reply_via: { kind: "helpdesk" | "email" | "thread"; source: string | null; from: string | null };
  drafts: { text: string; language: string; situation: string; emotion?: string; cause?: string; variant: number }[];
  replies: { message_id: number; checked_at: string; score: number }[];
  notes: { id: number; at: string; author_kind: string; text: string }[];
  goodwill: { id: number; at: string; amount: number; currency: string; kind: string; note: string | null }[];
  alerts: { id: number; kind: string; severity: string; summary: string; created_at: string }[];
}

export interface Delivery {
  via: "helpdesk" | "email";
  state: "pending" | "sending" | "sent" | "unconfirmed" | "failed";
  outbox_id: number;
}

export interface CheckResult {
  message_id: number | null;
  score: number;
  criteria: Criterion[];
}
