import { AttuneError } from "../core/errors.js";

/**
 * Customer insights never count employee feedback: employees are seen only through the
 * anonymity-thresholded view (`GET /insights/employee`, groups of 5 or more), so no combination of
 * filters on the other aggregates can single out a small group. A caller asking for employee
 * messages here is told where to go.
 *
 * @example
 * refuseEmployeeDirection(["customer"]); // ok
 * refuseEmployeeDirection(["employee"]); // throws input.invalid_value
 */
export function refuseEmployeeDirection(directions: readonly string[] | undefined): void {
  if (directions?.includes("employee")) {
    throw new AttuneError("input.invalid_value", { field: "direction", expected: "customer|agent", see: "/api/v1/insights/employee" });
  }
}
