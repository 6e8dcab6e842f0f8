/**
 * The triage stage: claims read messages from `triage_queue` (written with their readings) and
 * triages them with the case engine, which takes the rows off the queue in the same transaction as
 * the cases it opens or updates. A batch whose triage fails gives its claims back, to be tried
 * again a moment later and set aside after `maxAttempts`; nothing waits in memory, so a crash or a
 * database restart loses no hand-off.
 *
 * @example
 * const triage = new TriageWorker(store, cases);
 * triage.start();
 * await triage.stop();
 */
import { randomUUID } from "node:crypto";
import type { CaseEngine } from "../cases/case-engine.js";
import type { Store } from "../store/open-store.js";
import { storeFailureOf } from "../core/store-failure.js";
import { claimQueued, HeldClaims, queuedCount } from "../store/work-queue.js";
import { drainStage, LoopedStage } from "./stage-loop.js";

export interface TriageWorkerOptions {
  id?: string;
  /** Messages per triage transaction (triage does a fixed number of queries per batch). */
  batchSize?: number;
  leaseMs?: number;
  idleMs?: number;
  /** Claims before a batch that keeps failing is set aside (failed = 1). */
  maxAttempts?: number;
  /** Pause before a failed batch may be claimed again (a busy database, a deadlock). */
  retryMs?: number;
}

export class TriageWorker extends LoopedStage {
  /** Messages triaged by this worker. */
  triaged = 0;
  /** Batches whose triage failed. */
  failures = 0;
  private readonly held: HeldClaims;

  constructor(
    private readonly store: Store,
    private readonly cases: CaseEngine,
    private readonly opts: TriageWorkerOptions = {},
  ) {
    super(opts.id ?? `t-${randomUUID().slice(0, 8)}`, opts.idleMs ?? 1000);
    this.held = new HeldClaims(store, "triage_queue", this.id);
  }

  /** Claims and triages one batch; returns how many messages it took off the queue. */
  async runOnce(): Promise<number> {
    await this.held.giveBackKept();
    const ids = await claimQueued(this.store, "triage_queue", this.id, {
      limit: this.opts.batchSize ?? 2000,
      leaseMs: this.opts.leaseMs ?? 60_000,
    });
    if (ids.length === 0) return 0;
    try {
      const stats = await this.cases.triage(ids, { by: this.id });
      this.triaged += stats.messages;
      return ids.length;
    } catch (err) {
      this.failures += 1;
      // A database that went away is no fault of the batch: it never counts towards setting it aside.
      const retryAt = Date.now() + (this.opts.retryMs ?? 500);
      await this.held.giveBack(ids, storeFailureOf(err) ? { retryAt } : { retryAt, failAfter: this.opts.maxAttempts ?? 5 });
      throw err;
    }
  }

  /** Triages until the queue is empty; a failing batch is retried until it is set aside. */
  drain(): Promise<number> {
    const once = () => this.runOnce().catch(() => 0);
    return drainStage(once, () => queuedCount(this.store, "triage_queue"));
  }
}
