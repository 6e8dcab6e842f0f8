/**
 * Database faults seen from inside the server: a PostgreSQL connection killed while a request holds
 * it (pg_terminate_backend, only this test's own connections on the shared server), and a SQLite
 * file that runs out of room (a real SQLITE_FULL: at PRAGMA max_page_count, and on a full tmpfs). The server answers
 * with coded 503/507 and Retry-After, /health says what fails, and nothing acknowledged is lost.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAttuneError } from "../src/core/errors.js";
import { dropPostgresSchema, openStore, type Store } from "../src/store/open-store.js";
import { DATABASES, PG_URL } from "./helpers/databases.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

const run = promisify(execFile);

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

describe("a PostgreSQL connection dropped under a request", () => {
  const app = `attune_faults_${randomBytes(4).toString("hex")}`;
  const schema = `t_${randomBytes(6).toString("hex")}`;
  let store: Store;
  let admin: pg.Client;
  beforeAll(async () => {
    store = await openStore({ url: `${PG_URL}?application_name=${app}`, schema, poolSize: 4 });
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await store?.close();
    await admin?.end();
    await dropPostgresSchema(PG_URL, schema);
  });

  const terminateOurs = () => admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [app]);
  const busyConnections = async () =>
    Number(
      (
        await admin.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where application_name = $1 and query like 'select pg_sleep%' and state = 'active'",
          [app],
        )
      ).rows[0]!.n,
    );

  it("rejects the query in flight as store.unavailable, keeps the process alive, and serves the next query", async () => {
    // Checked-out connections: two long queries and an open transaction, all killed mid-way.
    const sleeping = [sql`select pg_sleep(60)`.execute(store.db), sql`select pg_sleep(60)`.execute(store.db)].map((p) =>
      p.then(
        () => "answered",
        (e: unknown) => asAttuneError(e).code,
      ),
    );
    const inTransaction = store.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await sql`select pg_sleep(60)`.execute(trx);
      })
      .then(
        () => "answered",
        (e: unknown) => asAttuneError(e).code,
      );
    for (let i = 0; (await busyConnections()) < 3; i++) {
      if (i > 2000) throw new Error("the queries never started");
      await new Promise((r) => setTimeout(r, 10));
    }
    await terminateOurs();
    expect(await Promise.all([...sleeping, inTransaction])).toEqual(["store.unavailable", "store.unavailable", "store.unavailable"]);
    await expectAnswersAgain();
  });

  it("survives idle connections dropping too", async () => {
    await Promise.all([1, 2, 3].map(() => sql`select 1`.execute(store.db)));
    await terminateOurs();
    await expectAnswersAgain();
  });

  /**
   * The pool drops dead clients and connects anew. An idle client whose end has not reached its
   * socket yet may fail one query more (as store.unavailable); at most one per pooled client.
   */
  async function expectAnswersAgain(): Promise<void> {
    const failures: string[] = [];
    for (let i = 0; i <= 4; i++) {
      const r = await sql<{ one: number }>`select 1 as one`.execute(store.db).catch((e: unknown) => asAttuneError(e).code);
      if (typeof r !== "string") {
        expect(r.rows[0]!.one).toBe(1);
        expect(failures.every((f) => f === "store.unavailable")).toBe(true);
        return;
      }
      failures.push(r);
    }
    throw new Error(`the pool did not reconnect: ${failures.join(", ")}`);
  }
});

const bigBatch = (b: number) => ({
  source: "full",
  messages: Array.from({ length: 50 }, (_, i) => ({
    external_id: `f-${b}-${i}`,
    text: `Parcel ${b}-${i} came late again ${"and nobody answered my emails ".repeat(8)}`,
    channel: "email",
  })),
});

/**
 * Ingests until the store runs out of room, checks the answers while it is full, makes room and
 * checks that ingest and /health recover at once with every acknowledged message kept.
 */
async function fillThenRecover(store: Store, t: TestApp, makeRoom: () => Promise<void>): Promise<void> {
  const acknowledged = new Set<string>();
  const sendBatch = async (b: number) => {
    const res = await t.post("/messages/batch", bigBatch(b));
    if (res.status === 200)
      for (const r of ((await res.json()) as { results: { external_id: string; status: string }[] }).results)
        if (r.status === "accepted") acknowledged.add(r.external_id);
    return res;
  };
  let full: Response | undefined;
  for (let b = 1; b < 1000 && !full; b++) {
    const res = await sendBatch(b);
    if (res.status !== 200) full = res;
  }
  expect(full?.status).toBe(507);
  expect(Number(full!.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(((await full!.json()) as { error: { code: string } }).error.code).toBe("store.full");

  const health = await t.get("/health", null);
  expect(health.status).toBe(503);
  expect(health.headers.get("retry-after")).toBeTruthy();
  expect(await health.json()).toMatchObject({ status: "unavailable", checks: { read: "ok", write: "full" } });

  // Room again: the next ingest and /health succeed at once, and nothing acknowledged was lost.
  await makeRoom();
  expect((await sendBatch(100_000)).status).toBe(200);
  expect((await t.get("/health", null)).status).toBe(200);
  const stored = await store.db
    .selectFrom("messages")
    .select("external_id")
    .where("external_id", "in", [...acknowledged])
    .execute();
  expect(stored).toHaveLength(acknowledged.size);
  expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db)).rows[0]!.integrity_check).toBe("ok");
}

describe("SQLite out of room", () => {
  const sqlite = DATABASES.find((d) => d.name === "sqlite")!;
  let store: Opened;
  let t: TestApp;
  beforeAll(async () => {
    store = await sqlite.open();
    t = await testApp(store);
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  const pragma = async (p: string) =>
    Number(Object.values((await sql.raw<Record<string, number>>(`pragma ${p}`).execute(store.db)).rows[0] ?? {})[0]);

  it("at its page limit: answers 507 store.full with Retry-After, /health 503 write full, and resumes when room is back", async () => {
    expect((await t.post("/messages/batch", bigBatch(0))).status).toBe(200);
    expect((await t.get("/health", null)).status).toBe(200);
    // Room for a few batches more, then none: a real SQLITE_FULL from the page allocator.
    await sql.raw(`pragma max_page_count = ${(await pragma("page_count")) + 40}`).execute(store.db);
    await fillThenRecover(store, t, async () => {
      await sql.raw(`pragma max_page_count = 1073741823`).execute(store.db);
    });
  });
});

describe.skipIf(process.platform !== "linux" || process.getuid?.() !== 0)("SQLite on a disk that fills up (a 16 MiB tmpfs)", () => {
  let dir: string;
  let mounted = false;
  let store: Store | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "attune-full-"));
    mounted = await run("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", dir]).then(
      () => true,
      () => false,
    );
  });
  afterAll(async () => {
    await store?.close();
    if (mounted) await run("umount", [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 507 store.full while the disk is full and resumes once space is freed", async (ctx) => {
    if (!mounted) return ctx.skip();
    store = await openStore({ sqlitePath: join(dir, "attune.db") });
    const t = await testApp(store);
    expect((await t.post("/messages/batch", bigBatch(0))).status).toBe(200);
    expect((await t.get("/health", null)).status).toBe(200);
    // Leave about 1.5 MiB free: a few batches fit, then the disk is full.
    const fs = await statfs(dir);
    const filler = join(dir, "filler");
    writeFileSync(filler, Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - 1.5 * 2 ** 20)));
    await fillThenRecover(store, t, async () => unlinkSync(filler));
  });
});
