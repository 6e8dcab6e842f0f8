/**
 * Fault runs of `attune serve` on PostgreSQL, as issue 11 item 17 measured them: under steady load,
 * ROUNDS x (`pg_ctl restart -m fast`, `restart -m immediate`, a stop held DOWN_MS), on a private
 * cluster (never the shared one). Reports, per fault, whether the server lived and how long after
 * PostgreSQL accepted connections again the next message was acknowledged; the answers while it was
 * down; the load; and the audit of every acknowledged message (lost, doubled, altered, unread,
 * untriaged). Needs root (the cluster runs as user postgres).
 *
 * @example
 * npx tsx bench/pg-faults.ts --rounds 5 --down-ms 15000
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { auditAcknowledged, OutageLoad, queuedWork, until } from "../support/outage-load.js";
import { startPrivatePostgres } from "../support/private-postgres.js";
import { startServerProcess } from "../support/server-process.js";

const { values: v } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "down-ms": { type: "string", default: "15000" },
    clients: { type: "string", default: "4" },
    "per-batch": { type: "string", default: "20" },
  },
});

async function main(): Promise<void> {
  const db = await startPrivatePostgres();
  const server = await startServerProcess(["--rate-limit", "100000"], { DATABASE_URL: db.url });
  let stderr = "";
  server.child.stderr!.on("data", (d) => (stderr += String(d)));
  const load = new OutageLoad(server.port, server.adminKey!, { clients: Number(v.clients), perBatch: Number(v["per-batch"]), pauseMs: 20 });
  const faults: { fault: string; alive: boolean; resume_ms: number; answers_503: number }[] = [];
  const ackAfter = async (t: number) => {
    const from = load.acknowledgedAt.length;
    await until(
      () => load.acknowledgedAt.length > from && load.acknowledgedAt[load.acknowledgedAt.length - 1]! >= t,
      "an acknowledgement after the fault",
      300_000,
    );
    return load.acknowledgedAt.find((x) => x >= t)! - t;
  };
  try {
    await until(() => load.acknowledged.size >= 200, "load started", 300_000);
    const started = Date.now();
    const ackedAtStart = load.acknowledged.size;
    for (let r = 0; r < Number(v.rounds); r++) {
      for (const fault of ["restart -m fast", "restart -m immediate", `stop ${v["down-ms"]} ms`]) {
        const before503 = load.unavailable;
        if (fault.startsWith("restart")) await db.restart(fault.endsWith("fast") ? "fast" : "immediate");
        else {
          await db.stop();
          await new Promise((res) => setTimeout(res, Number(v["down-ms"])));
          await db.start();
        }
        const up = Date.now();
        const alive = server.child.exitCode === null;
        faults.push({ fault, alive, resume_ms: alive ? await ackAfter(up) : -1, answers_503: load.unavailable - before503 });
        if (!alive) throw new Error(`serve exited after ${fault}`);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round((load.acknowledged.size - ackedAtStart) / seconds);
    await load.finish();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await until(async () => (await queuedWork(client)) === 0, "queues empty", 600_000);
      const problems = await auditAcknowledged(client, load.acknowledged);
      const resumes = faults.map((f) => f.resume_ms).sort((a, b) => a - b);
      process.stdout.write(
        JSON.stringify(
          {
            faults: faults.length,
            survived: faults.filter((f) => f.alive).length,
            resume_ms_median: resumes[Math.floor(resumes.length / 2)],
            resume_ms_max: resumes[resumes.length - 1],
            acknowledged: load.acknowledged.size,
            acknowledged_per_s_during_faults: rate,
            answers_503: load.unavailable,
            unexpected_answers: load.unexpected.length,
            unhandled_in_stderr: /Unhandled|uncaught/i.test(stderr),
            problems,
            per_fault: faults,
          },
          null,
          1,
        ) + "\n",
      );
    } finally {
      await client.end();
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    await db.destroy();
  }
}

await main();
