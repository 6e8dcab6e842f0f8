/**
 * Flattens a Reading into the indexed columns of `readings` and the rows of `reading_labels`, the
 * shape the filters (issue 3), case triage (issue 5) and the dashboard aggregates (issue 6) query.
 *
 * @example
 * const { reading, labels } = readingRows(msg, analyzed, Date.now());
 */
import type { Insertable } from "kysely";
import type { Reading } from "../core/reading.js";
import type { ReadingLabelsTable, ReadingsTable } from "./schema.js";

export interface ReadMessage {
  id: number;
  workspace_id: number;
  sent_at: number;
  channel: string;
  direction: string;
  team_id: number | null;
}

export function readingRows(
  m: ReadMessage,
  r: Reading,
  now: number,
): { reading: Insertable<ReadingsTable>; labels: Insertable<ReadingLabelsTable>[] } {
  let top: { label: string; score: number } | undefined;
  for (const e of r.emotions) if (!top || e.score > top.score) top = e;
  const base = { message_id: m.id, workspace_id: m.workspace_id, sent_at: m.sent_at, channel: m.channel, direction: m.direction };
  const byKey = new Map<string, Insertable<ReadingLabelsTable>>();
  const put = (kind: ReadingLabelsTable["kind"], label: string, polarity: string, score: number) => {
    const key = `${kind}\u0000${label}\u0000${polarity}`;
    const prev = byKey.get(key);
    if (!prev || (prev.score as number) < score)
      byKey.set(key, { ...base, language: r.language.code, kind, label, polarity, score: round(score) });
  };
  for (const e of r.emotions) put("emotion", e.label, "", e.score);
  for (const c of r.causes) put("cause", c.label, c.polarity, c.score);
  for (const n of r.needs) put("need", n.label, "", n.score);
  for (const s of r.signals) put("signal", s.label, "", 1);
  return {
    reading: {
      ...base,
      team_id: m.team_id,
      language: r.language.code,
      sentiment: r.sentiment.label,
      sentiment_score: round(r.sentiment.score),
      top_emotion: top?.label ?? null,
      complaint_severity: r.complaint.severity,
      urgency: round(r.urgency.score),
      reach: round(r.reach.score),
      intensity: round(r.intensity),
      stage: r.stage.label,
      pipeline_version: r.version.pipeline,
      reading: JSON.stringify(r),
      read_at: now,
    },
    labels: [...byKey.values()],
  };
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : 0;
}
