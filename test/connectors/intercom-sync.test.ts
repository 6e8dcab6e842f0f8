import { describe, expect, it } from "vitest";
import { intercomConnector } from "../../src/connectors/intercom.js";
import { runSync } from "../../src/connectors/sync-run.js";
import { DATABASES } from "../helpers/databases.js";
import { fakeIntercom, IC_TOKEN } from "./fake-intercom.js";
import { messageCount, useFakeHelpdesk } from "./fake-fixture.js";
import { killThenResume, syncProcess } from "./sync-process.js";

describe.each(DATABASES)("Intercom pull on $name", (database) => {
  const ic = fakeIntercom({ conversations: 26, searchPageSize: 5 });
  const fx = useFakeHelpdesk(database, ic.server);
  const connector = () => intercomConnector({ baseUrl: fx.url, token: IC_TOKEN, http: { sleep: fx.sleep } });

  it("stores the source message and every part with words once; notes internal, admins agents", async () => {
    expect(await runSync(fx.store, connector())).toEqual({ accepted: ic.totalMessages(), duplicates: 0, conflicts: 0, rejected: 0 });
    const rows = await fx.store.db.selectFrom("messages").select(["external_id", "direction", "channel", "subject", "text"]).execute();
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    const c = ic.conversations[3]!;
    expect(byId.get(`conversation:${c.id}`)).toMatchObject({ direction: "customer", channel: "email", subject: "Refund 3" });
    expect(byId.get(`conversation:${c.id}`)!.text).not.toContain("<p>");
    expect(byId.get(`part:${c.parts[1]!.id}`)).toMatchObject({ direction: "agent", channel: "email" });
    expect(byId.get(`part:${c.parts[2]!.id}`)).toMatchObject({ direction: "agent", channel: "internal" });
    expect(byId.get(`part:${c.parts[3]!.id}`)).toMatchObject({ direction: "customer" });
    expect(byId.get(`conversation:${ic.conversations[0]!.id}`)).toMatchObject({ channel: "chat" });
    expect(byId.has(`part:${c.parts[0]!.id}`)).toBe(false); // an assignment has no words
  });

  it("adds nothing new on a second sync; a new reply comes in alone", async () => {
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 0, conflicts: 0, rejected: 0 });
    ic.addUserReply(ic.conversations[5]!.id, "Ok but when exactly?");
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 1, conflicts: 0, rejected: 0 });
    expect(await messageCount(fx.store)).toBe(ic.totalMessages());
  });

  it("waits out a 429 for its Retry-After", async () => {
    ic.addUserReply(ic.conversations[6]!.id, "Still there?");
    ic.server.rateLimited = new Set([ic.server.requests.length + 1, ic.server.requests.length + 2]);
    ic.server.retryAfter = "2";
    fx.waits.length = 0;
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 1, conflicts: 0 });
    expect(fx.waits.filter((ms) => ms === 2000)).toHaveLength(2);
  });

  it("survives kill -9 of `attune sync intercom` and resumes with nothing lost or doubled", async () => {
    const fresh = await database.open();
    try {
      const args = ["intercom", "--url", fx.url, "--token-env", "IC_SECRET", "--requests-per-minute", "100000"];
      let beforeKill = 0;
      const { killed, resumed } = await killThenResume(
        ic.server,
        (req) => req.url.pathname === `/conversations/${ic.conversations[17]!.id}`,
        args,
        fresh.location,
        { IC_SECRET: IC_TOKEN },
        async () => void (beforeKill = await messageCount(fresh)),
      );
      expect(killed.signal).toBe("SIGKILL");
      expect(resumed.code).toBe(0);
      expect(beforeKill).toBeGreaterThan(0);
      expect(await messageCount(fresh)).toBe(ic.totalMessages());
      expect(resumed.counts).toMatchObject({ accepted: ic.totalMessages() - beforeKill, duplicates: 0, conflicts: 0, rejected: 0 });
      const again = await syncProcess(args, fresh.location, { IC_SECRET: IC_TOKEN });
      expect(again.counts).toMatchObject({ accepted: 0, conflicts: 0, rejected: 0 });
    } finally {
      await fresh.cleanup();
    }
  }, 240_000);
});
