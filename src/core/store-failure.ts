/**
 * Tells a database that cannot serve (down, restarting, out of disk) from a bug, by the driver's
 * error codes: PostgreSQL SQLSTATE classes 08 (connection), 57P01-57P03 (shut down, starting up),
 * 53xxx (insufficient resources), node's socket errors and node-postgres's messages for a dropped
 * connection; SQLite's SQLITE_FULL, SQLITE_IOERR_*, SQLITE_READONLY_* and SQLITE_CANTOPEN. Such a
 * failure is answered as 503 `store.unavailable` or 507 `store.full` with Retry-After, never as 500.
 *
 * @example
 * storeFailureOf(Object.assign(new Error("x"), { code: "57P01" })); // { code: "store.unavailable", retryAfter: 2 }
 */

export interface StoreFailure {
  code: "store.unavailable" | "store.full";
  /** Seconds a client should wait before trying again. */
  retryAfter: number;
}

/** A database that is down or restarting usually answers again within seconds. */
const UNAVAILABLE: StoreFailure = { code: "store.unavailable", retryAfter: 2 };
/** Disk space comes back only when someone frees it: ask clients to wait longer. */
const FULL: StoreFailure = { code: "store.full", retryAfter: 30 };

/** Seconds to wait before trying again after a failure of this kind. */
export function storeFailureRetryAfter(code: StoreFailure["code"]): number {
  return code === "store.full" ? FULL.retryAfter : UNAVAILABLE.retryAfter;
}

const NODE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNABORTED",
]);

/** node-postgres reports a lost or unusable connection with a message and no code. */
const PG_CONNECTION_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "timeout exceeded when trying to connect",
  "Connection terminated due to connection timeout",
  "Client was closed and is not queryable",
];

/** The failure class of `err` (looked for along its `cause` chain and inside an AggregateError), or undefined for any other error. */
export function storeFailureOf(err: unknown, depth = 0): StoreFailure | undefined {
  if (!err || typeof err !== "object" || depth > 4) return undefined;
  const own = classify(err as { code?: unknown; message?: unknown });
  if (own) return own;
  const nested = [(err as { cause?: unknown }).cause, ...((err as { errors?: unknown[] }).errors ?? [])];
  for (const inner of nested) {
    const found = storeFailureOf(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function classify(err: { code?: unknown; message?: unknown }): StoreFailure | undefined {
  const code = typeof err.code === "string" ? err.code : "";
  if (code) {
    const byCode = sqliteFailure(code) ?? postgresFailure(code);
    if (byCode) return byCode;
    if (NODE_SOCKET_CODES.has(code)) return UNAVAILABLE;
  }
  const message = typeof err.message === "string" ? err.message : "";
  return PG_CONNECTION_MESSAGES.some((m) => message.startsWith(m)) ? UNAVAILABLE : undefined;
}

function sqliteFailure(code: string): StoreFailure | undefined {
  if (code === "SQLITE_FULL") return FULL;
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_BUSY")
    return UNAVAILABLE;
  return undefined;
}

/** SQLSTATE: 08 connection exceptions, 57P01-57P03 shutdown and start-up, 53 resources (53100 disk full). */
function postgresFailure(code: string): StoreFailure | undefined {
  if (!/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === "53100") return FULL;
  if (code.startsWith("08") || code.startsWith("53") || code === "57P01" || code === "57P02" || code === "57P03") return UNAVAILABLE;
  return undefined;
}
