import { WORKPLACE_CAUSES, WORKPLACE_NEEDS } from "../src/core/labels.js";

/**
 * Gold workplace labels of an employee row (training/data and training/hardcases), beside its
 * customer `causes`, which stay as they were written (issue 12 item 8): what the text names of
 * workload and staffing, tools, pay, recognition, policy and management, with `+` praised and `-` a
 * problem, and what the writer asks for.
 */
export interface WorkplaceGold {
  causes: { label: (typeof WORKPLACE_CAUSES)[number]; polarity: "+" | "-" }[];
  needs: (typeof WORKPLACE_NEEDS)[number][];
}

/**
 * Check a row's optional `workplace` field: only on employee rows; causes from WORKPLACE_CAUSES
 * with `+`/`-`, needs from WORKPLACE_NEEDS, none repeated. Returns the problems (empty when valid).
 *
 * @example
 * checkWorkplace({ causes: [{ label: "pay", polarity: "-" }], needs: [] }, "employee"); // []
 */
export function checkWorkplace(v: unknown, direction: unknown): string[] {
  if (v === undefined) return [];
  if (direction !== "employee") return ["workplace: only on employee rows"];
  if (typeof v !== "object" || v === null || Array.isArray(v)) return ["workplace must be {causes, needs}"];
  const w = v as Record<string, unknown>;
  const p: string[] = [];
  for (const k of Object.keys(w)) if (k !== "causes" && k !== "needs") p.push(`workplace: unknown field ${k}`);
  if (!Array.isArray(w.causes) || !Array.isArray(w.needs)) return [...p, "workplace: causes and needs must be arrays"];
  const seen = new Set<string>();
  for (const c of w.causes as Record<string, unknown>[]) {
    const ok =
      typeof c === "object" && c !== null && WORKPLACE_CAUSES.includes(c.label as never) && (c.polarity === "+" || c.polarity === "-");
    if (!ok || seen.has(String(c.label))) p.push(`workplace.causes: bad or repeated entry ${JSON.stringify(c)}`);
    seen.add(String(c?.label));
  }
  for (const n of w.needs) if (!WORKPLACE_NEEDS.includes(n as never)) p.push(`workplace.needs: unknown label ${String(n)}`);
  if (new Set(w.needs).size !== w.needs.length) p.push("workplace.needs: repeated label");
  return p;
}
