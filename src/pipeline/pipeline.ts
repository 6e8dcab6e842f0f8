/**
 * The pipeline after ingest, in one place: the reading stage and the triage stage with their
 * durable hand-offs (`reading_queue` -> readings + `triage_queue` -> cases), and the case engine
 * whose scheduler acts on the cases. `attune serve`, `attune worker`, `attune demo` and
 * `attune reread` all run it through this module, so every path that reads also triages.
 *
 * @example
 * const pipeline = new Pipeline({ store, engine: await createReader(), scheduler: false });
 * await pipeline.drain(); // reads and triages everything queued
 * await pipeline.stop();
 */
import { CaseEngine } from "../cases/case-engine.js";
import { loadCaseRules, type CaseRules } from "../cases/case-rules.js";
import { targetPolicy } from "../cases/webhook-target.js";
import type { Config } from "../core/config.js";
import type { ReadingEngine } from "../core/reading.js";
import type { Store } from "../store/open-store.js";
import { ReadingWorker } from "./reading-worker.js";
import { TriageWorker } from "./triage-worker.js";

export interface PipelineOptions {
  store: Store;
  /** The reading engine; without one this process runs no stages (another process reads and triages). */
  engine?: ReadingEngine;
  /** Case rules (default: the file `config.caseRules` names, else the built-in defaults). */
  rules?: CaseRules;
  /** The case rules file and the webhook allow-list (ATTUNE_CASE_RULES, ATTUNE_WEBHOOK_ALLOW); none without it. */
  config?: Pick<Config, "caseRules" | "webhookAllow">;
  /** Run the case scheduler's timers (SLA checks, escalations); one process of a cluster does. */
  scheduler?: boolean;
  /** Messages per reading batch. */
  batchSize?: number;
  /** A case engine built elsewhere (tests with a manual clock); `rules` and `scheduler` then go unused. */
  cases?: CaseEngine;
}

export class Pipeline {
  readonly cases: CaseEngine;
  readonly reading: ReadingWorker | undefined;
  readonly triage: TriageWorker | undefined;
  private scheduling: Promise<void> | undefined;

  constructor(o: PipelineOptions) {
    // Checked here, at start: a bad rules file stops the process now, not at the first case.
    this.cases =
      o.cases ??
      new CaseEngine({
        store: o.store,
        rules: o.rules ?? loadCaseRules(o.config?.caseRules),
        timers: o.scheduler ?? false,
        delivery: { targets: targetPolicy(o.config?.webhookAllow) },
      });
    if (!o.engine) return;
    const triage = new TriageWorker(o.store, this.cases);
    this.triage = triage;
    this.reading = new ReadingWorker(o.store, o.engine, {
      ...(o.batchSize ? { batchSize: o.batchSize } : {}),
      onRead: () => triage.nudge(),
    });
  }

  /**
   * Starts both stages and the case scheduler in the background. The scheduler's first run is not
   * awaited: after a restart it may have thousands of due clocks to work through, and the server
   * must answer meanwhile.
   */
  start(): void {
    this.reading?.start();
    this.triage?.start();
    this.scheduling = this.cases.start();
  }

  /** Wakes the reading stage (messages were ingested). */
  nudge(): void {
    this.reading?.nudge();
  }

  /** Reads and triages everything queued, then returns the counts (demo, `worker --once`, `reread --wait`). */
  async drain(): Promise<{ read: number; triaged: number }> {
    const read = (await this.reading?.drain()) ?? 0;
    const triaged = (await this.triage?.drain()) ?? 0;
    return { read, triaged };
  }

  /** Lets the running batches finish, then stops the stages and the scheduler. */
  async stop(): Promise<void> {
    await this.reading?.stop();
    await this.triage?.stop();
    await this.scheduling;
    await this.cases.stop();
  }
}
