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
  /** The connector's name, e.g. "zendesk:acme.zendesk.com" or "imap:support@example.org". */
  connector: string;
  cursor: string;
  updated_at: number;
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
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type ReadingRow = Selectable<ReadingsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type UserRow = Selectable<UsersTable>;
