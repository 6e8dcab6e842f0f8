/**
 * Strings that the stores cannot keep as given are refused, not changed: a lone UTF-16 surrogate
 * (not well-formed Unicode) becomes U+FFFD on the way into SQLite and PostgreSQL, so two different
 * ids could collapse into one and a stored id would not match what was sent; PostgreSQL refuses
 * the NUL character in text (and SQLite's LIKE stops at it). Every input path checks with these
 * before storing or searching anything.
 *
 * @example
 * unstorableFields({ external_id: "a\ud800", text: "ok" }); // [{ field: "external_id", code: "input.invalid_unicode" }]
 */
import type { ErrorCode } from "../core/errors.js";

/** Why this string cannot be stored as given, or undefined when it can. */
export function unstorable(s: string): ErrorCode | undefined {
  if (!s.isWellFormed()) return "input.invalid_unicode";
  if (s.includes("\0")) return "input.nul_character";
  return undefined;
}

/** The field paths (dotted, array indexes as numbers) of every unstorable string or key in a JSON value. */
export function unstorableFields(value: unknown): { field?: string; code: ErrorCode }[] {
  const out: { field?: string; code: ErrorCode }[] = [];
  walk(value, [], out);
  return out;
}

function walk(value: unknown, path: string[], out: { field?: string; code: ErrorCode }[]): void {
  if (typeof value === "string") {
    const code = unstorable(value);
    if (code) out.push({ ...(path.length ? { field: path.join(".") } : {}), code });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const code = unstorable(k);
      // A bad key is named by its position, never by itself: it could not be shown or stored either.
      if (code) out.push({ field: [...path, "(key)"].join("."), code });
      else walk(v, [...path, k], out);
    }
  }
}

/** A copy that can be stored for inspection (quarantine): lone surrogates and NUL become U+FFFD. */
export function storableCopy(s: string): string {
  return s.toWellFormed().replaceAll("\0", "\uFFFD");
}
