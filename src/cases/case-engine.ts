/**
 * The case engine of one store: triage of read messages (the pipeline's triage stage feeds it from
 * the durable triage queue, src/pipeline/triage-worker.ts), and a scheduler that sleeps until the earliest computed
 * instant (an SLA warning or due time, a follow-up, an unanswered question, a webhook retry, a spike
 * check) instead of polling. Time comes from an injected Clock; with `timers: false` nothing runs
 * by itself and tests call `runDue()` after moving a ManualClock.
 *
 * @example
 * const cases = new CaseEngine({ store, rules: loadCaseRules(path) });
 * await cases.triage([101, 102]);
 * await cases.start();
 */
import { earliestCaseCheck } from "../store/cases.js";
import type { Store } from "../store/open-store.js";
import { earliestThreadCheck } from "../store/thread-checks.js";
import { earliestPendingDelivery } from "../store/webhook-deliveries.js";
import type { CaseContext } from "./case-context.js";
import { DEFAULT_CASE_RULES, type CaseRules } from "./case-rules.js";
import { retryDelay } from "../core/backoff.js";
import { systemClock, type Clock } from "./clock.js";
import { runDueCases, runThreadChecks, type DueStats } from "./due-work.js";
import { detectSpikes } from "./spike-detector.js";
import { triageMessages, type TriageStats } from "./triage.js";
import { DEFAULT_DELIVERY, deliverDue, type DeliveryOptions, type DeliveryStats } from "./webhook-deliverer.js";

export interface CaseEngineOptions {
  store: Store;
  rules?: CaseRules;
  clock?: Clock;
  /** Arm real timers at computed instants (default true). */
  timers?: boolean;
  delivery?: Partial<DeliveryOptions>;
}

/**
 * Longest sleep. Instants scheduled in this process wake it exactly; this bounds how late it notices
 * instants written by another process (a standalone `attune worker` triaging into the same database).
 */
const MAX_SLEEP_MS = 60_000;

export interface DueResult extends DueStats {
  deliveries: DeliveryStats;
  spikes: number;
}

export class CaseEngine {
  readonly ctx: CaseContext;
  readonly delivery: DeliveryOptions;
  /** Scheduler runs that failed. */
  failures = 0;
  triaged = 0;
  private readonly timers: boolean;
  private timer: NodeJS.Timeout | undefined;
  private armedAt: number | null = null;
  private running = false;
  private dueRun: Promise<DueResult> | undefined;
  private spikeAt: number | null = null;
  /** Scheduler runs that failed in a row (for the retry backoff). */
  private failedTicks = 0;

  constructor(o: CaseEngineOptions) {
    this.timers = o.timers ?? true;
    this.delivery = { ...DEFAULT_DELIVERY, ...o.delivery };
    this.ctx = { store: o.store, rules: o.rules ?? DEFAULT_CASE_RULES, clock: o.clock ?? systemClock, wake: (at) => this.wake(at) };
  }

  /**
   * Triage read messages and wait for it. `claim`: the ids were claimed from the triage queue by
   * that worker, and leave it with the triage's writes (see triageMessages).
   */
  async triage(ids: number[], claim?: { by: string }): Promise<TriageStats> {
    const stats = await triageMessages(this.ctx, ids, claim);
    this.triaged += stats.messages;
    if (stats.customerMessages > 0 && this.ctx.rules.alerts.spike.enabled && this.spikeAt === null) {
      this.scheduleSpikeCheck(this.ctx.clock.now() + this.ctx.rules.alerts.spike.checkEveryMinutes * 60_000);
    }
    return stats;
  }

  /** Test the running hour for spikes at `at` (triage calls this when customer messages arrive). */
  scheduleSpikeCheck(at: number): void {
    this.spikeAt = this.spikeAt === null ? at : Math.min(this.spikeAt, at);
    this.wake(this.spikeAt);
  }

  /** Everything whose instant has come: clocks, follow-ups, unanswered questions, webhook sends, spikes. */
  async runDue(): Promise<DueResult> {
    while (this.dueRun) await this.dueRun.catch(() => undefined);
    this.dueRun = this.runDueOnce();
    try {
      return await this.dueRun;
    } finally {
      this.dueRun = undefined;
    }
  }

  private async runDueOnce(): Promise<DueResult> {
    const stats: DueStats = { warnings: 0, breaches: 0, followUps: 0, questionsOpened: 0 };
    await runThreadChecks(this.ctx, stats);
    await runDueCases(this.ctx, stats);
    let spikes = 0;
    if (this.spikeAt !== null && this.spikeAt <= this.ctx.clock.now()) {
      this.spikeAt = null;
      spikes = await detectSpikes(this.ctx);
    }
    const deliveries = await deliverDue(this.ctx, this.delivery);
    return { ...stats, deliveries, spikes };
  }

  /** The earliest instant anything is due (null when nothing is scheduled). */
  async nextInstant(): Promise<number | null> {
    const db = this.ctx.store.db;
    const found = await Promise.all([earliestCaseCheck(db), earliestThreadCheck(db), earliestPendingDelivery(db)]);
    const all = [...found, this.spikeAt].filter((x): x is number => x !== null);
    return all.length ? Math.min(...all) : null;
  }

  /** Starts the scheduler (when timers are on): runs what is due, then sleeps until the next instant. */
  async start(): Promise<void> {
    this.running = true;
    if (this.timers) await this.tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = null;
    while (this.dueRun) await this.dueRun.catch(() => undefined);
  }

  private wake(at: number): void {
    if (!this.timers || !this.running) return;
    if (this.armedAt !== null && this.armedAt <= at) return;
    this.arm(at);
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.min(MAX_SLEEP_MS, Math.max(0, at - this.ctx.clock.now()));
    this.armedAt = this.ctx.clock.now() + delay;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.armedAt = null;
    if (!this.running) return;
    let next: number | null;
    try {
      await this.runDue();
      next = (await this.nextInstant()) ?? this.ctx.clock.now() + MAX_SLEEP_MS;
      this.failedTicks = 0;
    } catch {
      // The database is down or restarting: what was due is still due, so try again soon, backing off.
      this.failures += 1;
      this.failedTicks += 1;
      next = this.ctx.clock.now() + retryDelay(this.failedTicks, 1_000);
    }
    if (!this.running) return;
    this.arm(next);
  }
}
