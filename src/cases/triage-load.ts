/**
 * Triage's load step: what the store knows around a batch of read messages (the cases of their
 * threads with clocks and team names, earlier contacts, the customers, resolved cases whose
 * recovery a new message may show, the customer messages an agent reply answers). Independent
 * reads run side by side (PostgreSQL serves them on several connections).
 *
 * @example
 * const world = await loadTriageWorld(store.db, rows, again, rules);
 */
import { loadClocks } from "../store/case-clocks.js";
import { casesOfThreads, coveredByCases, recoveryCandidates } from "../store/cases.js";
import { personFacts } from "../store/people.js";
import { customerCounts, readMessages, type ReadMessage } from "../store/read-messages.js";
import { teamNames } from "../store/teams.js";
import type { CaseRules } from "./case-rules.js";
import type { Db } from "./case-store.js";
import { pickThreadCases, type TriageWorld } from "./triage-decide.js";

const DAY = 86_400_000;

/** Loads the world a batch is decided in; `again` are re-read messages (see triageMessages). */
export async function loadTriageWorld(
  db: Db,
  rows: readonly ReadMessage[],
  again: ReadonlySet<number>,
  rules: CaseRules,
): Promise<TriageWorld> {
  const threadIds = unique(rows.map((r) => r.thread_id));
  const customers = rows.filter((r) => r.direction === "customer");
  const personIds = unique(customers.map((r) => r.person_id));
  const reread = rows.filter((r) => again.has(r.id));
  const since = rows[0]!.sent_at - rules.recovery.windowDays * DAY;
  const [cases, contacts, people, candidates, covered] = await Promise.all([
    casesOfThreads(db, threadIds),
    customerCounts(
      db,
      threadIds,
      customers.map((r) => r.id),
    ),
    personFacts(db, personIds),
    recoveryCandidates(db, personIds, since),
    coveredByCases(
      db,
      unique(reread.map((r) => r.thread_id)),
      reread.filter((r) => r.thread_id === null).map((r) => r.id),
    ),
  ]);
  const [clocks, teams] = await Promise.all([
    loadClocks(
      db,
      cases.map((c) => c.id),
    ),
    teamNames(db, [...cases.map((c) => c.team_id), ...rows.map((r) => r.team_id)]),
  ]);
  const world: TriageWorld = { cases, clocks, teams, contacts, people, recoveryCandidates: candidates, covered, answered: new Map() };
  for (const r of customers) world.answered.set(r.id, r);
  // Customer messages an agent reply may answer: the last one of each case, loaded when not in the batch.
  const needed = [...pickThreadCases(cases).values()]
    .map((c) => c.last_customer_message_id)
    .filter((x): x is number => x !== null && !world.answered.has(x));
  if (needed.length && rows.some((r) => r.direction === "agent")) {
    for (const r of await readMessages(db, needed)) world.answered.set(r.id, r);
  }
  return world;
}

function unique(ids: readonly (number | null)[]): number[] {
  return [...new Set(ids.filter((x): x is number => x !== null))];
}
