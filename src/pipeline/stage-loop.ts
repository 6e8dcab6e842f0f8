/**
 * The loop every pipeline stage runs: do one batch, and when there was nothing to do, sleep until
 * nudged or until `idleMs` passes (work queued by another process is found by the next poll). A
 * batch that throws is counted and the loop carries on, after a pause that doubles (up to 5 s) while
 * failures last, as in a database outage: its claims were given back or expire.
 *
 * @example
 * const loop = new StageLoop(() => worker.runOnce(), { idleMs: 250 });
 * loop.start(); loop.nudge(); await loop.stop();
 */
import { retryDelay } from "../core/backoff.js";

export class StageLoop {
  /** Batches that threw. */
  errors = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly runOnce: () => Promise<number>,
    private readonly o: { idleMs?: number } = {},
  ) {}

  /** Starts the loop in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the current batch finish, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Wakes an idle loop (new work was queued). */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failedInARow = 0;
    while (this.running) {
      let n = 0;
      try {
        n = await this.runOnce();
        failedInARow = 0;
      } catch {
        // The database is down or restarting: stay alive and try again, backing off (a nudge still wakes it).
        this.errors += 1;
        failedInARow += 1;
      }
      const idle = this.o.idleMs ?? 250;
      if (n === 0 && this.running) await this.sleep(failedInARow ? retryDelay(failedInARow, idle) : idle);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        this.wake = undefined;
        resolve();
      };
      const t = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/**
 * Runs `runOnce` until it finds nothing and nothing is left in its queue (claims others hold are
 * waited for, with a real pause so they get the event loop). Returns how many items were done.
 */
export async function drainStage(runOnce: () => Promise<number>, remaining: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runOnce();
    total += n;
    if (n > 0) continue;
    if ((await remaining()) === 0) return total;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A pipeline stage that claims work by its id and runs its batches in a StageLoop.
 *
 * @example
 * class Echo extends LoopedStage { async runOnce() { return 0; } }
 * const s = new Echo("e-1", 250); s.start(); await s.stop();
 */
export abstract class LoopedStage {
  private readonly loop: StageLoop;

  constructor(
    readonly id: string,
    idleMs: number,
  ) {
    this.loop = new StageLoop(() => this.runOnce(), { idleMs });
  }

  /** Claims and works one batch; returns how many items it took. */
  abstract runOnce(): Promise<number>;

  /** Starts the loop in the background. */
  start(): void {
    this.loop.start();
  }

  /** Lets the current batch finish, then stops. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Wakes an idle stage (new work was queued). */
  nudge(): void {
    this.loop.nudge();
  }
}
