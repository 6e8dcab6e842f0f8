/**
 * The kysely table types of the attune store, shared by SQLite and PostgreSQL. Times are epoch
 * milliseconds (integers) so day buckets are plain integer division in both dialects; booleans are
 * 0/1 integers; JSON is text. One row type per table, named after the table.
 *
 * @example
 * const db: Kysely<Database> = store.db;
 * await db.selectFrom("messages").select("id").execute();
 */
import type { Generated, Insertable, Selectable } from "kysely";

export interface WorkspacesTable {
  id: Generated<number>;
  name: string;
  /** Secret salt for pseudonymous person keys (HMAC); never leaves the server. */
  salt: string;
  created_at: number;
}

export interface SourcesTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  kind: string;
  /** HMAC secret of the signed inbound webhook of this source; null when it has none. */
  webhook_secret: string | null;
  /** 1 when the workspace trusts this source for employee feedback (only it is counted). */
  employee_feedback: Generated<number>;
  created_at: number;
}

export interface TeamsTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
}

export interface PeopleTable {
  id: Generated<number>;
  workspace_id: number;
  /** Pseudonymous key: HMAC of the author's identifier under the workspace salt. */
  key: string;
  kind: "customer" | "employee" | "agent";
  display_name: string | null;
  email: string | null;
  phone: string | null;
  team_id: number | null;
  audience: number | null;
  attributes: string | null;
  created_at: number;
}

export interface ThreadsTable {
  id: Generated<number>;
  workspace_id: number;
  source_id: number;
  external_id: string;
  subject: string | null;
  channel: string | null;
  created_at: number;
  last_message_at: number;
}

export interface MessagesTable {
  id: Generated<number>;
  workspace_id: number;
  source_id: number;
  external_id: string;
  /** SHA-256 of the canonical content: same id + same hash is a duplicate, other hash a conflict. */
  content_hash: string;
  thread_id: number | null;
  person_id: number | null;
  team_id: number | null;
  direction: "customer" | "agent" | "employee";
  channel: string;
  is_public: number;
  audience: number | null;
  subject: string | null;
  text: string;
  language_hint: string | null;
  sent_at: number;
  received_at: number;
}

export interface ReadingsTable {
  message_id: number;
  workspace_id: number;
  sent_at: number;
  channel: string;
  direction: string;
  team_id: number | null;
  language: string;
  sentiment: string;
  sentiment_score: number;
  top_emotion: string | null;
  complaint_severity: number;
  urgency: number;
  reach: number;
  intensity: number;
  stage: string;
  pipeline_version: string;
  /** The full Reading as JSON. */
  reading: string;
  read_at: number;
}

export interface ReadingLabelsTable {
  message_id: number;
  workspace_id: number;
  kind: "emotion" | "cause" | "need" | "signal";
  label: string;
  /** Causes only: positive or negative; "" for the other kinds (part of the primary key). */
  polarity: string;
  score: number;
  sent_at: number;
  channel: string;
  direction: string;
  language: string;
}

export interface ReadingQueueTable {
  message_id: number;
  enqueued_at: number;
  claimed_by: string | null;
  claimed_until: number;
  attempts: number;
  failed: number;
}

/** Read messages waiting for triage (migration 006); `retriage` = 1 after a re-read. */
export interface TriageQueueTable extends ReadingQueueTable {
  retriage: number;
}

export interface SurveyAnswersTable {
  id: Generated<number>;
  workspace_id: number;
  person_id: number | null;
  thread_id: number | null;
  message_id: number | null;
  kind: "nps" | "csat" | "ces";
  score: number;
  answered_at: number;
}

export interface UsersTable {
  id: Generated<number>;
  workspace_id: number;
  email: string;
  display_name: string | null;
  role: string;
  password_hash: string | null;
  created_at: number;
  disabled_at: number | null;
}

export interface RolesTable {
  name: string;
  scopes: string;
  description: string;
}

export interface ApiKeysTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number | null;
  name: string;
  /** First characters of the key, shown in listings so people can tell keys apart. */
  prefix: string;
  /** SHA-256 (hex) of the full key; the key itself is never stored. */
  hash: string;
  role: string;
  /** Space-separated scopes; the effective grant is these intersected with the role's. */
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  csrf_hash: string;
  created_at: number;
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: number;
  at: number;
  actor_kind: string;
  actor_id: number | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  /** JSON without personal data. */
  details: string | null;
}

export interface QuarantineTable {
  id: Generated<number>;
  workspace_id: number;
  source_id: number | null;
  received_at: number;
  origin: string;
  row: number;
  field: string | null;
  code: string;
  /** The rejected row, truncated; personal data, removed on erasure via author_key. */
  raw: string | null;
  author_key: string | null;
}

