/**
 * `attune serve` on a PostgreSQL that restarts (fast, immediate) and stops under load, on a private
 * cluster (the machine's shared PostgreSQL is never touched): the server lives through every fault,
 * answers 503 store.unavailable with Retry-After while the database is down (ingest and /health),
 * resumes once it is back, and every acknowledged message is stored once, unaltered, read and triaged.
 * Every wait is for a state (acknowledged counts, a status), never for a time.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from "./helpers/private-postgres.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";

const PER_BATCH = 10;
/** Acknowledged messages to see after each fault before the next one: proof that ingest resumed. */
const RESUMED = 60;

const textOf = (n: number) => `Order ${n} arrived late and the box was damaged`;

function batch(b: number) {
  return {
    source: "outage",
    messages: Array.from({ length: PER_BATCH }, (_, i) => {
      const n = b * PER_BATCH + i;
      return { external_id: `o-${n}`, text: textOf(n), channel: "chat", author: `customer-${n % 97}`, thread: `t-${n}`, sent_at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString() };
    }),
  };
}

/** Polls until `cond` holds; fails with `what` after `limitMs` (a bound for a hung run, not a timing). */
async function until(cond: () => boolean | Promise<boolean>, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Clients that keep sending batches and re-send each one until it is acknowledged. */
class Load {
  readonly acknowledged = new Map<string, string>();
  unavailable = 0;
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
    clients: number,
  ) {
    this.clients = Array.from({ length: clients }, () => this.client());
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
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async send(b: number): Promise<boolean> {
    let res: Response;
    try {
      res = await fetch(`http://127.0.0.1:${this.port}/api/v1/messages/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${this.key}`, "content-type": "application/json" },
        body: JSON.stringify(batch(b)),
      });
    } catch (err) {
      this.unexpected.push(`fetch: ${(err as Error).message}`);
      return false;
    }
    const body = (await res.json()) as { results?: { status: string; external_id: string }[]; error?: { code: string } };
    if (res.status === 200) {
      for (const r of body.results!) if (r.status === "accepted" || r.status === "duplicate") this.acknowledged.set(r.external_id, textOf(Number(r.external_id.slice(2))));
      return body.results!.every((r) => r.status === "accepted" || r.status === "duplicate");
    }
    if (res.status === 503 && body.error?.code === "store.unavailable") {
      this.unavailable += 1;
      if (!res.headers.get("retry-after")) this.unavailableWithoutRetryAfter += 1;
    } else this.unexpected.push(`${res.status} ${body.error?.code}`);
    return false;
  }
}

describe.skipIf(!privatePostgresAvailable())("serve while its PostgreSQL restarts and stops", () => {
  let db: PrivatePostgres;
  let server: ServerProcess | undefined;
  let stderr = "";
  beforeAll(async () => {
    db = await startPrivatePostgres();
  }, 120_000);
  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exited;
    await db?.destroy();
  });

  it("lives, answers 503 while down, and keeps every acknowledged message once, read and triaged", { timeout: 600_000 }, async () => {
    server = await startServerProcess(["--rate-limit", "100000"], { DATABASE_URL: db.url });
    server.child.stderr!.on("data", (d) => (stderr += String(d)));
    const base = `http://127.0.0.1:${server.port}/api/v1`;
    const load = new Load(server.port, server.adminKey!, 3);
    const resumed = async (what: string) => {
      const from = load.acknowledged.size;
      await until(() => load.acknowledged.size >= from + RESUMED, `ingest resumed after ${what}`);
    };
    await resumed("start");

    for (const mode of ["fast", "immediate"] as const) {
      await db.restart(mode);
      expect(server.child.exitCode, `alive after restart -m ${mode}`).toBeNull();
      await resumed(`restart -m ${mode}`);
    }

    await db.stop();
    const down = load.unavailable;
    await until(() => load.unavailable > down, "an ingest answered 503 while PostgreSQL is down");
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(Number(health.headers.get("retry-after"))).toBeGreaterThan(0);
    const h = (await health.json()) as { status: string; checks: { read: string; write: string } };
    expect(h).toMatchObject({ status: "unavailable", checks: { read: "failing", write: "failing" } });
    await db.start();
    await resumed("stop and start");
    await load.finish();

    expect(server.child.exitCode).toBeNull();
    expect(load.unexpected).toEqual([]);
    expect(load.unavailableWithoutRetryAfter).toBe(0);
    expect(stderr).not.toMatch(/Unhandled|uncaught/i);

    // Everything acknowledged is stored once, read and triaged: both queues empty, a case per thread.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const audit = async () => {
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
        for (const [id, text] of load.acknowledged) {
          const r = stored.get(id);
          if (!r) note("lost");
          else if (Number(r.n) !== 1) note("stored more than once");
          else if (r.text !== text) note("altered");
          else if (Number(r.readings) !== 1) note("not read");
          else if (Number(r.cases) !== 1) note(`triaged into ${r.cases} cases`);
        }
        return problems;
      };
      const count = async (q: string) => Number((await client.query<{ n: string }>(q)).rows[0]!.n);
      const queued = "select (select count(*) from reading_queue) + (select count(*) from triage_queue) as n";
      await until(async () => (await count(queued)) === 0, "reading and triage queues empty");
      expect(await audit()).toEqual({});
      process.stdout.write(`pg-outage: ${load.acknowledged.size} acknowledged, ${load.unavailable} answers 503 store.unavailable during the faults, 0 lost/doubled/altered/unread/untriaged\n`);
    } finally {
      await client.end();
    }
  });
});
