/**
 * Roles and the scopes they grant. An API key carries a role and may narrow it to fewer scopes;
 * a user session carries the user's role. Employee feedback (direction `employee`) is seen only in
 * aggregate, with `employee:read` (admin and people_team); no role reads it message by message.
 * Writing it takes `employee:write` (admin, or a key narrowed to it for the HR survey tool).
 *
 * @example
 * ROLE_SCOPES.analyst.includes("insights:read"); // true
 */

export const SCOPES = [
  "messages:write",
  "messages:read",
  "employee:read",
  "employee:write",
  "people:read",
  "people:erase",
  "insights:read",
  "analyze",
  "cases:read",
  "cases:write",
  "admin",
] as const;
export type Scope = (typeof SCOPES)[number];

export const ROLES = ["admin", "agent", "analyst", "people_team"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  admin: SCOPES,
  agent: ["messages:write", "messages:read", "people:read", "analyze", "cases:read", "cases:write"],
  analyst: ["messages:read", "insights:read", "analyze", "cases:read"],
  people_team: ["messages:read", "employee:read", "insights:read", "analyze"],
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including keys, users, sources and erasure.",
  agent: "Ingests and reads customer messages, works cases.",
  analyst: "Reads customer messages and aggregates.",
  people_team: "Reads customer messages and the aggregated, anonymous view of employee feedback.",
};

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The scopes a principal effectively holds: the key's own scopes limited to what its role grants. */
export function effectiveScopes(role: Role, keyScopes?: readonly string[]): Scope[] {
  const granted = ROLE_SCOPES[role];
  if (!keyScopes || keyScopes.length === 0) return [...granted];
  return granted.filter((s) => keyScopes.includes(s));
}
