/// <reference lib="dom" />
/**
 * The browser-test harness: a real `attune serve` on a free port with a temporary SQLite store,
 * users for each role, data ingested over the API and read by the server's own worker, and
 * Debian's chromium driven headless by playwright-core with a fresh profile. Every page records
 * CSP violations, console errors and dialogs, so tests can assert that nothing ran.
 *
 * @example
 * const h = await startHarness();
 * const page = await h.newPage();
 * await h.signIn(page, "admin");
 * await h.close();
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { importFiles } from "../../src/ingest/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { startServerProcess, type ServerProcess } from "../server-process.js";
import { customerCorpus, employeeCorpus } from "./corpus.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SCREENSHOTS = join(ROOT, "screenshots");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export const PASSWORD = "correct horse battery staple";
export type TestRole = "admin" | "agent" | "analyst" | "people_team";
export const EMAIL: Record<TestRole, string> = {
  admin: "admin@example.com",
  agent: "agent@example.com",
  analyst: "analyst@example.com",
  people_team: "people@example.com",
};

export interface PageWatch {
  csp: string[];
  console: string[];
  dialogs: string[];
}

export interface Harness {
  base: string;
  /** The server's SQLite file (for the operator's own imports). */
  dbPath: string;
  adminKey: string;
  server: ServerProcess;
  context: BrowserContext;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  newPage(): Promise<Page & { watch: PageWatch }>;
  signIn(page: Page, role: TestRole): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds web/dist when it is missing or older than a source file (CI builds it in `npm ci` -> prepare). */
export function ensureWebBuilt(): void {
  const built = join(ROOT, "web/dist/index.html");
  const sources = readdirSync(join(ROOT, "web"), { recursive: true, encoding: "utf8" }).filter(
    (f) => !f.startsWith("dist") && !f.startsWith("node_modules"),
  );
  if (existsSync(built) && sources.every((f) => statSync(join(ROOT, "web", f)).mtimeMs <= statSync(built).mtimeMs)) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "web", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Starts the server, creates a user per role and launches chromium. @example const h = await startHarness(); */
export async function startHarness(opts: { dbPath?: string; extraArgs?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<Harness> {
  ensureWebBuilt();
  if (!existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-core fonts-thai-tlwg`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "attune-browser-"));
  const dbPath = opts.dbPath ?? join(dir, "attune.db");
  const server = await startServerProcess(["--db", dbPath, "--rate-limit", "500", ...(opts.extraArgs ?? [])], opts.env);
  const base = `http://127.0.0.1:${server.port}`;
  const adminKey = server.adminKey;
  if (!adminKey) throw new Error("the server printed no admin key (was the store new?)");
  const api: Harness["api"] = async (method, path, body) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as never };
  };
  for (const role of Object.keys(EMAIL) as TestRole[]) {
    const r = await api("POST", "/users", {
      email: EMAIL[role],
      role,
      password: PASSWORD,
      display_name: role === "agent" ? `<img src=x onerror="window.__xss='user'">` : `Test ${role}`,
    });
    if (r.status !== 201) throw new Error(`could not create ${role}: ${JSON.stringify(r.body)}`);
  }
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  // Recorded in the page before any of its scripts run.
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    base,
    dbPath,
    adminKey,
    server,
    context,
    api,
    async newPage() {
      const page = (await context.newPage()) as Page & { watch: PageWatch };
      page.watch = { csp: [], console: [], dialogs: [] };
      page.on("console", (m) => {
        if (m.type() === "error" || /Content Security Policy|Refused to/i.test(m.text())) page.watch.console.push(m.text());
      });
      page.on("dialog", (d) => {
        page.watch.dialogs.push(d.message());
        void d.dismiss();
      });
      page.setDefaultTimeout(60_000); // a guard for waits on state, sized for a busy machine
      return page;
    },
    async signIn(page, role) {
      await page.goto(`${base}/`);
      await page.getByLabel(/email/i).first().fill(EMAIL[role]);
      await page
        .getByLabel(/password/i)
        .first()
        .fill(PASSWORD);
      await page.getByRole("button", { name: /sign in/i }).click();
      await page.locator("header.top").waitFor();
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close().catch(() => undefined);
      server.child.kill("SIGTERM");
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 5000))]);
      if (!opts.dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends the customer corpus over the API and back-fills the employee corpus as the operator would
 * (past months are closed to the API: `attune import --employee-backfill`), then waits until the
 * server has read everything. Returns the number of customer messages sent.
 */
export async function seedCorpus(h: Harness, now: number): Promise<number> {
  const messages = customerCorpus(now);
  const r = await h.api<{ accepted: number; rejected: number; problems: unknown[] }>("POST", "/messages/batch", {
    source: "browser-test",
    messages,
  });
  if (r.status !== 200 || r.body.rejected !== 0) throw new Error(`the corpus was not accepted: ${JSON.stringify(r.body)}`);
  const file = join(dirname(h.dbPath), "employees.jsonl");
  writeFileSync(
    file,
    employeeCorpus(now)
      .map((m) => JSON.stringify(m))
      .join("\n"),
  );
  const store = await openStore({ sqlitePath: h.dbPath });
  try {
    const imported = await importFiles(store, [file], { source: "hr-survey", employeeBackfill: true });
    if (imported.rejected !== 0) throw new Error(`employee rows rejected: ${JSON.stringify(imported)}`);
  } finally {
    await store.close();
  }
  await waitForReadings(h);
  return messages.length;
}

/** Waits until the server's worker has read every stored message. */
export async function waitForReadings(h: Harness, timeoutMs = 300_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await h.api<{ reading_queue: { pending: number; failed: number } }>("GET", "/health");
    if (r.body.reading_queue.pending === 0) return;
    if (Date.now() > end) throw new Error(`readings did not catch up: ${JSON.stringify(r.body.reading_queue)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** What a page recorded that would show a script ran or the CSP was hit. */
export async function violations(
  page: Page & { watch: PageWatch },
): Promise<{ xss: unknown; csp: string[]; console: string[]; dialogs: string[] }> {
  const inPage = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
  }));
  return {
    xss: inPage.xss,
    csp: [...inPage.csp, ...page.watch.csp],
    console: page.watch.console.filter((c) => /Content Security Policy|Refused to/i.test(c)),
    dialogs: page.watch.dialogs,
  };
}
