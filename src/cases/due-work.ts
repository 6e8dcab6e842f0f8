/**
 * What the scheduler does when it wakes: record SLA warnings and breaches at the instants the clocks
 * computed (and alert), fire follow-ups that fell due, and open cases for questions left unanswered.
 * Each step claims its rows with a conditional update, so two servers on one database never act
 * twice on the same instant.
 *
 * @example
 * const done = await runDueCases(ctx);      // warnings, breaches, follow-ups
 * const opened = await runThreadChecks(ctx); // unanswered questions
 */
import { loadClocks } from "../store/case-clocks.js";
import { casesDue, claimCaseCheck, threadHasActiveCase } from "../store/cases.js";
import { agentWroteSince, readMessages } from "../store/read-messages.js";
import type { CaseRow, ClockRow, ThreadChecksTable } from "../store/schema.js";
import { teamNames } from "../store/teams.js";
import { claimThreadCheck, dueThreadChecks } from "../store/thread-checks.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { raiseAlert, type NewAlert } from "./alerts.js";
import { SYSTEM, type CaseContext } from "./case-context.js";
import { addEvent, saveCase, type Db } from "./case-store.js";
import { triageQuestion } from "./open-unanswered.js";

const BATCH = 200;
const STALE_ALERT_MS = 24 * 3_600_000;

export interface DueStats {
  warnings: number;
  breaches: number;
  followUps: number;
  questionsOpened: number;
}

/** Handles every case whose next check has come; returns what happened. */
export async function runDueCases(
  ctx: CaseContext,
  stats: DueStats = { warnings: 0, breaches: 0, followUps: 0, questionsOpened: 0 },
): Promise<DueStats> {
  const db = ctx.store.db;
  for (;;) {
    const now = ctx.clock.now();
    const due = await casesDue(db, now, BATCH);
    if (!due.length) return stats;
    const clocks = await loadClocks(
      db,
      due.map((c) => c.id),
    );
    const teams = await teamNames(
      db,
      due.map((c) => c.team_id),
    );
    await withWriteTransaction(ctx.store, async (trx) => {
      for (const c of due) {
        // Claim: only the process that moves next_check_at from the value it read acts on it.
        if (!(await claimCaseCheck(trx, c.id, c.next_check_at))) continue;
        await checkCase(trx, ctx, c, clocks.get(c.id) ?? [], c.team_id !== null ? (teams.get(c.team_id) ?? null) : null, now, stats);
      }
    });
    if (due.length < BATCH) return stats;
  }
}

async function checkCase(
  db: Db,
  ctx: CaseContext,
  c: CaseRow,
  clocks: ClockRow[],
  team: string | null,
  now: number,
  stats: DueStats,
): Promise<void> {
  const next = clocks.map((k) => ({ ...k }));
  for (const k of next) {
    if (k.stopped_at !== null || k.due_at === null) continue;
    if (k.breached_at === null && k.due_at <= now) {
      k.breached_at = k.due_at;
      stats.breaches += 1;
      await addEvent(db, c.id, now, "sla_breach", SYSTEM, { clock: k.kind, due_at: k.due_at });
      // A breach long past (imported history, a server that was down) is recorded, not alerted:
      // alerts are for what someone can still act on.
      if (now - k.due_at > STALE_ALERT_MS) continue;
      await raiseAlert(db, ctx, clockAlert(c, k, "sla_breach", now));
    } else if (k.breached_at === null && k.warned_at === null && k.warn_at !== null && k.warn_at <= now) {
      k.warned_at = now;
      stats.warnings += 1;
      await addEvent(db, c.id, now, "sla_warning", SYSTEM, { clock: k.kind, due_at: k.due_at });
      await raiseAlert(db, ctx, clockAlert(c, k, "sla_warning", now));
    }
  }
  const row = { ...c };
  if (row.follow_up_at !== null && row.follow_up_fired_at === null && row.follow_up_at <= now) {
    row.follow_up_fired_at = now;
    stats.followUps += 1;
    await addEvent(db, c.id, now, "follow_up_due", SYSTEM, { resolved_at: row.resolved_at });
    await raiseAlert(db, ctx, followUpAlert(c, row.follow_up_at));
  }
  await saveCase(db, ctx, row, next, team);
}

/** The alert of a clock that breached or is about to (`due_at` set). */
export function clockAlert(c: CaseRow, k: ClockRow, kind: "sla_breach" | "sla_warning", now: number): NewAlert {
  const dueAt = k.due_at!;
  const clock = k.kind.replace("_", " ");
  const breach = kind === "sla_breach";
  return {
    workspaceId: c.workspace_id,
    kind,
    severity: breach ? (c.priority <= 2 ? "critical" : "warning") : "warning",
    caseId: c.id,
    channel: c.channel,
    summary: breach
      ? `P${c.priority} case ${c.id}: ${clock} target of ${k.target_minutes} min missed`
      : `P${c.priority} case ${c.id}: ${clock} due in ${Math.max(0, Math.ceil((dueAt - now) / 60_000))} min`,
    details: {
      clock: k.kind,
      due_at: new Date(dueAt).toISOString(),
      priority: c.priority,
      explanation: c.priority_explanation,
      team_id: c.team_id,
      assignee_user_id: c.assignee_user_id,
    },
    dedupeKey: `${breach ? "breach" : "warn"}:${c.id}:${k.kind}:${k.started_at}:${dueAt}`,
  };
}

/** The alert that a resolved case's follow-up fell due. */
function followUpAlert(c: CaseRow, followUpAt: number): NewAlert {
  return {
    workspaceId: c.workspace_id,
    kind: "follow_up_due",
    severity: "info",
    caseId: c.id,
    channel: c.channel,
    summary: `Case ${c.id}: time to check on the customer after resolution`,
    details: {
      resolved_at: c.resolved_at === null ? null : new Date(c.resolved_at).toISOString(),
      team_id: c.team_id,
      assignee_user_id: c.assignee_user_id,
    },
    dedupeKey: `follow_up:${c.id}:${followUpAt}`,
  };
}

/** Opens cases for questions that stayed unanswered past the rule's time. */
export async function runThreadChecks(
  ctx: CaseContext,
  stats: DueStats = { warnings: 0, breaches: 0, followUps: 0, questionsOpened: 0 },
): Promise<DueStats> {
  for (;;) {
    const due = await dueThreadChecks(ctx.store.db, ctx.clock.now(), BATCH);
    if (!due.length) return stats;
    for (const check of due) {
      const opened = await withWriteTransaction(ctx.store, (trx) => runThreadCheck(trx, ctx, check));
      if (opened) stats.questionsOpened += 1;
    }
    if (due.length < BATCH) return stats;
  }
}

/** One due check, claimed by taking it off the table: opens a case unless the question was answered or has one. */
async function runThreadCheck(db: Db, ctx: CaseContext, check: ThreadChecksTable): Promise<boolean> {
  if (!(await claimThreadCheck(db, check))) return false;
  const [m] = await readMessages(db, [check.message_id]);
  if (!m) return false;
  // Answered after all (an agent message later in the thread), or already a case: nothing to do.
  if ((await agentWroteSince(db, check.thread_id, m.sent_at)) || (await threadHasActiveCase(db, check.thread_id))) return false;
  return triageQuestion(db, ctx, m);
}
