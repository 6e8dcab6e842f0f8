import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

// The CLI as a user meets it: every expected failure is one coded error line and an exit code
// (2: the command line is wrong; 1: it ran and something failed), never a stack or `internal`.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
// Each case starts a Node process through tsx: seconds apiece on a busy 2-core machine.
vi.setConfig({ testTimeout: 180_000 });
const dir = mkdtempSync(join(tmpdir(), "attune-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from the sources; asynchronous, so the test worker stays responsive meanwhile. */
function attune(
  args: string[],
  input = "",
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  child.stdin.end(input);
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

function errorLine(stderr: string): { code: string; details: Record<string, unknown> } {
  const line = stderr.split("\n").find((l) => l.startsWith('{"error"'));
  if (!line) throw new Error(`no error line in: ${stderr.slice(0, 500)}`);
  return (JSON.parse(line) as { error: { code: string; details: Record<string, unknown> } }).error;
}

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(stderr).not.toContain('"internal"');
}

describe("a bad environment variable", () => {
  it("stops a command with config.invalid naming the variable, never its value", async () => {
    const r = await attune(["analyze", join(dir, "nope.jsonl")], "", { DATABASE_URL: "mysql://root:hunter2@db/prod" });
    expect(r.code).toBe(1);
    expect(errorLine(r.stderr)).toMatchObject({ code: "config.invalid", details: { variable: "DATABASE_URL" } });
    expect(r.stderr).not.toContain("hunter2");
    expectNoStack(r.stderr);
  });
});

describe("usage errors exit 2 with a coded reason", () => {
  it.each([["analyze"], ["demo"], ["eval"], ["import", "x.jsonl"]])("an unknown flag on %s", async (...cmd) => {
    const r = await attune([...cmd, "--no-such-flag"]);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatchObject({ code: "cli.usage", details: { reason: expect.stringContaining("--no-such-flag") } });
    expectNoStack(r.stderr);
  });

  it.each(["analyze", "import", "check"])("a missing file and a directory given to %s", async (cmd) => {
    const missing = await attune([cmd, join(dir, "nope.jsonl")]);
    expect(missing.code).toBe(2);
    expect(errorLine(missing.stderr)).toMatchObject({ code: "input.file_not_found", details: { file: join(dir, "nope.jsonl") } });
    const directory = await attune([cmd, dir]);
    expect(directory.code).toBe(2);
    expect(errorLine(directory.stderr)).toMatchObject({ code: "input.not_a_file", details: { kind: "directory" } });
    expectNoStack(missing.stderr + directory.stderr);
  });

  it("a value outside the allowed set names the allowed values", async () => {
    const r = await attune(["import", "x.jsonl", "--channel", "pigeon"]);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr).details).toMatchObject({ flag: "--channel", allowed: expect.arrayContaining(["email", "chat"]) });
  });
});

describe("--help", () => {
  it.each(["demo", "analyze", "import", "serve", "worker", "reread", "keys", "users", "reply", "check", "train", "eval", "cases"])(
    "attune %s --help prints its usage and does nothing else",
    async (cmd) => {
      const r = await attune([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`attune ${cmd}`);
      expect(r.stderr).toBe("");
    },
  );
});

describe("attune serve on a busy port", () => {
  let holder: Server;
  afterAll(() => holder?.close());

  it("says the port is in use, exits 1, and creates no admin key", async () => {
    holder = createServer();
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, "127.0.0.1", () => resolve((holder.address() as { port: number }).port)),
    );
    const r = await attune(["serve", "--port", String(port), "--db", join(dir, "busy.db"), "--no-worker"]);
    expect(r.code).toBe(1);
    expect(errorLine(r.stderr)).toMatchObject({ code: "server.port_in_use", details: { port, host: "127.0.0.1" } });
    expect(r.stdout).not.toContain("atk_");
    expectNoStack(r.stderr);
  });
});

describe("attune import", () => {
  it("keeps the good rows, reports each bad one with the allowed values, and exits 1", async () => {
    const file = join(dir, "mixed.jsonl");
    writeFileSync(
      file,
      [
        { external_id: "a", text: "Where is my parcel?" },
        { external_id: "b", text: "Hi", channel: "pigeon" },
        { external_id: "c", text: "Thanks!", direction: "boss" },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n") + "\n",
    );
    const r = await attune(["import", file, "--db", join(dir, "mixed.db")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ accepted: 1, duplicates: 0, conflicts: 0, rejected: 2 });
    const problems = r.stderr
      .split("\n")
      .filter((l) => l.startsWith('{"problem"'))
      .map((l) => (JSON.parse(l) as { problem: Record<string, unknown> }).problem);
    expect(problems).toEqual([
      { row: 2, field: "channel", code: "input.invalid_value", allowed: expect.arrayContaining(["email", "chat", "social"]) },
      { row: 3, field: "direction", code: "input.invalid_value", allowed: ["customer", "agent", "employee"] },
    ]);
    expect(r.stderr).toMatch(/attune serve.+attune worker/);
  });

  it("shows progress on stderr while a long file is stored, and exits 0 when every row was taken", async () => {
    const file = join(dir, "long.jsonl");
    const rows = 25_000;
    writeFileSync(
      file,
      Array.from({ length: rows }, (_, i) => JSON.stringify({ external_id: `r${i}`, text: `message ${i}` })).join("\n") + "\n",
    );
    const r = await attune(["import", file, "--db", join(dir, "long.db")]);
    expect(r.code).toBe(0);
    const progress = r.stderr
      .split("\n")
      .filter((l) => l.startsWith('{"progress"'))
      .map((l) => (JSON.parse(l) as { progress: { rows: number } }).progress.rows);
    expect(progress).toEqual([10_000, 20_000]);
    expect(JSON.parse(r.stdout)).toMatchObject({ accepted: rows });
  });
});

describe("first sign-in", () => {
  it("serve says how to create the first admin user; doing exactly that lets them sign in", async () => {
    const db = join(dir, "first.db");
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--port", "0", "--db", db, "--no-worker"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on("data", (d) => {
          out += String(d);
          const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
      });
      expect(out).toMatch(/first admin API key/);
      expect(out).toContain(`sign in at http://127.0.0.1:${port}/`);
      const command = /npx attune (users create .+)/.exec(out)?.[1];
      expect(command).toBe(`users create --email you@example.com --role admin --db ${db}`);
      const made = await attune(command!.split(" "), "a long enough passphrase\n");
      expect(made.code).toBe(0);
      const session = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "you@example.com", password: "a long enough passphrase" }),
      });
      expect(session.status).toBe(200);
      expect(((await session.json()) as { user: { role: string } }).user.role).toBe("admin");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
