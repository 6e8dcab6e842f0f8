/**
 * `attune serve` on a PostgreSQL that restarts (fast, immediate) and stops under load, on a private
 * cluster (the machine's shared PostgreSQL is never touched): the server lives through every fault,
 * answers 503 store.unavailable with Retry-After while the database is down (ingest and /health),
 * resumes once it is back, and every acknowledged message is stored once, unaltered, read and triaged.
 * Every wait is for a state (acknowledged counts, a status), never for a time.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres.js";
import { auditAcknowledged, OutageLoad, queuedWork, until } from "../support/outage-load.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";

/** Acknowledged messages to see after each fault before the next one: proof that ingest resumed. */
const RESUMED = 60;

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
    const load = new OutageLoad(server.port, server.adminKey!, { clients: 3, perBatch: 25, pauseMs: 20 });
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
    await until(() => load.unavailable >= down + 3, "ingest answered 503 while PostgreSQL is down");
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
      await until(async () => (await queuedWork(client)) === 0, "reading and triage queues empty");
      expect(await auditAcknowledged(client, load.acknowledged)).toEqual({});
      process.stdout.write(
        `pg-outage: ${load.acknowledged.size} acknowledged, ${load.unavailable} answers 503 store.unavailable during the faults, 0 lost/doubled/altered/unread/untriaged\n`,
      );
    } finally {
      await client.end();
    }
  });
});
