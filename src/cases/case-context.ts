/**
 * What every case operation runs with: the store, the checked rules, the clock, and a way to tell
 * the scheduler that something falls due at an instant (so it can wake then instead of polling).
 *
 * @example
 * const ctx: CaseContext = { store, rules: DEFAULT_CASE_RULES, clock: systemClock, wake: () => {} };
 */
import type { Store } from "../store/open-store.js";
import type { CaseRules } from "./case-rules.js";
import type { Clock } from "./clock.js";

export interface CaseContext {
  store: Store;
  rules: CaseRules;
  clock: Clock;
  /** Something falls due at `at` (epoch ms): the scheduler re-arms if that is earlier than planned. */
  wake(at: number): void;
}

/** Who did something to a case: an API key, a signed-in user, or attune itself. */
export interface CaseActor {
  kind: "key" | "user" | "system";
  id: number | null;
}

export const SYSTEM: CaseActor = { kind: "system", id: null };
