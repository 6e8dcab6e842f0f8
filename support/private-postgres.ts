/**
 * A private PostgreSQL cluster for tests that restart or stop the database: initdb into a temporary
 * folder as user postgres, on a free port with its socket in that folder, so the machine's shared
 * PostgreSQL (other tests run against it in parallel) is never touched. Needs root (to run as
 * postgres) and the server binaries; `privatePostgresAvailable()` says whether they are there.
 *
 * @example
 * const pg = await startPrivatePostgres();
 * await pg.restart("immediate");
 * await pg.destroy();
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast|immediate`, waiting until it accepts connections again. */
  restart(mode: "fast" | "immediate"): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it (immediately) and removes its folder. */
  destroy(): Promise<void>;
}

/** The newest installed server's bin folder, or undefined. */
function binDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

/** True when a private cluster can be made here (server binaries, root to become postgres). */
export function privatePostgresAvailable(): boolean {
  return binDir() !== undefined && process.getuid?.() === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  if (!bin) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql");
  const dir = mkdtempSync(join(tmpdir(), "attune-pg-"));
  const data = join(dir, "data");
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  chownSync(dir, uid, gid);
  const asPostgres = (cmd: string, args: string[]) => run("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { cwd: dir });
  await asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  // fsync off: the operating system outlives every fault these tests cause, so committed data stays.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const ctl = (args: string[]) => asPostgres("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-t", "120", ...args]);
  await ctl(["-o", opts, "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async restart(mode) {
      await ctl(["-m", mode, "-o", opts, "restart"]);
    },
    async stop() {
      await ctl(["-m", "fast", "stop"]);
    },
    async start() {
      await ctl(["-o", opts, "start"]);
    },
    async destroy() {
      await ctl(["-m", "immediate", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
