/**
 * Shapes of the API answers the dashboard reads. The Reading and the label sets come from the
 * server's own contracts (type-only imports: nothing from src/ is bundled).
 *
 * @example
 * const m: MessageDetail = await api.get(`/messages/${id}`);
 */
export type { Reading, Span, CauseReading } from "../../../src/core/reading.js";
export type { EmotionLabel, NeedLabel, CauseLabel, Channel } from "../../../src/core/labels.js";
import type { Reading } from "../../../src/core/reading.js";

export type Role = "admin" | "agent" | "analyst" | "people_team";

export interface SessionInfo {
  user: { id: number; email: string; role: Role };
  csrf_token: string;
}

export interface ReadingSummary {
  language: string;
  sentiment: string;
  sentiment_score: number;
  top_emotion: string | null;
  complaint_severity: number;
  urgency: number;
  reach: number;
  stage: string;
}

export interface MessageSummary {
  id: number;
  external_id: string;
  thread_id: number | null;
  person_id: number | null;
  team_id: number | null;
  direction: string;
  channel: string;
  public: boolean;
  audience: number | null;
  subject: string | null;
  text: string;
  sent_at: string;
  reading: ReadingSummary | null;
}

export interface MessageDetail extends Omit<MessageSummary, "reading"> {
  reading: Reading | null;
  thread: { id: number; subject: string | null; channel: string | null; messages: MessageSummary[] } | null;
}

export interface Split {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

export interface OverviewData {
  window: { from: string | null; to: string | null };
  total: number;
  days: ({ day: string } & Split)[];
  emotions: { emotion: string; count: number }[];
  causes: { cause: string; polarity: string; channel: string; language: string; count: number }[];
  urgency: { band: number; count: number }[];
}

export interface Team {
  id: number;
  name: string;
}

export interface EmployeeCell {
  team: Team | "other";
  pooled_teams: string[];
  respondents: number;
  messages: number;
  sentiment: { positive: number; neutral: number; negative: number; mean_score: number };
  emotions: { label: string; count: number }[];
  themes: { label: string; positive: number; negative: number }[];
}

export interface EmployeeView {
  k: number;
  months: { month: string; suppressed: boolean; cells: EmployeeCell[] }[];
}
