import { describe, expect, it } from "vitest";
import { freshdeskConnector } from "../../src/connectors/freshdesk.js";
import { runSync } from "../../src/connectors/sync-run.js";
import { DATABASES } from "../helpers/databases.js";
import { fakeFreshdesk, FD_KEY } from "./fake-freshdesk.js";
import { messageCount, useFakeHelpdesk } from "./fake-fixture.js";
import { killThenResume, syncProcess } from "./sync-process.js";

describe.each(DATABASES)("Freshdesk pull on $name", (database) => {
  // 12 tickets share one updated_at second: more than a page of 5, so the cursor must page through the tie.
  const fd = fakeFreshdesk({ tickets: 23, listPageSize: 5, sameSecond: 12 });
  const fx = useFakeHelpdesk(database, fd.server);
  const connector = () => freshdeskConnector({ baseUrl: fx.url, apiKey: FD_KEY, http: { sleep: fx.sleep } });

  it("stores the description and every conversation once, with direction and private notes apart", async () => {
    expect(await runSync(fx.store, connector())).toEqual({ accepted: fd.totalMessages(), duplicates: 0, conflicts: 0, rejected: 0 });
    const rows = await fx.store.db.selectFrom("messages").select(["external_id", "direction", "channel", "subject"]).execute();
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    const t = fd.tickets[3]!;
    expect(byId.get(`ticket:${t.id}`)).toMatchObject({ direction: "customer", channel: "chat", subject: t.subject });
    expect(byId.get(`conversation:${t.conversations[0]!.id}`)).toMatchObject({ direction: "agent", channel: "chat" });
    expect(byId.get(`conversation:${t.conversations[1]!.id}`)).toMatchObject({ direction: "agent", channel: "internal" });
    expect(byId.get(`conversation:${t.conversations[2]!.id}`)).toMatchObject({ direction: "customer" });
  });

  it("adds nothing on a second sync; a new reply comes in alone", async () => {
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 0, conflicts: 0, rejected: 0 });
    fd.addCustomerReply(7, "Nothing has happened since. Please call me.");
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 1, conflicts: 0, rejected: 0 });
    expect(await messageCount(fx.store)).toBe(fd.totalMessages());
  });

  it("waits out a 429 for its Retry-After", async () => {
    fd.addCustomerReply(9, "Hello?");
    fd.server.rateLimited = new Set([fd.server.requests.length + 1]);
    fd.server.retryAfter = "30";
    fx.waits.length = 0;
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 1, conflicts: 0 });
    expect(fx.waits).toContain(30_000);
  });

  it("survives kill -9 of `attune sync freshdesk` and resumes with nothing lost or doubled", async () => {
    const fresh = await database.open();
    try {
      const args = ["freshdesk", "--url", fx.url, "--api-key-env", "FD_SECRET", "--requests-per-minute", "100000"];
      let beforeKill = 0;
      const { killed, resumed } = await killThenResume(
        fd.server,
        (req) => req.url.pathname === "/api/v2/tickets/7/conversations",
        args,
        fresh.location,
        { FD_SECRET: FD_KEY },
        async () => void (beforeKill = await messageCount(fresh)),
      );
      expect(killed.signal).toBe("SIGKILL");
      expect(resumed.code).toBe(0);
      expect(await messageCount(fresh)).toBe(fd.totalMessages());
      // Pages stored before the kill are not read again: the resumed sync adds exactly the rest.
      expect(beforeKill).toBeGreaterThan(0);
      expect(resumed.counts!.accepted).toBe(fd.totalMessages() - beforeKill);
      expect(resumed.counts!.duplicates).toBe(0);
      expect(resumed.counts!.conflicts + resumed.counts!.rejected).toBe(0);
      const again = await syncProcess(args, fresh.location, { FD_SECRET: FD_KEY });
      expect(again.counts).toMatchObject({ accepted: 0, conflicts: 0, rejected: 0 });
    } finally {
      await fresh.cleanup();
    }
  }, 240_000);
});
