/**
 * The reading worker: claims un-read messages from `reading_queue` in batches, reads them with the
 * engine and writes their readings. Any number of workers may share one database: a claim is a lease
 * (claimed_until), taken with FOR UPDATE SKIP LOCKED on PostgreSQL and under SQLite's single write
 * lock, so a batch goes to one worker; a worker that dies leaves its lease to expire and another
 * takes the batch over. Writing is idempotent (upsert by message id), so a batch read twice after a
 * lost lease still leaves one reading per message.
 *
 * @example
 * const worker = new ReadingWorker(store, await createReader());
 * worker.start();
 * await worker.stop();
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Channel, Direction } from "../core/labels.js";
import type { Reading, ReadingContext } from "../core/reading.js";
import type { Store } from "./open-store.js";
import { readingRows } from "./reading-row.js";
import { withWriteTransaction } from "./write-transaction.js";

/** What the worker needs of the reading engine (src/analysis/read.ts `Reader`). */
export interface ReadingEngine {
  analyze(text: string, context?: ReadingContext): Reading;
  /** A batch at once (faster per message); an Error in place of a message that cannot be read. */
  analyzeMany?(items: readonly { text: string; context?: ReadingContext }[]): (Reading | Error)[];
  readonly version: Reading["version"];
}

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
  /** Called after a batch's readings are committed, with the ids read (case triage hooks in here; must not block). */
  onRead?: (messageIds: number[]) => void;
}

export class ReadingWorker {
  readonly id: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  processed = 0;
  failures = 0;

  constructor(
    private readonly store: Store,
    private readonly engine: ReadingEngine,
    private readonly opts: WorkerOptions = {},
  ) {
    this.id = opts.id ?? `w-${randomUUID().slice(0, 8)}`;
  }

  /** Starts the loop in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Lets the current batch finish, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Wakes an idle worker (new messages were queued). */
  nudge(): void {
    this.wake?.();
  }

  /** Claims and reads one batch; returns how many messages it read. */
  async runOnce(): Promise<number> {
    const ids = await this.claim();
    if (ids.length === 0) return 0;
    return this.readBatch(ids);
  }

