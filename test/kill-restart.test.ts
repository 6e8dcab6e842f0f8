import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "./helpers/databases.js";
import { startServerProcess, storeFlags } from "./helpers/server-process.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

// 12,000 messages: large enough to be killed mid-import, small enough that one test stays under
// vitest's 60 s worker RPC limit (vitest-dev/vitest#8164) on a loaded machine.
const BATCHES = 60;
const PER_BATCH = 200;

function batch(b: number) {
  return {
    source: "crash",
    messages: Array.from({ length: PER_BATCH }, (_, i) => ({
      external_id: `k-${b}-${i}`,
      text: `Order ${b * PER_BATCH + i} arrived late and the box was damaged`,
      channel: "chat",
      author: `customer-${(b * 7 + i) % 500}`,
      sent_at: new Date(Date.UTC(2026, 0, 1) + (b * PER_BATCH + i) * 1000).toISOString(),
    })),
  };
}

async function send(port: number, key: string, b: number): Promise<{ status: string; external_id: string }[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/messages/batch`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(batch(b)),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return ((await res.json()) as { results: { status: string; external_id: string }[] }).results;
}

describe.each(DATABASES)("SIGKILL during a large import on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("keeps every acknowledged message exactly once after a restart and a re-send", { timeout: 180_000 }, async () => {
    const loc = store.location;
    const { args, env } = storeFlags(loc);
    await store.close();

    const first = await startServerProcess([...args, "--rate-limit", "10000"], env);
    const key = first.adminKey!;
    expect(key).toMatch(/^atk_/);
    const acknowledged = new Set<string>();
    let failures = 0;
    let next = 0;
    const killAfter = 25;
    // Three clients in flight; the server dies with requests half done.
    const client = async () => {
      while (next < BATCHES) {
        const b = next++;
        try {
          for (const r of await send(first.port, key, b)) if (r.status === "accepted" || r.status === "duplicate") acknowledged.add(r.external_id);
        } catch {
          failures += 1;
        }
        if (b === killAfter) first.child.kill("SIGKILL");
      }
    };
    await Promise.all([client(), client(), client()]);
    await first.exited;
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter * PER_BATCH * 0.5);
    expect(acknowledged.size).toBeLessThan(BATCHES * PER_BATCH);
    expect(failures).toBeGreaterThan(0);

    const second = await startServerProcess([...args, "--rate-limit", "10000"], env);
    expect(second.adminKey).toBeUndefined();
    const statuses = new Map<string, string>();
    try {
      for (let b = 0; b < BATCHES; b++) for (const r of await send(second.port, key, b)) statuses.set(r.external_id, r.status);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
    // Everything acknowledged before the crash was already there.
    for (const id of acknowledged) expect(statuses.get(id)).toBe("duplicate");
    expect([...statuses.values()].filter((s) => s === "conflict")).toHaveLength(0);

    const reopened = await (async () => {
      const { openStore } = await import("../src/store/open-store.js");
      return openStore(loc.sqlitePath ? { sqlitePath: loc.sqlitePath } : { url: loc.url!, schema: loc.schema! });
    })();
    try {
      const rows = await reopened.db.selectFrom("messages").select(["external_id"]).execute();
      expect(rows).toHaveLength(BATCHES * PER_BATCH);
      expect(new Set(rows.map((r) => r.external_id)).size).toBe(BATCHES * PER_BATCH);
    } finally {
      await reopened.close();
    }
  });
});
