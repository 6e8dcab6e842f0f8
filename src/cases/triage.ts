/**
 * Triage: after messages are read, decide per thread whether a case opens, an open one is updated,
 * a resolved one reopens, an agent reply stops the first-response clock (and is checked for
 * empathy), a question starts its "left unanswered" timer, and a later message of a customer whose
 * case was resolved shows recovery. Three steps: load (triage-load.ts, a fixed number of queries),
 * decide (triage-decide.ts, pure) and persist (triage-persist.ts, one write transaction), so it
 * keeps pace with ingestion.
 *
 * @example
 * const stats = await triageMessages(ctx, [101, 102, 103]);
 * stats.opened; // cases opened by this batch
 */
import { readMessages } from "../store/read-messages.js";
import { finishQueued, retriaged } from "../store/work-queue.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import type { CaseContext } from "./case-context.js";
import { decideTriage, emptyStats, type TriageStats } from "./triage-decide.js";
import { loadTriageWorld } from "./triage-load.js";
import { persistTriage } from "./triage-persist.js";

export type { TriageStats } from "./triage-decide.js";

/**
 * Triage a batch of read messages (ids of messages whose Reading is stored). With `claim`, the ids
 * were claimed from `triage_queue` by `claim.by`: the write transaction takes their rows off the
 * queue and triages only the messages whose row this worker still held, so a message is triaged
 * once however often its batch is retried; a message read again (`retriage`) only opens a case
 * for a thread that never had one (new contacts, replies and questions were counted the first time).
 */
export async function triageMessages(ctx: CaseContext, ids: number[], claim?: { by: string }): Promise<TriageStats> {
  if (!ids.length) return emptyStats();
  const again = claim ? await retriaged(ctx.store, claim.by, ids) : new Set<number>();
  const rows = (await readMessages(ctx.store.db, [...new Set(ids)])).filter((r) => r.direction === "customer" || r.direction === "agent");
  if (!rows.length) {
    if (claim) await withWriteTransaction(ctx.store, (trx) => finishQueued(trx, "triage_queue", claim.by, ids));
    return emptyStats();
  }
  const world = await loadTriageWorld(ctx.store.db, rows, again, ctx.rules);
  return withWriteTransaction(ctx.store, async (trx) => {
    // Only messages whose queue row this worker still holds: another took over an expired lease.
    const mine = claim ? new Set(await finishQueued(trx, "triage_queue", claim.by, ids)) : null;
    const plan = decideTriage(mine ? rows.filter((r) => mine.has(r.id)) : rows, again, world, ctx);
    plan.stats.alerts = await persistTriage(trx, ctx, plan);
    return plan.stats;
  });
}
