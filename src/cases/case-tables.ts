/**
 * Kysely types of the case tables (migration 002-cases), joined to the store's own tables. The
 * store's `Database` stays as it is; case code sees both through `caseDb(store)`.
 *
 * @example
 * const rows = await caseDb(store).selectFrom("cases").selectAll().where("active", "=", 1).execute();
 */
import type { Generated, Kysely, Selectable } from "kysely";
import type { Store } from "../store/open-store.js";
import type { Database } from "../store/schema.js";

export const CASE_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CasesTable {
  id: Generated<number>;
  workspace_id: number;
  thread_id: number | null;
  person_id: number | null;
  origin_message_id: number | null;
  last_customer_message_id: number | null;
  channel: string;
  is_public: number;
  team_id: number | null;
  assignee_user_id: number | null;
  status: CaseStatus;
  /** 1 while new, open or waiting (in the queue). */
  active: number;
  priority: number;
  priority_score: number;
  priority_explanation: string;
  /** JSON array of reasons the case opened or was updated. */
  reasons: string;
  cause: string | null;
  emotion: string | null;
  language: string | null;
  customer_value: number | null;
  contacts: number;
  /** Since when the customer has waited for an answer; null when answered. */
  waiting_since: number | null;
  /** Lowest sentiment score seen in the case: the baseline recovery is measured against. */
  open_sentiment: number;
  opened_at: number;
  updated_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  /** Earliest running SLA due time, or NO_DUE: the queue's second sort key. */
  sort_due: number;
  /** When the scheduler must look at this case again (warning, breach, follow-up, priority drift). */
  next_check_at: number | null;
  breached: number;
  follow_up_at: number | null;
  follow_up_fired_at: number | null;
  follow_up_done_at: number | null;
  /** 1 recovered, 0 not (yet) recovered, null unknown (no later message). */
  recovered: number | null;
  recovery_message_id: number | null;
  recovery_checked_at: number | null;
}

export type ClockKind = "first_response" | "resolution";

export interface CaseClocksTable {
  case_id: number;
  kind: ClockKind;
  target_minutes: number;
  started_at: number;
  stopped_at: number | null;
  /** JSON `[{from, to}]`. */
  pauses: string;
  due_at: number | null;
  warn_at: number | null;
  warned_at: number | null;
  breached_at: number | null;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: number;
  kind: string;
  actor_kind: string;
  actor_id: number | null;
  /** JSON without customer text. */
  details: string | null;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  at: number;
  author_kind: string;
  author_id: number | null;
  text: string;
}

export interface CaseRepliesTable {
  id: Generated<number>;
  case_id: number;
  message_id: number;
  answers_message_id: number | null;
  checked_at: number;
  score: number;
  criteria: string;
}

export interface CaseGoodwillTable {
  id: Generated<number>;
  case_id: number;
  at: number;
  amount: number;
  currency: string;
  kind: string;
  note: string | null;
  actor_kind: string;
  actor_id: number | null;
}

export interface ThreadChecksTable {
  thread_id: number;
  workspace_id: number;
  message_id: number;
  due_at: number;
}

export interface AlertsTable {
  id: Generated<number>;
  workspace_id: number;
  kind: string;
  severity: string;
  case_id: number | null;
  channel: string | null;
  label: string | null;
  summary: string;
  details: string;
  dedupe_key: string;
  created_at: number;
  acknowledged_at: number | null;
}

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  workspace_id: number;
  url: string;
  secret: string;
  /** Space-separated alert kinds, or "*". */
  kinds: string;
  active: number;
  created_at: number;
}

export interface AlertDeliveriesTable {
  id: Generated<number>;
  alert_id: number;
  subscription_id: number;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

export interface AlertDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface CaseDatabase extends Database {
  cases: CasesTable;
  case_clocks: CaseClocksTable;
  case_events: CaseEventsTable;
  case_notes: CaseNotesTable;
  case_replies: CaseRepliesTable;
  case_goodwill: CaseGoodwillTable;
  thread_checks: ThreadChecksTable;
  alerts: AlertsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_delivery_attempts: AlertDeliveryAttemptsTable;
}

export type CaseRow = Selectable<CasesTable>;
export type ClockRow = Selectable<CaseClocksTable>;

/** Sort key of a case without a running clock: after every real due time (same on both dialects). */
export const NO_DUE = 8_000_000_000_000_000;

/** The store's database seen with the case tables. */
export function caseDb(store: Pick<Store, "db">): Kysely<CaseDatabase> {
  return store.db as unknown as Kysely<CaseDatabase>;
}
