/**
 * `attune serve --processes 2`: two HTTP processes share one port and one store; the first also
 * reads, so messages sent to either are read once; SIGTERM to the primary stops them all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "./helpers/databases.js";
import { startServerProcess, storeFlags } from "../support/server-process.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

describe.each(DATABASES)("serve --processes 2 on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it("ingests and answers through both processes, reads every message once, and stops on SIGTERM", { timeout: 240_000 }, async () => {
    const loc = store.location;
    const { args, env } = storeFlags(loc);
    await store.close();
    const srv = await startServerProcess([...args, "--processes", "2", "--rate-limit", "10000"], env);
    try {
      const key = srv.adminKey!;
      expect(key).toMatch(/^atk_/);
      const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
      const base = `http://127.0.0.1:${srv.port}/api/v1`;
      // Several batches at once: the kernel spreads the connections over both processes.
      const results = await Promise.all(
        Array.from({ length: 8 }, async (_, b) => {
          const messages = Array.from({ length: 25 }, (_, i) => ({
            external_id: `c-${b}-${i}`,
            text: `My parcel ${b}-${i} is late again`,
            channel: "chat",
          }));
          const res = await fetch(`${base}/messages/batch`, { method: "POST", headers, body: JSON.stringify({ messages }) });
          return ((await res.json()) as { accepted: number }).accepted;
        }),
      );
      expect(results.reduce((a, b) => a + b, 0)).toBe(200);
      // Wait for the queue to drain; the bound only keeps a broken run from hanging (two processes
      // run from the sources through tsx, which is slow on a busy machine).
      let pending = -1;
      for (let i = 0; i < 900 && pending !== 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        pending = ((await (await fetch(`${base}/health`)).json()) as { reading_queue: { pending: number } }).reading_queue.pending;
      }
      expect(pending).toBe(0);
      const page = (await (await fetch(`${base}/messages?unread=false&limit=200`, { headers })).json()) as {
        items: { reading: unknown }[];
      };
      expect(page.items).toHaveLength(200);
    } finally {
      srv.child.kill("SIGTERM");
    }
    expect(await srv.exited).toBe(0);
  });
});
