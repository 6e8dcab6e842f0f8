/**
 * RFC 4180 CSV output, safe to open in a spreadsheet. A cell is quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled); lines end with CRLF. Following OWASP's CSV injection advice, a
 * cell starting with =, +, -, @, tab or CR gets a leading apostrophe, so no spreadsheet runs it as a
 * formula, and is then quoted. Plain numbers we write ourselves (−0.42) are left alone: a number
 * cannot be a formula, and escaping it would turn every negative score into text.
 *
 * @example
 * csvLine(["1", "=SUM(A1:A9)", "-0.5", 'say "hi"']); // 1,"'=SUM(A1:A9)",-0.5,"say ""hi"""\r\n
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null and undefined are empty; numbers as written by JavaScript. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record with its CRLF. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}
