/**
 * Opens a case for a customer question nobody answered within the rule's time: reason "question
 * left unanswered", priority counting the time the customer has waited.
 *
 * @example
 * await triageQuestion(trx, ctx, message); // true when a case opened
 */
import { startClocks } from "./case-clocks.js";
import type { CaseContext } from "./case-context.js";
import { customerValueOf } from "./case-facts.js";
import { reasonsToOpen, slaTargets } from "./case-rules.js";
import { addEvent, saveCase, type Db } from "./case-store.js";
import { SYSTEM } from "./case-context.js";
import { insertCase } from "../store/cases.js";
import { personFacts } from "../store/people.js";
import { customerCountOfThread } from "../store/read-messages.js";
import { teamNames } from "../store/teams.js";
import { newCaseValues, type OpeningMessage } from "./new-case.js";
import { computePriority } from "./priority.js";

export const UNANSWERED_REASON = "question left unanswered";

export async function triageQuestion(db: Db, ctx: CaseContext, m: OpeningMessage): Promise<boolean> {
  const now = ctx.clock.now();
  const person = m.person_id !== null ? (await personFacts(db, [m.person_id])).get(m.person_id) : undefined;
  const value = customerValueOf(person?.attributes ?? null);
  const contacts = m.thread_id === null ? 1 : await customerCountOfThread(db, m.thread_id);
  const p = computePriority({
    reading: m.reading,
    contacts,
    waitingMinutes: Math.max(0, (now - m.sent_at) / 60_000),
    ...(value !== undefined ? { customerValue: value } : {}),
  });
  const others = reasonsToOpen(ctx.rules, m.reading, { channel: m.channel as never, public: m.is_public === 1, direction: "customer" });
  const reasons = [UNANSWERED_REASON, ...others];
  const explanation = p.explanation.replace(/^P(\d): /, `P$1: ${UNANSWERED_REASON}, `);
  const values = newCaseValues(m, reasons, { ...p, explanation }, value, contacts, now);
  const id = await insertCase(db, values);
  await addEvent(db, id, now, "opened", SYSTEM, { message_id: m.id, reasons, priority: p.level });
  const teams = await teamNames(db, [m.team_id]);
  await saveCase(
    db,
    ctx,
    { ...values, id },
    startClocks(id, slaTargets(ctx.rules, p.level, m.channel), m.sent_at),
    m.team_id !== null ? (teams.get(m.team_id) ?? null) : null,
    { newClocks: true },
  );
  return true;
}
