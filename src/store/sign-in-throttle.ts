/**
 * Sign-in throttle entries in the store, so every server process (`serve --processes N`) and every
 * host on one PostgreSQL counts the same attempts. Each update runs in a write transaction holding
 * its keys (DialectQueries.lockKeys), so two processes never both spend the last token. Keys are
 * stored as SHA-256 hashes (with the workspace): the table holds no e-mail or address.
 *
 * @example
 * const entries = storeThrottleEntries(store);
 * await entries.update(["pair:…"], (m) => m.set("pair:…", { count: 1, until: 0, at: Date.now() }));
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./schema.js";
import { withWriteTransaction } from "./write-transaction.js";

/** One entry: a pair's failures (`count`) and the time it may try again (`until`), or a bucket's tokens; `at` is its last change. */
export interface ThrottleEntry {
  count: number;
  until: number;
  at: number;
}

/** Where throttle entries live: one process's memory, or the store all processes share. */
export interface ThrottleEntries {
  /**
   * Runs `fn` on the current entries of `keys`, with no other update of those keys in between, then
   * keeps what `fn` left in the map (an entry it deleted is removed).
   */
  update<T>(keys: readonly string[], fn: (entries: Map<string, ThrottleEntry>) => T): Promise<T>;
}

/** Entries idle this long are swept: every wait and bucket has long run out by then. */
const IDLE_MS = 3_600_000;
/** One update in this many also sweeps idle entries. */
const SWEEP_EVERY = 500;

export function storeThrottleEntries(store: Pick<Store, "db" | "dialect" | "queries" | "workspaceId">): ThrottleEntries {
  let updates = 0;
  const hash = (key: string): string => createHash("sha256").update(`${store.workspaceId}\n${key}`).digest("base64url");
  return {
    update: (keys, fn) =>
      withWriteTransaction(store, async (trx) => {
        const hashed = keys.map(hash);
        await store.queries.lockKeys(trx, hashed);
        const entries = await readEntries(trx, keys, hashed);
        const out = fn(entries);
        await writeEntries(trx, keys, hashed, entries);
        if (++updates % SWEEP_EVERY === 0)
          await trx
            .deleteFrom("sign_in_throttle")
            .where("at", "<", Date.now() - IDLE_MS)
            .execute();
        return out;
      }),
  };
}

async function readEntries(trx: Kysely<Database>, keys: readonly string[], hashed: string[]): Promise<Map<string, ThrottleEntry>> {
  const rows = await trx.selectFrom("sign_in_throttle").selectAll().where("key", "in", hashed).execute();
  const byHash = new Map(rows.map((r) => [r.key, { count: Number(r.count), until: Number(r.until), at: Number(r.at) }]));
  const entries = new Map<string, ThrottleEntry>();
  keys.forEach((k, i) => {
    const e = byHash.get(hashed[i]!);
    if (e) entries.set(k, e);
  });
  return entries;
}

async function writeEntries(
  trx: Kysely<Database>,
  keys: readonly string[],
  hashed: string[],
  entries: Map<string, ThrottleEntry>,
): Promise<void> {
  const gone = hashed.filter((_, i) => !entries.has(keys[i]!));
  if (gone.length > 0) await trx.deleteFrom("sign_in_throttle").where("key", "in", gone).execute();
  for (const [i, k] of keys.entries()) {
    const e = entries.get(k);
    if (!e) continue;
    const row = { count: e.count, until: Math.round(e.until), at: Math.round(e.at) };
    await trx
      .insertInto("sign_in_throttle")
      .values({ key: hashed[i]!, ...row })
      .onConflict((oc) => oc.column("key").doUpdateSet(row))
      .execute();
  }
}
