import { describe, expect, it } from "vitest";
import { runSync } from "../../src/connectors/sync-run.js";
import { zendeskConnector } from "../../src/connectors/zendesk.js";
import { DATABASES } from "../helpers/databases.js";
import { useFakeHelpdesk } from "./fake-fixture.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "./fake-zendesk.js";

describe.each(DATABASES)("Zendesk pull on $name", (database) => {
  const zd = fakeZendesk({ tickets: 30, exportPageSize: 7, commentsPageSize: 3 });
  const fx = useFakeHelpdesk(database, zd.server);
  const connector = (token = ZD_TOKEN) => zendeskConnector({ baseUrl: fx.url, email: ZD_EMAIL, token, http: { sleep: fx.sleep } });

  it("stores every comment once on the first sync, with author, direction, channel and thread", async () => {
    const counts = await runSync(fx.store, connector());
    expect(counts).toEqual({ accepted: zd.totalComments(), duplicates: 0, conflicts: 0, rejected: 0 });
    const rows = await fx.store.db.selectFrom("messages").select(["external_id", "direction", "channel", "thread_id", "subject"]).execute();
    expect(rows).toHaveLength(120);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    const t0 = zd.tickets[0]!;
    expect(byId.get(`comment:${t0.comments[0]!.id}`)).toMatchObject({ direction: "customer", channel: "email", subject: t0.subject });
    expect(byId.get(`comment:${t0.comments[1]!.id}`)).toMatchObject({ direction: "agent", channel: "email", subject: null });
    expect(byId.get(`comment:${t0.comments[3]!.id}`)).toMatchObject({ direction: "agent", channel: "internal" });
    expect(byId.get(`comment:${zd.tickets[4]!.comments[0]!.id}`)).toMatchObject({ channel: "chat" });
    const threads = await fx.store.db.selectFrom("threads").select("external_id").execute();
    expect(threads).toHaveLength(30);
    const people = await fx.store.db.selectFrom("people").select(["kind", "display_name"]).execute();
    expect(people.filter((p) => p.kind === "customer")).toHaveLength(30);
    expect(people.filter((p) => p.kind === "agent")).toHaveLength(3);
  });

  it("adds nothing on a second sync, and only the new comment after a ticket changes", async () => {
    expect(await runSync(fx.store, connector())).toEqual({ accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 });
    zd.addCustomerComment(105, "Still waiting. This is the third time I write.");
    // The changed ticket is exported again with all its comments: the old ones are duplicates.
    expect(await runSync(fx.store, connector())).toEqual({ accepted: 1, duplicates: 4, conflicts: 0, rejected: 0 });
  });

  it("waits out a 429 for its Retry-After and loses nothing", async () => {
    zd.addCustomerComment(110, "Hello? Anyone?");
    zd.addCustomerComment(111, "Any news on my refund?");
    const before = zd.server.requests.length;
    zd.server.rateLimited = new Set([before + 1, before + 3]);
    zd.server.retryAfter = "7";
    fx.waits.length = 0;
    expect(await runSync(fx.store, connector())).toMatchObject({ accepted: 2, conflicts: 0, rejected: 0 });
    expect(fx.waits.filter((ms) => ms === 7000)).toHaveLength(2);
    expect(zd.server.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it("refuses at once when the token is wrong", async () => {
    const before = zd.server.requests.length;
    await expect(runSync(fx.store, connector("wrong"))).rejects.toMatchObject({ code: "connector.auth" });
    expect(zd.server.requests.length - before).toBe(1);
  });
});
