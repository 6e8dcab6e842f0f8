/**
 * Opens the store: SQLite through better-sqlite3 by default, PostgreSQL when a `postgres://` URL is
 * given, and brings the schema up to date. SQLite runs in WAL mode with synchronous=FULL so that
 * every acknowledged (committed) write has been fsync'd, secure_delete so erased rows are zeroed,
 * and foreign keys on so erasure cascades.
 *
 * @example
 * const store = await openStore({ sqlitePath: "./data/attune.db" });
 * const store2 = await openStore({ url: "postgresql://postgres@127.0.0.1:5432/test", schema: "test_ab12" });
 * await store.close();
 */
import { mkdirSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { Config } from "../core/config.js";
import { AttuneError } from "../core/errors.js";
import type { DialectName, DialectQueries } from "./dialect.js";
import { migrateToLatest } from "./migrate.js";
import { postgresQueries } from "./postgres/queries.js";
import { sqliteQueries } from "./sqlite/queries.js";
import type { Database } from "./schema.js";

export interface StoreOptions {
  /** SQLite file path (created with its folder when missing). Ignored when `url` is set. */
  sqlitePath?: string;
  /** PostgreSQL connection string (DATABASE_URL). */
  url?: string;
  /** PostgreSQL schema to work in (created when missing); isolates test runs. */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Skip migrations (for read-only tools); default false. */
  skipMigrations?: boolean;
  /**
   * SQLite only: "normal" commits without an fsync of their own (synchronous=NORMAL), for processes
   * whose writes can be redone, like the reading worker: a power cut may drop its last commits (the
   * messages stay queued and are read again) but never corrupts the file, and the next commit of a
   * "full" connection (ingest) fsyncs the shared WAL, theirs included. Default "full".
   */
  commitSync?: "full" | "normal";
}

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The queries written differently per dialect, picked here once (sqlite/, postgres/). */
  queries: DialectQueries;
  /** The default workspace (the one the CLI and first admin key use). */
  workspaceId: number;
  /** Folds the SQLite WAL into the main file and truncates it (after erasure); no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  /** Bytes the SQLite file can still grow by (free disk and the page limit); null on PostgreSQL, whose server decides. */
  roomBytes(): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Picks the store from CLI flags and the configuration (core/config.ts): `--db PATH` beats
 * everything, DATABASE_URL beats the default file.
 */
export function storeOptionsFrom(flags: { db?: string | undefined }, config: Pick<Config, "databaseUrl" | "databaseSchema">): StoreOptions {
  const schema = config.databaseSchema !== undefined ? { schema: config.databaseSchema } : {};
  if (flags.db && /^postgres(ql)?:\/\//.test(flags.db)) return { url: flags.db, ...schema };
  if (flags.db) return { sqlitePath: flags.db };
  if (config.databaseUrl) return { url: config.databaseUrl, ...schema };
  return { sqlitePath: "./data/attune.db" };
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.url
    ? await openPostgres(options)
    : openSqlite(options.sqlitePath ?? "./data/attune.db", options.commitSync ?? "full");
  try {
    if (!options.skipMigrations) await migrateToLatest(store.db, store.dialect, store.dialect === "postgres" ? options.schema : undefined);
    const ws = await store.db.selectFrom("workspaces").select("id").orderBy("id").limit(1).executeTakeFirst();
    store.workspaceId = ws?.id ?? 1;
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function openSqlite(path: string, commitSync: "full" | "normal"): Store {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const raw = new SqliteDatabase(path);
  raw.pragma("journal_mode = WAL");
  raw.pragma(commitSync === "normal" ? "synchronous = NORMAL" : "synchronous = FULL");
  raw.pragma("secure_delete = ON");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 15000");
  // Reads of a large store (a million messages is ~3 GB) page through the file: a 64 MiB page cache
  // and memory-mapped reads (no read() call per page) halved the slower message-list filters.
  raw.pragma("cache_size = -65536");
  raw.pragma("mmap_size = 1073741824");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    dialect: "sqlite",
    queries: sqliteQueries,
    workspaceId: 1,
    async checkpoint() {
      raw.pragma("wal_checkpoint(TRUNCATE)");
    },
    roomBytes: () => sqliteRoom(raw, path),
    async close() {
      await db.destroy();
    },
  };
}

/** Free pages in the file plus what the page limit and the disk still allow. */
async function sqliteRoom(raw: SqliteDatabase.Database, path: string): Promise<number> {
  const pragma = (name: string) => Number(raw.pragma(name, { simple: true }));
  const pageSize = pragma("page_size");
  const free = pragma("freelist_count") * pageSize;
  const byLimit = (pragma("max_page_count") - pragma("page_count")) * pageSize;
  if (path === ":memory:") return free + byLimit;
  const disk = await statfs(dirname(path));
  return free + Math.min(byLimit, disk.bavail * disk.bsize);
}

/**
 * The database as kysely sees it, with a bounded cache of prepared statements: kysely prepares
 * every query anew, and compiling the same insert or lookup thousands of times a second was a
 * fifth of the ingest and reading-worker CPU. A statement still being iterated is not shared.
 */
function withStatementCache(raw: SqliteDatabase.Database, size = 400): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sqlText: string) {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) {
        // Most recently used last, so the oldest is evicted first.
        cache.delete(sqlText);
        cache.set(sqlText, hit);
        return hit;
      }
      const stmt = raw.prepare(sqlText);
      if (!hit) {
        cache.set(sqlText, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}

async function openPostgres(options: StoreOptions): Promise<Store> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new AttuneError("config.invalid", { field: "schema" });
  // int8 (bigint) and numeric come back as strings by default; our ids and times fit in a double.
  const types = {
    getTypeParser(oid: number, format?: any) {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: types as any,
    // Parallel workers cost ~15 ms to start, more than a whole message page takes alone (8 ms at a
    // million rows), and under concurrent requests on few cores they only queue: plans go parallel
    // only when the work is large (the year-long aggregates), not for paged lists.
    // A server that does not answer (a dead host, a full backlog) fails a request (503) instead of
    // hanging it; this also bounds the wait for a free pooled connection under overload.
    connectionTimeoutMillis: 10_000,
    // No JIT: it compiles a query's expressions when its estimated cost is high, which our
    // aggregates over a year and a misestimated batch write reach, and the compilation took longer
    // than the work (EXPLAIN ANALYZE: 0.7 s of JIT in a 1.3 s survey_facts refresh of 300 answers;
    // docs/benchmarks.md, "Insights at 1,000,000 messages").
    options: [`-c parallel_setup_cost=10000`, `-c jit=off`, ...(schema ? [`-c search_path=${schema}`] : [])].join(" "),
  });
  survivePoolErrors(pool);
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists ${schema}`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw new AttuneError("store.unavailable", {}, { cause: err });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    queries: postgresQueries,
    workspaceId: 1,
    async checkpoint() {},
    async roomBytes() {
      return null;
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Keeps a restart or loss of PostgreSQL from ending the process. A pooled client emits 'error' when
 * its connection drops (57P01 on shutdown, ECONNRESET, "Connection terminated unexpectedly"); the
 * pool listens only while the client is idle, so an error on a client checked out by a request or
 * the worker had no listener and node threw it (node-postgres#2439, #3202). Every client gets a
 * listener for its whole life: the query in flight is rejected all the same (and answered 503), and
 * the broken client is dropped from the pool on release, so the next checkout connects anew.
 */
function survivePoolErrors(pool: pg.Pool): void {
  const ignore = () => {
    /* the failed query carries the error; the pool replaces the client */
  };
  pool.on("error", ignore);
  pool.on("connect", (client) => client.on("error", ignore));
}

/** Drops a PostgreSQL schema made for a test run. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new AttuneError("config.invalid", { field: "schema" });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export { sql };
