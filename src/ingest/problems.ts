/**
 * Turns validation failures into row problems with stable codes and field paths, never values: a
 * report may be logged or shown, and the values are customer text.
 *
 * @example
 * const r = MessageInput.safeParse(row);
 * if (!r.success) problemsFromZod(r.error, row, 7); // [{ row: 7, field: "text", code: "input.missing_field" }]
 */
import type { z } from "zod";
import type { ErrorCode } from "../core/errors.js";

export interface RowProblem {
  /** 1-based row (line, record or message index) in the input. */
  row: number;
  field?: string;
  code: ErrorCode;
  /** The values the field takes, when it has a fixed set (channel, direction, survey kind). */
  allowed?: string[];
}

export function problemsFromZod(error: z.ZodError, input: unknown, row: number): RowProblem[] {
  const out: RowProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ row, field: [...path, key].join("."), code: "input.unknown_field" });
      continue;
    }
    const field = path.length ? path.join(".") : undefined;
    const allowed = allowedValues(issue);
    out.push({ row, ...(field ? { field } : {}), code: codeOf(issue, input, path), ...(allowed ? { allowed } : {}) });
  }
  return out;
}

function codeOf(issue: z.core.$ZodIssue, input: unknown, path: string[]): ErrorCode {
  switch (issue.code) {
    case "invalid_type":
      return present(input, path) ? "input.wrong_type" : "input.missing_field";
    case "invalid_union":
      return "input.wrong_type";
    case "too_big":
      return issue.origin === "string" || issue.origin === "array" ? "input.too_large" : "input.invalid_value";
    default:
      return "input.invalid_value";
  }
}

/** The enum's values for an enum or literal field: the person fixing the row needs them, not just "invalid". */
function allowedValues(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code !== "invalid_value") return undefined;
  return issue.values.map(String);
}

function present(input: unknown, path: string[]): boolean {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, key)) return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur !== undefined;
}
