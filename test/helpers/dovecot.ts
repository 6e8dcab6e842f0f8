/**
 * Starts Debian's dovecot (`apt-get install dovecot-imapd`, done by .ci/run) as a private IMAP server
 * for one test file: config from test/dovecot/dovecot.conf, mail in a temporary directory, a free
 * loopback port. Runs in the foreground as a child process, so stopping the test stops it.
 *
 * @example
 * const imap = await startDovecot();
 * // ... connect to 127.0.0.1:imap.port as any user with imap.password ...
 * await imap.stop();
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const TEMPLATE = fileURLToPath(new URL("../dovecot/dovecot.conf", import.meta.url));
const DOVECOT = ["/usr/sbin/dovecot", "dovecot"];

export interface Dovecot {
  port: number;
  password: string;
  dir: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the kernel's pick for a throwaway listener). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

/** Who owns the mail: the test's own user, or dovecot's system user when tests run as root (dovecot refuses uid 0). */
function mailOwner(): { uid: number; gid: number; internal: string; login: string } {
  const me = userInfo();
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid, internal: me.username, login: me.username };
  const id = (flag: string) => Number(spawnSync("id", [flag, "dovecot"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g"), internal: "dovecot", login: "dovenull" };
}

function dovecotBinary(): string {
  for (const bin of DOVECOT) if (spawnSync(bin, ["--version"]).status === 0) return bin;
  throw new Error("dovecot is not installed: apt-get install -y dovecot-imapd (.ci/run does)");
}

async function waitForPort(port: number, exited: () => boolean, log: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (exited()) throw new Error(`dovecot exited: ${safeRead(log)}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = createConnection({ port, host: "127.0.0.1" }, () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("dovecot did not listen");
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8").slice(-2000);
  } catch {
    return "(no log)";
  }
}

/** Starts a fresh dovecot with an empty mail store. */
export async function startDovecot(): Promise<Dovecot> {
  const bin = dovecotBinary();
  const dir = mkdtempSync(join(tmpdir(), "attune-dovecot-"));
  const owner = mailOwner();
  // mkdtemp makes it 0700: the mail user must be able to pass through it.
  chmodSync(dir, 0o711);
  for (const sub of ["run", "state", "mail", "home"]) mkdirSync(join(dir, sub));
  for (const sub of ["mail", "home"]) chownSync(join(dir, sub), owner.uid, owner.gid);
  const port = await freePort();
  const password = "attune-test-secret";
  const values: Record<string, string> = {
    DIR: dir,
    PORT: String(port),
    UID: String(owner.uid),
    GID: String(owner.gid),
    INTERNAL_USER: owner.internal,
    LOGIN_USER: owner.login,
    PASSWORD: password,
  };
  const conf = readFileSync(TEMPLATE, "utf8").replace(/@([A-Z_]+)@/g, (_, k: string) => values[k] ?? "");
  writeFileSync(join(dir, "dovecot.conf"), conf);
  const child = spawn(bin, ["-F", "-c", join(dir, "dovecot.conf")], { stdio: "ignore" });
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => ((gone = true), resolve())));
  await waitForPort(port, () => gone, join(dir, "dovecot.log"));
  return {
    port,
    password,
    dir,
    async stop() {
      if (!gone) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
