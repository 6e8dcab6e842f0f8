/**
 * The databases every integration test runs against: a temporary SQLite file and a fresh schema
 * in this machine's PostgreSQL (dropped afterwards, so parallel runs never collide).
 *
 * @example
 * describe.each(DATABASES)("on $name", (db) => { let store; beforeAll(async () => { store = await db.open(); }); });
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropPostgresSchema, openStore, type Store } from "../../src/store/open-store.js";

export const PG_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** Opens a new, empty store; `cleanup` removes it. */
  open(): Promise<Store & { cleanup(): Promise<void>; location: { sqlitePath?: string; url?: string; schema?: string } }>;
}

export const DATABASES: TestDatabase[] = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "attune-test-"));
      const sqlitePath = join(dir, "attune.db");
      const store = await openStore({ sqlitePath });
      return Object.assign(store, {
        location: { sqlitePath },
        async cleanup() {
          await store.close().catch(() => undefined);
          rmSync(dir, { recursive: true, force: true });
        },
      });
    },
  },
  {
    name: "postgres",
    async open() {
      const schema = `t_${randomBytes(6).toString("hex")}`;
      const store = await openStore({ url: PG_URL, schema, poolSize: 5 });
      return Object.assign(store, {
        location: { url: PG_URL, schema },
        async cleanup() {
          await store.close().catch(() => undefined);
          await dropPostgresSchema(PG_URL, schema);
        },
      });
    },
  },
];
