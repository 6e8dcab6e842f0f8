/**
 * Runs `attune serve` as a child process (through tsx, from the sources) and waits until it
 * listens; collects the first admin key it prints.
 *
 * @example
 * const srv = await startServerProcess(["--db", path]);
 * srv.child.kill("SIGKILL");
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The first admin key, when this start created it. */
  adminKey: string | undefined;
  exited: Promise<number | null>;
}

/** The `attune serve` flags and environment that point a server at a test store's database. */
export function storeFlags(loc: { sqlitePath?: string; url?: string; schema?: string }): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: loc.sqlitePath ? ["--db", loc.sqlitePath] : [],
    env: loc.url ? { DATABASE_URL: loc.url, ...(loc.schema ? { DATABASE_SCHEMA: loc.schema } : {}) } : {},
  };
}

export function startServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    let adminKey: string | undefined;
    const timer = setTimeout(() => {
      // A server that never came up must not outlive the test.
      child.kill("SIGKILL");
      reject(new Error(`server did not start: ${err.slice(0, 2000)}`));
    }, 180_000); // a guard: starting through tsx takes a minute or more on a busy 2-core machine
    child.stderr!.on("data", (d) => (err += String(d)));
    child.stdout!.on("data", (d) => {
      out += String(d);
      const key = /(atk_[A-Za-z0-9_-]+)/.exec(out);
      if (key) adminKey = key[1];
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), adminKey, exited });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err.slice(0, 2000)}`));
    });
  });
}