export interface WebhookReceiptsTable {
  signature_id: string;
  received_at: number;
  expires_at: number;
}

/** One closed month of employee feedback as first released, served unchanged from then on. */
export interface EmployeeReleasesTable {
  workspace_id: number;
  /** YYYY-MM (UTC). */
  month: string;
  released_at: number;
  /** The month's released cells as JSON (EmployeeMonth). */
  body: string;
}

/** Where a connector resumes (migration 008): opaque JSON text per workspace and connector. */
export interface ConnectorCursorsTable {
  workspace_id: number;
  /** The connector's name, e.g. "zendesk:acme.zendesk.com" or "imap-box:imap:support%40example.org@imap.example.org:993/INBOX". */
  connector: string;
  cursor: string;
  updated_at: number;
}

// The case tables (migration 002-cases): triage, SLA clocks, history, alerts and their webhooks.

/** A case's lifecycle states; new, open and waiting are "in work" (`active` = 1). */
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
  /** Times the case went from resolved back into work (migration 018). */
  reopens: number;
}

/** The two SLA clocks of a case. */
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
  /** "attune" (signed JSON), "slack" or "teams" (migration 013). */
  format: Generated<string>;
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

export type MailOutboxState = "pending" | "sending" | "sent" | "unconfirmed" | "failed";

/** An email reply waiting for, or past, SMTP (migration 010). Ids are bare (no angle brackets). */
export interface MailOutboxTable {
  id: Generated<number>;
  workspace_id: number;
  idempotency_key: string;
  reply_to_message_id: number | null;
  /** The reply's own Message-ID, derived from the idempotency key. */
  mail_message_id: string;
  from_address: string;
  to_address: string;
  subject: string;
  in_reply_to: string | null;
  /** The References chain, space separated, oldest first. */
  references_ids: string | null;
  body: string;
  state: MailOutboxState;
  attempts: Generated<number>;
  claimed_until: Generated<number>;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

/** A connector set up in the settings page (migration 015); `secret_sealed` is AES-256-GCM text. */
export interface ConnectorsTable {
  id: Generated<number>;
  workspace_id: number;
  kind: string;
  name: string;
  /** Non-secret settings as JSON (url, email, host, user, mailbox…). */
  settings: string;
  secret_sealed: string | null;
  interval_seconds: number;
  enabled: number;
  created_at: number;
  updated_at: number;
  /** The last pass (migration 016): when it ended, its counts as JSON, or its error code. */
  last_run_at: number | null;
  last_counts: string | null;
  last_error_code: string | null;
}

/** A sign-in throttle entry (migration 011): a pair's failures and wait, or a bucket's tokens. */
export interface SignInThrottleTable {
  key: string;
  count: number;
  until: number;
  at: number;
}

/** A reply to post back to a helpdesk (migration 012). */
export interface HelpdeskOutboxTable {
  id: Generated<number>;
  workspace_id: number;
  idempotency_key: string;
  /** The pull connector's name, e.g. "zendesk:acme.zendesk.com" (the thread's source). */
  connector: string;
  /** The thread's external id in that source: "ticket:123", "conversation:456". */
  thread_ref: string;
  body: string;
  /** 1: a public comment or reply the customer sees; 0: a private note. */
  is_public: number;
  state: "pending" | "sending" | "sent" | "failed";
  attempts: Generated<number>;
  claimed_until: Generated<number>;
  first_attempt_at: number | null;
  /** The helpdesk's id of the posted comment ("comment:789"). */
  posted_ref: string | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface Database {
  workspaces: WorkspacesTable;
  sources: SourcesTable;
  teams: TeamsTable;
  people: PeopleTable;
  threads: ThreadsTable;
  messages: MessagesTable;
  readings: ReadingsTable;
  reading_labels: ReadingLabelsTable;
  reading_queue: ReadingQueueTable;
  triage_queue: TriageQueueTable;
  survey_answers: SurveyAnswersTable;
  users: UsersTable;
  roles: RolesTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  quarantine: QuarantineTable;
  webhook_receipts: WebhookReceiptsTable;
  employee_releases: EmployeeReleasesTable;
  connector_cursors: ConnectorCursorsTable;
  connectors: ConnectorsTable;
  sign_in_throttle: SignInThrottleTable;
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
  mail_outbox: MailOutboxTable;
  helpdesk_outbox: HelpdeskOutboxTable;
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type ReadingRow = Selectable<ReadingsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type UserRow = Selectable<UsersTable>;
export type CaseRow = Selectable<CasesTable>;
export type ClockRow = Selectable<CaseClocksTable>;
export type AlertRow = Selectable<AlertsTable>;
