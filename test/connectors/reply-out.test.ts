import { describe, expect, it } from "vitest";
import { freshdeskReplies } from "../../src/connectors/freshdesk-reply.js";
import { intercomReplies } from "../../src/connectors/intercom-reply.js";
import { deliverReplies, sameWords, type ReplyPoster } from "../../src/connectors/reply-out.js";
import { zendeskReplies } from "../../src/connectors/zendesk-reply.js";
import { claimHelpdeskReplies, enqueueHelpdeskReply } from "../../src/store/helpdesk-outbox.js";
import { DATABASES } from "../helpers/databases.js";
import { useFakeHelpdesk } from "./fake-fixture.js";
import { fakeFreshdesk, FD_KEY } from "./fake-freshdesk.js";
import type { FakeHelpdesk } from "./fake-helpdesk.js";
import { fakeIntercom, IC_TOKEN } from "./fake-intercom.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "./fake-zendesk.js";

interface Vendor {
  name: string;
  fake: () => { server: FakeHelpdesk; bodies: (thread: string) => string[] };
  poster: (url: string, sleep: (ms: number) => Promise<void>) => ReplyPoster;
  thread: string;
}

const VENDORS: Vendor[] = [
  {
    name: "zendesk",
    thread: "ticket:101",
    fake: () => {
      const zd = fakeZendesk({ tickets: 3 });
      return { server: zd.server, bodies: (t) => zd.tickets.find((x) => `ticket:${x.id}` === t)!.comments.map((c) => c.body) };
    },
    poster: (url, sleep) => zendeskReplies({ baseUrl: url, email: ZD_EMAIL, token: ZD_TOKEN, http: { sleep } }),
  },
  {
    name: "freshdesk",
    thread: "ticket:2",
    fake: () => {
      const fd = fakeFreshdesk({ tickets: 3 });
      return { server: fd.server, bodies: (t) => fd.tickets.find((x) => `ticket:${x.id}` === t)!.conversations.map((c) => c.body) };
    },
    poster: (url, sleep) => freshdeskReplies({ baseUrl: url, apiKey: FD_KEY, http: { sleep } }),
  },
  {
    name: "intercom",
    thread: "conversation:4001",
    fake: () => {
      const ic = fakeIntercom({ conversations: 3 });
      return {
        server: ic.server,
        bodies: (t) => ic.conversations.find((x) => `conversation:${x.id}` === t)!.parts.map((p) => p.body ?? ""),
      };
    },
    poster: (url, sleep) => intercomReplies({ baseUrl: url, token: IC_TOKEN, adminId: "901", http: { sleep } }),
  },
];

const REPLIES = [
  "I am sorry for the trouble. Your refund of 42 € is on its way & you'll see it within 3 days.",
  "Omlouváme se. Technik přijede zítra mezi 8 a 12 hodinou.",
  "Es tut uns leid. <Wir> haben die Abbuchung storniert.",
];

describe.each(DATABASES)("replies out on $name", (database) => {
  describe.each(VENDORS)("to $name", (vendor) => {
    const fake = vendor.fake();
    const fx = useFakeHelpdesk(database, fake.server);
    const copies = (text: string): number =>
      fake
        .bodies(vendor.thread)
        .filter((b) => sameWords(b, text) || sameWords(b, text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"))).length;
    let clock = Date.now();
    const now = (): number => clock;

    it("posts each approved reply exactly once under retried approvals, a lost answer and a crash before the ack", async () => {
      const poster = vendor.poster(fx.url, fx.sleep);
      const ws = fx.store.workspaceId;
      const queue = (key: string, body: string) =>
        enqueueHelpdeskReply(fx.store.db, {
          workspace_id: ws,
          idempotency_key: key,
          connector: poster.connector,
          thread_ref: vendor.thread,
          body,
          is_public: 1,
          created_at: now(),
        });
      // The approval is sent twice (a double click, a client retry): queued once.
      expect(await queue("message-1", REPLIES[0]!)).toBe(true);
      expect(await queue("message-1", REPLIES[0]!)).toBe(false);
      await queue("message-2", REPLIES[1]!);
      await queue("message-3", REPLIES[2]!);

      // A sender claims reply 3, posts it, and dies before recording it (kill -9 between send and ack).
      const [claimed] = await claimHelpdeskReplies(fx.store.db, poster.connector, now(), 120_000, 1);
      expect(claimed!.idempotency_key).toBe("message-1");
      await poster.post(claimed!);
      // The helpdesk stores reply 2 but its answer is lost on the way back.
      fake.server.dropAnswer = new Set([fake.server.requests.length + 1]);
      clock += 1_000;
      const first = await deliverReplies(fx.store, poster, now);
      expect(first).toMatchObject({ sent: 1, retrying: 1, failed: 0 });

      // Later, after the dead sender's lease and the retry time ran out: both are found, not posted again.
      clock += 3_600_000;
      const second = await deliverReplies(fx.store, poster, now);
      expect(second).toMatchObject({ sent: 2, recovered: 2, retrying: 0, failed: 0 });
      for (const text of REPLIES) expect(copies(text)).toBe(1);
      expect(await deliverReplies(fx.store, poster, now)).toMatchObject({ sent: 0 });

      const rows = await fx.store.db.selectFrom("helpdesk_outbox").select(["state", "posted_ref"]).orderBy("id").execute();
      expect(rows.map((r) => r.state)).toEqual(["sent", "sent", "sent"]);
      expect(new Set(rows.map((r) => r.posted_ref)).size).toBe(3);
    });
  });
});
