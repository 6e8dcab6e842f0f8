/**
 * Presenters decide which fields of a message leave the server: ISO times, booleans, the reading
 * summary, never the content hash or internal bookkeeping.
 *
 * @example
 * c.json({ items: rows.map(presentMessage) });
 */
import type { MessageListRow } from "../store/message-query.js";
import { iso } from "./schemas.js";

export function presentMessage(m: MessageListRow) {
  return {
    id: m.id,
    external_id: m.external_id,
    source_id: m.source_id,
    thread_id: m.thread_id,
    person_id: m.person_id,
    team_id: m.team_id,
    direction: m.direction,
    channel: m.channel,
    public: m.is_public === 1,
    audience: m.audience,
    subject: m.subject,
    text: m.text,
    sent_at: iso(m.sent_at),
    received_at: iso(m.received_at),
    reading:
      m.sentiment === null
        ? null
        : {
            language: m.language,
            sentiment: m.sentiment,
            sentiment_score: m.sentiment_score,
            top_emotion: m.top_emotion,
            complaint_severity: m.complaint_severity,
            urgency: m.urgency,
            reach: m.reach,
            stage: m.stage,
            pipeline_version: m.pipeline_version,
          },
  };
}
