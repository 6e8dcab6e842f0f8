/**
 * Runs `attune sync …` as a child process (through tsx, from the sources) against a test store, and
 * the crash check every pull connector must pass: kill -9 the sync while the helpdesk is answering,
 * sync again, and find every message stored exactly once.
 *
 * @example
 * const run = await syncProcess(["zendesk", "--url", url, ...], store.location, { ZD: token });
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { storeFlags } from "../../support/server-process.js";
import type { FakeHelpdesk, FakeRequest } from "./fake-helpdesk.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface SyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The last stdout line, parsed: the run's counts. */
  counts: { accepted: number; duplicates: number; conflicts: number; rejected: number } | null;
}

type Location = { sqlitePath?: string; url?: string; schema?: string };

/** Starts the sync; `onStart` gets the child (to kill it). Resolves when it exits. */
export function syncProcess(args: string[], loc: Location, env: NodeJS.ProcessEnv, onStart?: (kill: () => void) => void): Promise<SyncRun> {
  const flags = storeFlags(loc);
  const db = loc.url ? ["--db", loc.url] : flags.args;
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sync", ...args, ...db, "--once"], {
    cwd: ROOT,
    env: { ...process.env, ...flags.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onStart?.(() => child.kill("SIGKILL"));
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  return new Promise((resolve) =>
    child.once("close", (code, signal) => {
      const last = stdout.trim().split("\n").at(-1);
      const counts = last?.startsWith("{") ? (JSON.parse(last) as SyncRun["counts"]) : null;
      resolve({ code, signal, stdout, stderr, counts });
    }),
  );
}

/**
 * Kills the sync with SIGKILL when the helpdesk receives the request `holdAt` picks (the request is
 * held, never answered), runs `afterKill` (to count what was stored), then lets a second sync finish.
 */
export async function killThenResume(
  fake: FakeHelpdesk,
  holdAt: (req: FakeRequest, n: number) => boolean,
  args: string[],
  loc: Location,
  env: NodeJS.ProcessEnv,
  afterKill: () => Promise<void> = async () => undefined,
): Promise<{ killed: SyncRun; resumed: SyncRun }> {
  let kill: () => void = () => undefined;
  fake.onRequest = (req, n) => {
    if (!holdAt(req, n)) return;
    kill();
    return new Promise<void>(() => undefined); // never answered: the process dies waiting
  };
  const killed = await syncProcess(args, loc, env, (k) => (kill = k));
  fake.onRequest = null;
  await afterKill();
  const resumed = await syncProcess(args, loc, env);
  return { killed, resumed };
}
