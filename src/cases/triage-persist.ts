/**
 * Triage's persist step: writes a batch's plan in its write transaction. New cases are inserted
 * together (their ids come back by origin message) and take over the temporary ids the plan used;
 * the rest is upserted together, then replies, recoveries, thread checks, events and alerts follow.
 *
 * @example
 * const alerts = await persistTriage(trx, ctx, plan);
 */
import { upsertClocks } from "../store/case-clocks.js";
import { addCaseEvents, addCaseReplies } from "../store/case-history.js";
import { insertNewCases, setRecovery, upsertCases } from "../store/cases.js";
import { addThreadChecks, dropThreadChecks } from "../store/thread-checks.js";
import { raiseAlert } from "./alerts.js";
import type { CaseContext } from "./case-context.js";
import type { Db } from "./case-store.js";
import { changedClocks } from "./case-store.js";
import type { TriagePlan } from "./triage-decide.js";

/** Writes the plan; returns how many alerts were new. */
export async function persistTriage(db: Db, ctx: CaseContext, plan: TriagePlan): Promise<number> {
  const realId = await writeCases(db, ctx, plan);
  const live = (id: number) => id > 0;
  const events = plan.events.map((e) => ({ ...e, caseId: realId(e.caseId) ?? 0 })).filter((e) => live(e.caseId));
  const replies = plan.replies.map((r) => ({ ...r, case_id: realId(r.case_id) ?? 0 })).filter((r) => live(r.case_id));
  const alerts = plan.alerts.map((a) => (a.caseId ? { ...a, caseId: realId(a.caseId) ?? null } : a));
  await addCaseReplies(db, replies);
  const now = plan.now;
  for (const [caseId, r] of plan.recoveries) {
    await setRecovery(db, caseId, r, now);
    events.push({ caseId, kind: "recovery", details: { message_id: r.messageId, recovered: r.recovered === 1 } });
  }
  await writeThreadChecks(db, ctx, plan);
  await addCaseEvents(
    db,
    events.map((e) => ({
      case_id: e.caseId,
      at: now,
      kind: e.kind,
      actor_kind: "system",
      actor_id: null,
      details: JSON.stringify(e.details),
    })),
  );
  let raised = 0;
  for (const a of alerts) if ((await raiseAlert(db, ctx, a)) !== null) raised += 1;
  return raised;
}

/** Inserts new cases, upserts the others with their clocks; returns the map from temporary to real ids. */
async function writeCases(db: Db, ctx: CaseContext, plan: TriagePlan): Promise<(id: number) => number | undefined> {
  const fresh = plan.cases.filter((p) => p.work.isNew);
  // Another process opened a thread's case a moment ago: that one wins, this one is dropped.
  const byOrigin = await insertNewCases(
    db,
    fresh.map(({ row: { id: _temp, ...rest } }) => rest),
  );
  const idMap = new Map<number, number>();
  for (const p of fresh) {
    const real = byOrigin.get(p.row.origin_message_id);
    if (real === undefined) continue;
    idMap.set(p.row.id, real);
    p.row.id = real;
    p.clocks = p.clocks.map((c) => ({ ...c, case_id: real }));
  }
  const kept = plan.cases.filter((p) => !p.work.isNew || idMap.has(p.work.row.id) || p.row.id > 0);
  await upsertCases(
    db,
    kept.filter((p) => !p.work.isNew).map((p) => p.row),
  );
  await upsertClocks(
    db,
    kept.flatMap((p) => (p.work.isNew ? (p.row.id > 0 ? p.clocks : []) : changedClocks(p.clocks, p.work.loaded))),
  );
  for (const p of kept) if (p.row.next_check_at !== null) ctx.wake(p.row.next_check_at);
  return (id) => (id < 0 ? idMap.get(id) : id);
}

/**
 * Answered or taken over by a case: their pending checks go; new questions start theirs (an earlier
 * unanswered question of the thread keeps its earlier due time).
 */
async function writeThreadChecks(db: Db, ctx: CaseContext, plan: TriagePlan): Promise<void> {
  const checks = [...plan.checks];
  await dropThreadChecks(
    db,
    checks.filter(([, c]) => c.deleteExisting).map(([t]) => t),
  );
  const add = checks.flatMap(([t, c]) =>
    c.insert ? [{ thread_id: t, workspace_id: c.insert.workspaceId, message_id: c.insert.messageId, due_at: c.insert.dueAt }] : [],
  );
  await addThreadChecks(db, add);
  if (add.length) ctx.wake(Math.min(...add.map((a) => a.due_at)));
}
