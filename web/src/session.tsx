/**
 * Who is signed in: loaded once from GET /session (which also hands out a fresh CSRF token), set
 * by sign-in, cleared by sign-out. Pages read the role to decide what to show; the server enforces
 * the same rules on every request.
 *
 * @example
 * const { user, can } = useSession();
 * if (can("insights")) ...
 */
import { createContext, useContext } from "react";
import type { Role, SessionInfo } from "./api/types.js";

export type Area = "overview" | "messages" | "queue" | "public" | "people" | "settings";

const AREAS: Record<Role, Area[]> = {
  admin: ["overview", "messages", "queue", "public", "people", "settings"],
  agent: ["queue", "messages", "public"],
  analyst: ["overview", "messages", "queue", "public"],
  people_team: ["overview", "messages", "people"],
};

export function areasOf(role: Role): Area[] {
  return AREAS[role] ?? [];
}

export interface SessionCtx {
  user: SessionInfo["user"];
  can(area: Area): boolean;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionCtx | null>(null);

export function useSession(): SessionCtx {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside a session");
  return s;
}
