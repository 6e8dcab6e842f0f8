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
import type { Reading } from "../core/reading.js";
import { withWriteTransaction } from "../store/write-transaction.js";
import { raiseAlert } from "./alerts.js";
import { SYSTEM, type CaseContext } from "./case-context.js";
import { addEvent, loadClocks, saveCase, teamNames, type Db } from "./case-store.js";
import { type CaseRow, type ClockRow } from "../store/schema.js";
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
    const due = await db.selectFrom("cases").selectAll().where("next_check_at", "<=", now).orderBy("next_check_at").limit(BATCH).execute();
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
      const tdb = trx;
      for (const c of due) {
        // Claim: only the process that moves next_check_at from the value it read acts on it.
        const claimed = await tdb
          .updateTable("cases")
          .set({ next_check_at: null })
          .where("id", "=", c.id)
          .where("next_check_at", "=", c.next_check_at)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        await checkCase(tdb, ctx, c, clocks.get(c.id) ?? [], c.team_id !== null ? (teams.get(c.team_id) ?? null) : null, now, stats);
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
  const label = (kind: string) => kind.replace("_", " ");
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
      await raiseAlert(db, ctx, {
        workspaceId: c.workspace_id,
        kind: "sla_breach",
        severity: c.priority <= 2 ? "critical" : "warning",
        caseId: c.id,
        channel: c.channel,
        summary: `P${c.priority} case ${c.id}: ${label(k.kind)} target of ${k.target_minutes} min missed`,
        details: {
          clock: k.kind,
          due_at: new Date(k.due_at).toISOString(),
          priority: c.priority,
          explanation: c.priority_explanation,
          team_id: c.team_id,
          assignee_user_id: c.assignee_user_id,
        },
        dedupeKey: `breach:${c.id}:${k.kind}:${k.started_at}:${k.due_at}`,
      });
    } else if (k.breached_at === null && k.warned_at === null && k.warn_at !== null && k.warn_at <= now) {
      k.warned_at = now;
      stats.warnings += 1;
      await addEvent(db, c.id, now, "sla_warning", SYSTEM, { clock: k.kind, due_at: k.due_at });
      await raiseAlert(db, ctx, {
        workspaceId: c.workspace_id,
        kind: "sla_warning",
        severity: "warning",
        caseId: c.id,
        channel: c.channel,
        summary: `P${c.priority} case ${c.id}: ${label(k.kind)} due in ${Math.max(0, Math.ceil((k.due_at - now) / 60_000))} min`,
        details: {
          clock: k.kind,
          due_at: new Date(k.due_at).toISOString(),
          priority: c.priority,
          explanation: c.priority_explanation,
          team_id: c.team_id,
          assignee_user_id: c.assignee_user_id,
        },
        dedupeKey: `warn:${c.id}:${k.kind}:${k.started_at}:${k.due_at}`,
      });
    }
  }
  const row = { ...c };
  if (row.follow_up_at !== null && row.follow_up_fired_at === null && row.follow_up_at <= now) {
    row.follow_up_fired_at = now;
    stats.followUps += 1;
    await addEvent(db, c.id, now, "follow_up_due", SYSTEM, { resolved_at: row.resolved_at });
    await raiseAlert(db, ctx, {
      workspaceId: c.workspace_id,
      kind: "follow_up_due",
      severity: "info",
      caseId: c.id,
      channel: c.channel,
      summary: `Case ${c.id}: time to check on the customer after resolution`,
      details: {
        resolved_at: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
        team_id: c.team_id,
        assignee_user_id: c.assignee_user_id,
      },
      dedupeKey: `follow_up:${c.id}:${row.follow_up_at}`,
    });
  }
  await saveCase(db, ctx, row, next, team);
}

/** Opens cases for questions that stayed unanswered past the rule's time. */
export async function runThreadChecks(
  ctx: CaseContext,
  stats: DueStats = { warnings: 0, breaches: 0, followUps: 0, questionsOpened: 0 },
): Promise<DueStats> {
  const db = ctx.store.db;
  for (;;) {
    const now = ctx.clock.now();
    const due = await db.selectFrom("thread_checks").selectAll().where("due_at", "<=", now).orderBy("due_at").limit(BATCH).execute();
    if (!due.length) return stats;
    for (const check of due) {
      const opened = await withWriteTransaction(ctx.store, async (trx) => {
        const tdb = trx;
        const gone = await tdb
          .deleteFrom("thread_checks")
          .where("thread_id", "=", check.thread_id)
          .where("due_at", "=", check.due_at)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) !== 1) return false;
        const m = await tdb
          .selectFrom("messages as m")
          .innerJoin("readings as r", "r.message_id", "m.id")
          .select([
            "m.id",
            "m.workspace_id",
            "m.thread_id",
            "m.person_id",
            "m.team_id",
            "m.channel",
            "m.is_public",
            "m.sent_at",
            "r.reading",
          ])
          .where("m.id", "=", check.message_id)
          .executeTakeFirst();
        if (!m) return false;
        // Answered after all (an agent message later in the thread), or already a case: nothing to do.
        const answer = await tdb
          .selectFrom("messages")
          .select("id")
          .where("thread_id", "=", check.thread_id)
          .where("direction", "=", "agent")
          .where("sent_at", ">=", m.sent_at)
          .limit(1)
          .executeTakeFirst();
        const active = await tdb
          .selectFrom("cases")
          .select("id")
          .where("thread_id", "=", check.thread_id)
          .where("active", "=", 1)
          .limit(1)
          .executeTakeFirst();
        if (answer || active) return false;
        return triageQuestion(tdb, ctx, { ...m, reading: JSON.parse(m.reading) as Reading });
      });
      if (opened) stats.questionsOpened += 1;
    }
    if (due.length < BATCH) return stats;
  }
}
