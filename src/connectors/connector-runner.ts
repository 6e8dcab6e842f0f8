/**
 * Runs the enabled connectors of the settings page inside `serve`: every connector whose interval
 * has passed gets one pass (connectors/stored-connector.ts), never two at once (an API "sync now"
 * waits for a running pass, then runs its own). A failed pass is logged with its code only — no
 * secret, no customer text — and retried at the next interval. `stop()` ends the timer and waits
 * for passes in flight, so the store can close after it.
 *
 * @example
 * const runner = new ConnectorRunner({ store, key: config.secretKey }); runner.start(); … await runner.stop();
 */
import { asAttuneError } from "../core/errors.js";
import type { IngestCounts } from "../ingest/public.js";
import { listConnectors, type ConnectorRow } from "../store/connectors.js";
import type { Store } from "../store/open-store.js";
import { runAndRecord } from "./stored-connector.js";

export interface RunnerOptions {
  store: Store;
  key: Buffer | undefined;
  /** How often to look for connectors that are due (default 15 s); their own interval decides. */
  checkMs?: number;
  /** One JSON line per pass or failure (default stderr). */
  log?: (line: Record<string, unknown>) => void;
  /** Told after each pass (tests wait on this, not on time). */
  onPass?: (id: number, result: IngestCounts | Error) => void;
  now?: () => number;
}

export class ConnectorRunner {
  private readonly inFlight = new Map<number, Promise<IngestCounts>>();
  private readonly lastStart = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly o: RunnerOptions) {}

  /** Checks now, then every `checkMs`. */
  start(): void {
    const check = () => {
      if (this.stopped) return;
      this.ticking = this.runDue().finally(() => {
        if (!this.stopped) this.timer = setTimeout(check, this.o.checkMs ?? 15_000).unref();
      });
    };
    check();
  }

  /** Starts a pass for each enabled connector whose interval has passed; resolves when they end. */
  async runDue(): Promise<void> {
    const now = (this.o.now ?? Date.now)();
    const due = (await listConnectors(this.o.store.db, this.o.store.workspaceId, true)).filter(
      (c) => !this.inFlight.has(c.id) && now - (this.lastStart.get(c.id) ?? -Infinity) >= c.interval_seconds * 1000,
    );
    await Promise.all(due.map((c) => this.runNow(c).catch(() => undefined)));
  }

  /** One pass of `row` after any pass of it in flight; rejects with the pass's error. */
  runNow(row: ConnectorRow): Promise<IngestCounts> {
    const before = this.inFlight.get(row.id)?.catch(() => undefined) ?? Promise.resolve();
    const pass = before.then(() => this.pass(row));
    const settled = pass.finally(() => {
      if (this.inFlight.get(row.id) === settled) this.inFlight.delete(row.id);
    });
    this.inFlight.set(row.id, settled);
    return settled;
  }

  private async pass(row: ConnectorRow): Promise<IngestCounts> {
    this.lastStart.set(row.id, (this.o.now ?? Date.now)());
    const log = this.o.log ?? ((l) => process.stderr.write(`${JSON.stringify(l)}\n`));
    try {
      const counts = await runAndRecord(this.o.store, this.o.key, row);
      log({ connector: { id: row.id, kind: row.kind }, counts });
      this.o.onPass?.(row.id, counts);
      return counts;
    } catch (err) {
      // The code only: details and causes may carry a server's answer or a mail's header.
      log({ connector: { id: row.id, kind: row.kind }, error: { code: asAttuneError(err).code } });
      this.o.onPass?.(row.id, err as Error);
      throw err;
    }
  }

  /** Stops the timer and waits for the passes in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking?.catch(() => undefined);
    await Promise.all([...this.inFlight.values()].map((p) => p.catch(() => undefined)));
  }
}
