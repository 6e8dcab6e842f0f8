/**
 * HTTP ingest benchmark: starts `attune serve` (and optional extra `attune worker` processes) on a
 * fresh store, sends batches of synthetic messages at a fixed rate (open loop) for a while, polls
 * /health for the reading lag, and prints a JSON summary: acknowledged messages per second, request
 * latencies, and the reading lag during and after the run.
 *
 * @example
 * npx tsx bench/ingest-http.ts --rate 2000 --seconds 60 --workers 1
 * DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx bench/ingest-http.ts --pg
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { dropPostgresSchema } from "../src/store/open-store.js";
import { syntheticMessages } from "./ingest-synthetic.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values: v } = parseArgs({
  options: {
    rate: { type: "string", default: "2000" },
    seconds: { type: "string", default: "60" },
    batch: { type: "string", default: "100" },
    workers: { type: "string", default: "1" },
    "no-inprocess-worker": { type: "boolean", default: false },
    pg: { type: "boolean", default: false },
    /** Write a V8 CPU profile of the server (and workers) into this folder (node --cpu-prof). */
    "cpu-prof": { type: "string" },
  },
});
const rate = Number(v.rate);
const seconds = Number(v.seconds);
const batchSize = Number(v.batch);
const extraWorkers = Number(v.workers);

const children: ChildProcess[] = [];
// A failed run must not leave a server or workers behind on a shared machine.
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
});

function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const prof = v["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", v["cpu-prof"]] : [];
  const child = spawn(process.execPath, [...prof, "--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return child;
}

/** CPU seconds (user + system) a child process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(child: ChildProcess): number | null {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "attune-bench-"));
  const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const env: NodeJS.ProcessEnv = v.pg ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : { DATABASE_URL: "" };
  const dbArgs = v.pg ? [] : ["--db", join(dir, "bench.db")];
  const server = spawnCli(
    ["serve", "--port", "0", "--rate-limit", "100000", ...dbArgs, ...(v["no-inprocess-worker"] ? ["--no-worker"] : [])],
    env,
  );
  const { port, key } = await new Promise<{ port: number; key: string }>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (d) => {
      out += String(d);
      const k = /(atk_[A-Za-z0-9_-]+)/.exec(out);
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (k && m) resolve({ port: Number(m[1]), key: k[1]! });
    });
    server.once("exit", (c) => reject(new Error(`server exited ${c}`)));
  });
  const workers = Array.from({ length: extraWorkers }, () => spawnCli(["worker", ...dbArgs], env));
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const gen = syntheticMessages({ seed: 7, start: Date.UTC(2025, 0, 1), spanDays: 365 });

  const latencies: number[] = [];
  let acked = 0;
  let errors = 0;
  let inFlight = 0;
  let maxLag = 0;
  let maxPending = 0;
  const lagSamples: { t: number; lag_ms: number; pending: number }[] = [];
  const poll = async () => {
    const h = (await (await fetch(`${base}/health`)).json()) as { reading_queue: { lag_ms: number; pending: number } };
    maxLag = Math.max(maxLag, h.reading_queue.lag_ms);
    maxPending = Math.max(maxPending, h.reading_queue.pending);
    lagSamples.push({ t: Math.round((performance.now() - t0) / 1000), lag_ms: h.reading_queue.lag_ms, pending: h.reading_queue.pending });
    return h.reading_queue;
  };
  let t0 = performance.now();
  const poller = setInterval(() => void poll().catch(() => undefined), 1000);
  // Bodies are built before the clock starts, so the load generator's own CPU (this machine has
  // two cores) is spent on sending, not on making JSON.
  const total = Math.ceil((rate * seconds) / batchSize) + 10;
  const bodies = Array.from({ length: total }, () =>
    JSON.stringify({ source: "bench", messages: Array.from({ length: batchSize }, () => gen.next()) }),
  );
  const interval = (1000 * batchSize) / rate;
  const sends: Promise<void>[] = [];
  const cpu0 = [server, ...workers].map(cpuSeconds);
  const selfCpu0 = process.cpuUsage();
  t0 = performance.now();
  let next = t0;
  while (performance.now() - t0 < seconds * 1000) {
    const now = performance.now();
    if (now < next) await new Promise((r) => setTimeout(r, Math.max(0, next - now)));
    next += interval;
    if (inFlight > 64) {
      errors += 1;
      continue;
    }
    const body = bodies.pop();
    if (!body) break;
    inFlight += 1;
    const started = performance.now();
    sends.push(
      fetch(`${base}/messages/batch`, { method: "POST", headers, body })
        .then(async (res) => {
          const body = (await res.json()) as { accepted?: number };
          if (res.status === 200) acked += body.accepted ?? 0;
          else errors += 1;
          latencies.push(performance.now() - started);
        })
        .catch(() => {
          errors += 1;
        })
        .finally(() => {
          inFlight -= 1;
        }),
    );
  }
  await Promise.all(sends);
  const sendSeconds = (performance.now() - t0) / 1000;
  const lagAtEnd = await poll();
  const reading = extraWorkers > 0 || !v["no-inprocess-worker"];
  let drained = lagAtEnd.pending === 0 || !reading ? 0 : -1;
  const drainStart = performance.now();
  while (drained < 0 && performance.now() - drainStart < 300_000) {
    await new Promise((r) => setTimeout(r, 500));
    if ((await poll()).pending === 0) drained = (performance.now() - drainStart) / 1000;
  }
  clearInterval(poller);
  // CPU per message (server, each worker process, this load generator): on a shared machine this
  // says more than wall-clock rates, which depend on what else was running.
  const cpuUs = (i: number, child: ChildProcess) => {
    const a = cpu0[i];
    const b = cpuSeconds(child);
    return a == null || b === null || !acked ? null : Math.round(((b - a) * 1e6) / acked);
  };
  const selfCpu = process.cpuUsage(selfCpu0);
  const cpu_us_per_msg = {
    server: cpuUs(0, server),
    workers: workers.map((w, i) => cpuUs(i + 1, w)),
    load_generator: acked ? Math.round((selfCpu.user + selfCpu.system) / acked) : null,
  };
  const summary = {
    database: v.pg ? "postgres" : "sqlite",
    target_msgs_per_s: rate,
    batch: batchSize,
    seconds: Math.round(sendSeconds * 10) / 10,
    acknowledged: acked,
    acknowledged_per_s: Math.round(acked / sendSeconds),
    request_errors_or_skipped: errors,
    request_ms: {
      p50: Math.round(quantile(latencies, 0.5)),
      p99: Math.round(quantile(latencies, 0.99)),
      max: Math.round(quantile(latencies, 1)),
    },
    reading: {
      workers: `${v["no-inprocess-worker"] ? 0 : 1} in server + ${extraWorkers} processes`,
      max_lag_ms: maxLag,
      max_pending: maxPending,
      pending_at_end: lagAtEnd.pending,
      drained_after_s: drained,
    },
    cpu_us_per_msg,
    lag_every_10s: lagSamples.filter((s) => s.t % 10 === 0),
  };
  process.stdout.write(JSON.stringify(summary, null, 1) + "\n");
  for (const w of workers) w.kill("SIGTERM");
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
  rmSync(dir, { recursive: true, force: true });
  if (v.pg) await dropPostgresSchema(pgUrl, schema);
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
