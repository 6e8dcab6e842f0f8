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
import { saveCase, teamNames, type Db } from "./case-store.js";
import { newCaseValues, type OpeningMessage } from "./new-case.js";
import { computePriority } from "./priority.js";

export const UNANSWERED_REASON = "question left unanswered";

export async function triageQuestion(db: Db, ctx: CaseContext, m: OpeningMessage): Promise<boolean> {
  const now = ctx.clock.now();
  const person =
    m.person_id !== null ? await db.selectFrom("people").select("attributes").where("id", "=", m.person_id).executeTakeFirst() : undefined;
  const value = customerValueOf(person?.attributes ?? null);
  const contacts =
    m.thread_id === null
      ? 1
      : Number(
          (
            await db
              .selectFrom("messages")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("thread_id", "=", m.thread_id)
              .where("direction", "=", "customer")
              .executeTakeFirstOrThrow()
          ).n,
        );
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
  const { id } = await db.insertInto("cases").values(values).returning("id").executeTakeFirstOrThrow();
  await db
    .insertInto("case_events")
    .values({
      case_id: id,
      at: now,
      kind: "opened",
      actor_kind: "system",
      actor_id: null,
      details: JSON.stringify({ message_id: m.id, reasons, priority: p.level }),
    })
    .execute();
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