  /** Reads until the queue is empty (tests, `attune reread --wait`). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      if (n === 0) {
        if ((await this.claimableCount()) === 0) return total;
        // Others hold the remaining claims: wait for them (a real pause, so they get the event loop).
        await new Promise((r) => setTimeout(r, 20));
      }
      total += n;
    }
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await this.runOnce();
      } catch {
        this.failures += 1;
        n = 0;
      }
      if (n === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.opts.idleMs ?? 250);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  private async claimableCount(): Promise<number> {
    const r = await this.store.db
      .selectFrom("reading_queue")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("failed", "=", 0)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private async claim(): Promise<number[]> {
    const now = Date.now();
    const limit = this.opts.batchSize ?? 200;
    const until = now + (this.opts.leaseMs ?? 60_000);
    if (this.store.dialect === "postgres") {
      const r = await sql<{ message_id: number }>`
        update reading_queue set claimed_by = ${this.id}, claimed_until = ${until}, attempts = attempts + 1
        where message_id in (
          select message_id from reading_queue
          where failed = 0 and claimed_until < ${now}
          order by message_id limit ${limit}
          for update skip locked)
        returning message_id`.execute(this.store.db);
      return r.rows.map((x) => Number(x.message_id));
    }
    return withWriteTransaction(this.store, async (trx) => {
      const r = await sql<{ message_id: number }>`
        update reading_queue set claimed_by = ${this.id}, claimed_until = ${until}, attempts = attempts + 1
        where message_id in (
          select message_id from reading_queue
          where failed = 0 and claimed_until < ${now}
          order by message_id limit ${limit})
        returning message_id`.execute(trx);
      return r.rows.map((x) => Number(x.message_id));
    });
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

  private async readBatch(ids: number[]): Promise<number> {
    const db = this.store.db;
    const msgs = await db
      .selectFrom("messages")
      .select(["id", "workspace_id", "text", "channel", "is_public", "audience", "direction", "language_hint", "thread_id", "sent_at", "team_id"])
      .where("id", "in", ids)
      .execute();
    const threadIds = [...new Set(msgs.map((m) => m.thread_id).filter((t): t is number => t !== null))];
    const earlier = new Map<number, { id: number; sent_at: number; text: string }[]>();
    if (threadIds.length) {
      const rows = await db
        .selectFrom("messages")
        .select(["id", "thread_id", "sent_at", "text"])
        .where("thread_id", "in", threadIds)
        .where("direction", "=", "customer")
        .orderBy("sent_at")
        .orderBy("id")
        .limit(20 * threadIds.length + 200)
        .execute();
      for (const r of rows) {
        const list = earlier.get(r.thread_id!) ?? [];
        list.push(r);
        earlier.set(r.thread_id!, list);
      }
    }

    const done: { msg: (typeof msgs)[number]; reading: Reading }[] = [];
    const failed: number[] = [];
    let sliceStart = performance.now();
    const contexts = msgs.map((m): ReadingContext => {
      const before = (m.thread_id !== null ? earlier.get(m.thread_id) ?? [] : [])
        .filter((e) => e.sent_at < m.sent_at || (e.sent_at === m.sent_at && e.id < m.id))
        .slice(-10)
        .map((e) => e.text);
      return {
        channel: m.channel as Channel,
        public: m.is_public === 1,
        direction: m.direction as Direction,
        ...(m.audience !== null ? { audience: m.audience } : {}),
        ...(before.length ? { thread: before } : {}),
        ...(m.language_hint ? { languageHint: m.language_hint } : {}),
      };
    });
    for (let start = 0; start < msgs.length; start += READ_CHUNK) {
      const chunk = msgs.slice(start, start + READ_CHUNK);
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

    const now = Date.now();
    // Rows are built (JSON and all) before the write lock is taken: other writers wait on it.
    const prepared = done.map((d) => readingRows(d.msg, d.reading, now));
    const written = await withWriteTransaction(this.store, async (trx) => {
      // A message erased while we read it must not come back as a reading.
      const alive = new Set<number>();
      const reread: number[] = [];
      if (done.length) {
        const rows = await trx
          .selectFrom("messages as m")
          .leftJoin("readings as r", "r.message_id", "m.id")
          .select(["m.id", "r.message_id as had"])
          .where("m.id", "in", done.map((d) => d.msg.id))
          .execute();
        for (const r of rows) {
          alive.add(r.id);
          if (r.had !== null) reread.push(r.id);
        }
      }
      const rows = prepared.filter((r) => alive.has(r.reading.message_id as number));
      const readIds = rows.map((r) => r.reading.message_id as number);
      // Only a re-read has old labels to replace.
      for (let i = 0; i < reread.length; i += 300) {
        await trx.deleteFrom("reading_labels").where("message_id", "in", reread.slice(i, i + 300)).execute();
      }
      for (let i = 0; i < rows.length; i += 100) {
        const chunk = rows.slice(i, i + 100).map((r) => r.reading);
        await trx
          .insertInto("readings")
          .values(chunk)
          .onConflict((oc) =>
            oc.column("message_id").doUpdateSet((eb) => ({
              sent_at: eb.ref("excluded.sent_at"),
              channel: eb.ref("excluded.channel"),
              direction: eb.ref("excluded.direction"),
              team_id: eb.ref("excluded.team_id"),
              language: eb.ref("excluded.language"),
              sentiment: eb.ref("excluded.sentiment"),
              sentiment_score: eb.ref("excluded.sentiment_score"),
              top_emotion: eb.ref("excluded.top_emotion"),
              complaint_severity: eb.ref("excluded.complaint_severity"),
              urgency: eb.ref("excluded.urgency"),
              reach: eb.ref("excluded.reach"),
              intensity: eb.ref("excluded.intensity"),
              stage: eb.ref("excluded.stage"),
              pipeline_version: eb.ref("excluded.pipeline_version"),
              reading: eb.ref("excluded.reading"),
              read_at: eb.ref("excluded.read_at"),
            })),
          )
          .execute();
      }
      const labels = rows.flatMap((r) => r.labels);
      for (let i = 0; i < labels.length; i += 300) await trx.insertInto("reading_labels").values(labels.slice(i, i + 300)).execute();
      const finished = [...done.map((d) => d.msg.id)];
      for (let i = 0; i < finished.length; i += 500) {
        await trx.deleteFrom("reading_queue").where("message_id", "in", finished.slice(i, i + 500)).where("claimed_by", "=", this.id).execute();
      }
      if (failed.length) {
        await trx
          .updateTable("reading_queue")
          .set((eb) => ({
            failed: eb.case().when("attempts", ">=", this.opts.maxAttempts ?? 3).then(1).else(0).end(),
            claimed_until: now + 30_000,
          }))
          .where("message_id", "in", failed)
          .execute();
      }
      return readIds;
    });
    if (written.length) {
      try {
        this.opts.onRead?.(written);
      } catch {
        // A failing hook must not fail reading: the readings are stored.
      }
    }
    // Queue rows whose message vanished between claim and read are gone by cascade already.
    this.processed += done.length;
    this.failures += failed.length;
    return done.length + failed.length;
  }
}
