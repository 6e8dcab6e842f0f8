import { beforeAll, describe, expect, it, vi } from "vitest";
import { enqueueHelpdeskReply } from "../../src/store/helpdesk-outbox.js";
import { DATABASES } from "../helpers/databases.js";
import { messageCount, useFakeHelpdesk } from "./fake-fixture.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "./fake-zendesk.js";
import { killThenResume, syncProcess } from "./sync-process.js";

// Each case starts Node processes through tsx: seconds apiece on a busy 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

describe.each(DATABASES)("attune sync zendesk on $name", (database) => {
  const zd = fakeZendesk({ tickets: 60, exportPageSize: 10, commentsPageSize: 2 });
  let args: string[] = [];
  const env = { ZD_SECRET: ZD_TOKEN };

  const fx = useFakeHelpdesk(database, zd.server);
  beforeAll(() => {
    const url = fx.url;
    args = ["zendesk", "--url", url, "--email", ZD_EMAIL, "--token-env", "ZD_SECRET", "--requests-per-minute", "100000"];
  });

  it("survives kill -9 mid-sync: the resumed sync stores the rest, nothing lost or doubled", async () => {
    // Killed while fetching the comments of the 35th ticket: three pages of ten tickets are stored.
    const { killed, resumed } = await killThenResume(
      zd.server,
      (req) => req.url.pathname === "/api/v2/tickets/134/comments.json",
      args,
      fx.store.location,
      env,
    );
    expect(killed.signal).toBe("SIGKILL");
    expect(resumed.code).toBe(0);
    const total = zd.totalComments();
    expect(await messageCount(fx.store)).toBe(total);
    // Resumed from the saved cursor, not from the start: only the unsaved page is read again.
    expect(resumed.counts!.accepted).toBe(total - 120);
    expect(resumed.counts!.duplicates).toBe(0);
    expect(resumed.counts!.conflicts + resumed.counts!.rejected).toBe(0);
    expect(resumed.stderr).toContain('"progress"');
    expect(resumed.stderr).not.toContain(ZD_TOKEN);
  });

  it("a second sync adds 0; its last stdout line is the counts", async () => {
    const again = await syncProcess(args, fx.store.location, env);
    expect(again.counts).toEqual({ accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 });
    expect(await messageCount(fx.store)).toBe(zd.totalComments());
  });

  it("honours Retry-After on 429 and finishes", async () => {
    zd.addCustomerComment(101, "Is anyone reading this?");
    zd.server.rateLimited = new Set([zd.server.requests.length + 1]);
    zd.server.retryAfter = "1";
    const run = await syncProcess(args, fx.store.location, env);
    expect(run.counts).toEqual({ accepted: 1, duplicates: 4, conflicts: 0, rejected: 0 });
    expect(zd.server.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it("posts a queued approved reply once, and the next pull does not store it a second time", async () => {
    const text = "We have sent a new parcel today; you will have it on Thursday.";
    await enqueueHelpdeskReply(fx.store.db, {
      workspace_id: fx.store.workspaceId,
      idempotency_key: "message-900",
      connector: `zendesk:${new URL(fx.url).host}`,
      thread_ref: "ticket:102",
      body: text,
      is_public: 1,
      created_at: Date.now(),
    });
    const run = await syncProcess(args, fx.store.location, env);
    expect(run.stderr).toContain('"replies":{"sent":1');
    expect(zd.tickets.find((t) => t.id === 102)!.comments.filter((c) => c.body === text)).toHaveLength(1);
    // The ticket changed, so it is exported again: its old comments are duplicates, attune's own reply is skipped.
    expect(run.counts).toEqual({ accepted: 0, duplicates: 4, conflicts: 0, rejected: 0 });
    const again = await syncProcess(args, fx.store.location, env);
    expect(again.stderr).toContain('"replies":{"sent":0');
    expect(zd.tickets.find((t) => t.id === 102)!.comments.filter((c) => c.body === text)).toHaveLength(1);
  });
});
