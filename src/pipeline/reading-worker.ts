/**
 * The reading stage: claims un-read messages from `reading_queue` in batches, reads them with the
 * engine, and stores their readings together with their hand-off to triage (`triage_queue`). Any
 * number of workers may share one database: a claim is a lease (src/store/work-queue.ts), so a
 * batch goes to one worker; a worker that dies leaves its lease to expire, and one whose write fails
 * gives its claims back at once, so another worker reads the batch without waiting for the lease.
 *
 * @example
 * const worker = new ReadingWorker(store, await createReader());
 * worker.start();
 * await worker.stop();
 */
import { randomUUID } from "node:crypto";
import type { Reading, ReadingContext, ReadingEngine } from "../core/reading.js";
import type { Store } from "../store/open-store.js";
import { loadMessagesToRead, storeReadings, type MessageToRead } from "../store/reading-batch.js";
import { contextOf } from "./reading-context.js";
import { claimQueued, HeldClaims, queuedCount } from "../store/work-queue.js";
import { drainStage, LoopedStage } from "./stage-loop.js";

/** Messages read per engine call: big enough for the batch speed-up, small enough to yield often. */
const READ_CHUNK = 32;

export interface WorkerOptions {
  id?: string;
  batchSize?: number;
  /** How long a claim holds before another worker may take the batch over. */
  leaseMs?: number;
  /** Sleep when the queue is empty. */
  idleMs?: number;
  /** Attempts before a message that keeps failing is set aside (failed = 1). */
  maxAttempts?: number;
  /** Longest stretch of synchronous reading before yielding to the event loop (HTTP stays responsive). */
  sliceMs?: number;
  /** Called after a batch's readings are committed, with the ids read (the pipeline wakes triage here; must not block). */
  onRead?: (messageIds: number[]) => void;
}

export class ReadingWorker extends LoopedStage {
  processed = 0;
  failures = 0;
  private readonly held: HeldClaims;

  constructor(
    private readonly store: Store,
    private readonly engine: ReadingEngine,
    private readonly opts: WorkerOptions = {},
  ) {
    super(opts.id ?? `w-${randomUUID().slice(0, 8)}`, opts.idleMs ?? 250);
    this.held = new HeldClaims(store, "reading_queue", this.id);
  }

  /** Claims and reads one batch; returns how many messages it read. */
  async runOnce(): Promise<number> {
    await this.held.giveBackKept();
    const ids = await claimQueued(this.store, "reading_queue", this.id, {
      limit: this.opts.batchSize ?? 200,
      leaseMs: this.opts.leaseMs ?? 60_000,
    });
    if (ids.length === 0) return 0;
    try {
      return await this.readBatch(ids);
    } catch (err) {
      this.failures += 1;
      // Give the batch back now rather than after the lease (issue 11 item 19); if even that
      // fails (the database is gone), it is given back once the database answers again.
      await this.held.giveBack(ids);
      throw err;
    }
  }

  /** Reads until the queue is empty (tests, `attune reread --wait`). */
  drain(): Promise<number> {
    return drainStage(
      () => this.runOnce(),
      () => queuedCount(this.store, "reading_queue"),
    );
  }

  private async readBatch(ids: number[]): Promise<number> {
    const { messages, threads } = await loadMessagesToRead(this.store, ids);
    const contexts = messages.map((m) => contextOf(m, threads));
    const done: { msg: MessageToRead; reading: Reading }[] = [];
    const failed: number[] = [];
    let sliceStart = performance.now();
    for (let start = 0; start < messages.length; start += READ_CHUNK) {
      const chunk = messages.slice(start, start + READ_CHUNK);
      for (const [k, result] of this.readChunk(chunk.map((m, j) => ({ text: m.text, context: contexts[start + j]! }))).entries()) {
        if (result instanceof Error) failed.push(chunk[k]!.id);
        else done.push({ msg: chunk[k]!, reading: result });
      }
      // The in-process worker shares the server's thread: let requests in between chunks.
      if (performance.now() - sliceStart > (this.opts.sliceMs ?? 25)) {
        await new Promise((r) => setImmediate(r));
        sliceStart = performance.now();
      }
    }
    const written = await storeReadings(this.store, this.id, { done, failed, maxAttempts: this.opts.maxAttempts ?? 3 });
    if (written.length) {
      try {
        this.opts.onRead?.(written);
      } catch {
        // A failing hook must not fail reading: the readings and their hand-off are stored.
      }
    }
    // Queue rows whose message vanished between claim and read are gone by cascade already.
    this.processed += done.length;
    this.failures += failed.length;
    return done.length + failed.length;
  }

  /** Read messages with the engine's batch call where it has one; an Error marks a failed message. */
  private readChunk(items: { text: string; context: ReadingContext }[]): (Reading | Error)[] {
    if (this.engine.analyzeMany) return this.engine.analyzeMany(items);
    return items.map(({ text, context }) => {
      try {
        return this.engine.analyze(text, context);
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    });
  }
}
