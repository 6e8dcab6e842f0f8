/**
 * Load for fault runs against `attune serve`: clients that send batches of messages (each its own
 * thread, so each should open a case) and re-send a batch until it is acknowledged, counting every
 * answer; and an audit of what the database holds for the acknowledged messages. Shared by
 * test/pg-outage.test.ts and bench/pg-faults.ts.
 *
 * @example
 * const load = new OutageLoad(port, key, { clients: 3 });
 * await load.finish();
 * await auditAcknowledged(pgClient, load.acknowledged); // {} when all is well
 */
import type pg from "pg";

/** The text of message n (the audit checks that it was stored unaltered). */
export const textOf = (n: number) => `Order ${n} arrived late and the box was damaged`;

function batch(b: number, perBatch: number) {
  return {
    source: "outage",
    messages: Array.from({ length: perBatch }, (_, i) => {
      const n = b * perBatch + i;
      return {
        external_id: `o-${n}`,
        text: textOf(n),
        channel: "chat",
        author: `customer-${n % 97}`,
        thread: `t-${n}`,
        sent_at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
      };
    }),
  };
}

/** Polls until `cond` holds; fails with `what` after `limitMs` (a bound for a hung run, not a timing). */
export async function until(cond: () => boolean | Promise<boolean>, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Clients that keep sending batches and re-send each one until it is acknowledged. */
export class OutageLoad {
  readonly acknowledged = new Map<string, string>();
  unavailable = 0;
  /** When each acknowledgement arrived (ms since the epoch), in order. */
  readonly acknowledgedAt: number[] = [];
  unavailableWithoutRetryAfter = 0;
  /** Answers other than 200 and 503 store.unavailable (a 500 would land here), and lost connections. */
  readonly unexpected: string[] = [];
  private next = 0;
  private readonly retry: number[] = [];
  private stopping = false;
  private readonly clients: Promise<void>[];

  constructor(
    private readonly port: number,
    private readonly key: string,
    private readonly o: { clients: number; perBatch: number; pauseMs: number },
  ) {
    this.clients = Array.from({ length: o.clients }, () => this.client());
  }

  async finish(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.clients);
  }

  private async client(): Promise<void> {
    for (;;) {
      const b = this.retry.shift() ?? (this.stopping ? undefined : this.next++);
      if (b === undefined) return;
      if (!(await this.send(b))) this.retry.push(b);
      // A little room between requests: load at a steady pace, not as fast as two busy cores allow.
      await new Promise((r) => setTimeout(r, this.o.pauseMs));
    }
  }

  private async send(b: number): Promise<boolean> {
    let res: Response;
    try {
      res = await fetch(`http://127.0.0.1:${this.port}/api/v1/messages/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${this.key}`, "content-type": "application/json" },
        body: JSON.stringify(batch(b, this.o.perBatch)),
      });
    } catch (err) {
      this.unexpected.push(`fetch: ${(err as Error).message}`);
      return false;
    }
    const body = (await res.json()) as { results?: { status: string; external_id: string }[]; error?: { code: string } };
    if (res.status === 200) {
      for (const r of body.results!)
        if ((r.status === "accepted" || r.status === "duplicate") && !this.acknowledged.has(r.external_id)) {
          this.acknowledged.set(r.external_id, textOf(Number(r.external_id.slice(2))));
          this.acknowledgedAt.push(Date.now());
        }
      return body.results!.every((r) => r.status === "accepted" || r.status === "duplicate");
    }
    if (res.status === 503 && body.error?.code === "store.unavailable") {
      this.unavailable += 1;
      if (!res.headers.get("retry-after")) this.unavailableWithoutRetryAfter += 1;
    } else this.unexpected.push(`${res.status} ${body.error?.code}`);
    return false;
  }
}

/**
 * What is wrong with the acknowledged messages in the database, counted by kind: lost, stored more
 * than once, altered, not read, not triaged into exactly one case. {} when nothing is.
 */
export async function auditAcknowledged(client: pg.Client, acknowledged: Map<string, string>): Promise<Record<string, number>> {
  const rows = (
    await client.query<{ external_id: string; text: string; n: string; readings: string; cases: string }>(`
      select m.external_id, min(m.text) as text, count(*) as n,
             count(distinct r.message_id) as readings, count(distinct c.id) as cases
      from messages m left join readings r on r.message_id = m.id left join cases c on c.thread_id = m.thread_id
      group by m.external_id`)
  ).rows;
  const stored = new Map(rows.map((r) => [r.external_id, r]));
  const problems: Record<string, number> = {};
  const note = (p: string) => (problems[p] = (problems[p] ?? 0) + 1);
  for (const [id, text] of acknowledged) {
    const r = stored.get(id);
    if (!r) note("lost");
    else if (Number(r.n) !== 1) note("stored more than once");
    else if (r.text !== text) note("altered");
    else if (Number(r.readings) !== 1) note("not read");
    else if (Number(r.cases) !== 1) note(`triaged into ${r.cases} cases`);
  }
  return problems;
}

/** Messages still waiting to be read or triaged. */
export async function queuedWork(client: pg.Client): Promise<number> {
  return Number(
    (await client.query<{ n: string }>("select (select count(*) from reading_queue) + (select count(*) from triage_queue) as n")).rows[0]!
      .n,
  );
}
