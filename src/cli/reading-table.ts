import type { Reading } from "../core/reading.js";

/** Header line of `--format table`. */
export const TABLE_HEADER = ["id", "lang", "sentiment", "emotions", "needs", "causes", "cmpl", "urg", "stage"]
  .map((h, i) => h.padEnd(WIDTHS()[i]!))
  .join(" ");

function WIDTHS(): number[] {
  return [16, 8, 12, 26, 26, 30, 4, 4, 16];
}

/**
 * One Reading as a fixed-width terminal row: language, sentiment, the top labels; an error row
 * shows the error code instead.
 *
 * @example
 * formatTableRow("m1", reading, {}); // "m1   th   negative -0.7   frustration ..."
 */
export function formatTableRow(id: unknown, reading: Reading | null, line: Record<string, unknown>): string {
  const w = WIDTHS();
  const cell = (s: string, i: number) => {
    const width = w[i]!;
    return s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width);
  };
  const idText = cell(id === null || id === undefined ? "-" : String(id), 0);
  if (!reading) {
    const code = (line.error as { code?: string } | undefined)?.code ?? "error";
    return `${idText} error: ${code}`;
  }
  const mixed = reading.language.mixed ? `+${reading.language.mixed.slice(1).join("+")}` : "";
  return [
    idText,
    cell(`${reading.language.code}${mixed}`, 1),
    cell(`${reading.sentiment.label} ${reading.sentiment.score.toFixed(1)}`, 2),
    cell(reading.emotions.map((e) => e.label).join(",") || "-", 3),
    cell(reading.needs.map((n) => n.label).join(",") || "-", 4),
    cell(reading.causes.map((c) => `${c.label}${c.polarity === "negative" ? "-" : "+"}`).join(",") || "-", 5),
    cell(String(reading.complaint.severity), 6),
    cell(reading.urgency.score.toFixed(1), 7),
    cell(reading.stage.label, 8),
  ].join(" ");
}
