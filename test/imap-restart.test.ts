/**
 * `attune sync imap` killed with SIGKILL mid-run against a real dovecot holding 1,000 mails, then
 * resumed: every mail stored exactly once (0 lost, 0 doubled), the resumed run replays at most the
 * chunk in flight, and a third run adds nothing.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "./helpers/databases.js";
import { startDovecot, type Dovecot } from "./helpers/dovecot.js";
import { mailCorpus } from "./helpers/mail-corpus.js";
import { storeFlags } from "../support/server-process.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
type Counts = { accepted: number; duplicates: number; conflicts: number; rejected: number };

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COUNT = 1000;
const corpus = mailCorpus(COUNT);
let dovecot: Dovecot;

/** Runs the CLI; `killWhen` sees stderr as it grows and may ask for SIGKILL. */
function syncImap(
  store: Opened,
  killWhen?: (stderr: string) => boolean,
): Promise<{ signal: NodeJS.Signals | null; counts: Counts | null }> {
  const loc = store.location;
  const flags = storeFlags(loc);
  const db = loc.url ? ["--db", loc.url] : flags.args;
  const args = ["--import", "tsx", "src/cli/main.ts", "sync", "imap", "--host", "127.0.0.1", "--port", String(dovecot.port), "--plain"];
  args.push("--user", "restart", "--password-env", "TEST_IMAP_PASSWORD", "--source", "mailbox", ...db, "--once");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...flags.env, TEST_IMAP_PASSWORD: dovecot.password },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => {
    stderr += String(d);
    if (killWhen?.(stderr)) child.kill("SIGKILL");
  });
  return new Promise((resolve) =>
    child.once("close", (_code, signal) => {
      const last = stdout.trim().split("\n").at(-1);
      resolve({ signal, counts: last?.startsWith("{") ? (JSON.parse(last) as Counts) : null });
    }),
  );
}

beforeAll(async () => {
  dovecot = await startDovecot();
  const c = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    auth: { user: "restart", pass: dovecot.password },
    logger: false,
  });
  await c.connect();
  for (const m of corpus) await c.append("INBOX", m.raw);
  await c.logout();
}, 180_000);
afterAll(async () => {
  await dovecot?.stop();
});

describe.each(DATABASES)("attune sync imap killed mid-run on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("loses none and doubles none of 1,000 mails over a SIGKILL and a restart", { timeout: 300_000 }, async () => {
    const stored = async () =>
      (await store.db.selectFrom("messages").select("external_id").execute())
        .map((r) => r.external_id)
        .filter((id) => id.endsWith("@corpus.attune.test"));
    // Killed once the first chunk is stored: the rest of the mailbox is still to come.
    const killed = await syncImap(store, (err) => /imap: \d+\/1000/.test(err));
    expect(killed.signal).toBe("SIGKILL");
    const before = (await stored()).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(COUNT);

    const resumed = await syncImap(store);
    expect(resumed.counts).not.toBeNull();
    const after = await stored();
    expect(after).toHaveLength(COUNT);
    expect(new Set(after).size).toBe(COUNT);
    expect(new Set(after)).toEqual(new Set(corpus.map((m) => m.messageId)));
    // The resumed run stores exactly what was missing; what it saw again (at most the chunk in flight) is a duplicate.
    expect(resumed.counts!.accepted).toBe(COUNT - before);
    expect(resumed.counts!.duplicates).toBeLessThanOrEqual(100);
    expect(resumed.counts!.conflicts + resumed.counts!.rejected).toBe(0);

    expect((await syncImap(store)).counts).toEqual({ accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 });
  });
});
