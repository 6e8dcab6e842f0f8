/**
 * Who may write employee feedback, and when (issue 11, item 8). Invented respondents are how a
 * small team gets unmasked: a writer adds people to a team until it passes the anonymity threshold,
 * then reads the one real member out of the difference. So an employee message is stored only when
 *
 * - its source is trusted for employee feedback (`sources.employee_feedback`, set by an admin), and
 *   the writer may write it: an API caller holding `employee:write`, the source's signed webhook,
 *   or the operator at the machine (`attune import`);
 * - it falls in the open reporting period: the current UTC month, up to now. A month is closed once
 *   it has ended (it is then released, see employee-view.ts), and a closed month takes no more
 *   answers (`employee.period_closed`), so released numbers never move under anyone's feet. Only
 *   the operator's back-fill of history (`attune import --employee-backfill`, the sample workspace)
 *   may write into closed months, before they are first shown.
 *
 * @example
 * employeeRowProblem({ sentAt: Date.parse("2026-01-10"), now: Date.parse("2026-02-03"), trustedSource: true, policy: { writer: true } });
 * // { field: "sent_at", code: "employee.period_closed" }
 */
import type { ErrorCode } from "../core/errors.js";
import { monthEnd } from "../core/months.js";

/** What the writer of an ingest may do with employee feedback. */
export interface EmployeeWritePolicy {
  /** The writer may write employee feedback at all. */
  writer: boolean;
  /** The operator back-fills history: closed months are accepted. */
  backfill?: boolean;
}

/** Nobody writes employee feedback: the default of every ingest. */
export const NO_EMPLOYEE_WRITES: EmployeeWritePolicy = { writer: false };

/** Clock skew tolerated for a `sent_at` after the server's now. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** Why an employee row is refused, or null when it may be stored. */
export function employeeRowProblem(r: {
  sentAt: number;
  now: number;
  trustedSource: boolean;
  policy: EmployeeWritePolicy;
}): { field: string; code: ErrorCode } | null {
  if (!r.trustedSource) return { field: "direction", code: "employee.untrusted_source" };
  if (!r.policy.writer) return { field: "direction", code: "auth.forbidden" };
  if (r.sentAt > r.now + FUTURE_SKEW_MS) return { field: "sent_at", code: "input.invalid_value" };
  if (!r.policy.backfill && monthEnd(r.sentAt) <= r.now) return { field: "sent_at", code: "employee.period_closed" };
  return null;
}

/** True when a raw row (before validation) is employee feedback under the import's default direction. */
export function isEmployeeRow(raw: unknown, defaultDirection: string | undefined): boolean {
  const d = raw && typeof raw === "object" ? (raw as Record<string, unknown>).direction : undefined;
  return (d ?? defaultDirection) === "employee";
}
