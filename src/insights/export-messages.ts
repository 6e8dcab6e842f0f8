/**
 * The message export as CSV text, produced a page at a time: the consumer pulls, the next page is
 * read only then, so a slow reader (a download, a file) holds back the database instead of filling
 * memory. One row per customer or agent message in the window; employee feedback never.
 *
 * @example
 * for await (const chunk of exportMessagesCsv(store, { workspaceId: 1, from, to })) out.write(chunk);
 */
import type { Reading } from "../core/reading.js";
import { exportPages, type ExportRow, type ExportWindow } from "../store/insights-export.js";
import type { Store } from "../store/open-store.js";
import { csvLine } from "./csv-cell.js";

/** The export's columns, in order (a contract: add at the end). */
export const EXPORT_COLUMNS = [
  "id",
  "sent_at",
  "channel",
  "direction",
  "text",
  "language",
  "sentiment",
  "score",
  "emotions",
  "causes",
  "needs",
  "complaint",
  "severity",
  "survey_kind",
  "survey_score",
  "case_id",
] as const;

/** One message as its cells: label lists joined by ";", causes as cause:polarity, times in ISO 8601 UTC. */
export function exportCells(m: ExportRow): (string | number | null)[] {
  const r = m.reading ? (JSON.parse(m.reading) as Reading) : null;
  const labels = (xs: { label: string; score: number }[] | undefined) =>
    xs ? [...xs].sort((a, b) => b.score - a.score).map((x) => x.label) : [];
  return [
    m.id,
    new Date(m.sent_at).toISOString(),
    m.channel,
    m.direction,
    m.text,
    m.language,
    m.sentiment,
    m.sentiment_score,
    labels(r?.emotions).join(";"),
    r ? r.causes.map((c) => `${c.label}:${c.polarity}`).join(";") : null,
    labels(r?.needs).join(";"),
    r ? String(r.complaint.is) : null,
    m.complaint_severity,
    m.survey_kind,
    m.survey_score,
    m.case_id,
  ];
}

/** The header line, then one chunk of lines per page. */
export async function* exportMessagesCsv(store: Pick<Store, "db">, w: ExportWindow): AsyncGenerator<string> {
  yield csvLine(EXPORT_COLUMNS);
  for await (const page of exportPages(store, w)) yield page.map((m) => csvLine(exportCells(m))).join("");
}
