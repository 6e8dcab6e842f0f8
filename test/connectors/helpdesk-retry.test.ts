/**
 * An agent tries a failed helpdesk reply again (POST /helpdesk-replies/:id/retry), on SQLite and
 * PostgreSQL against the local Zendesk: a failed reply stays failed until asked; asked, it goes back
 * under the same idempotency key, with an audit entry, and the next pass posts it once: the one the
 * helpdesk had in fact stored (its answer unreadable) is found in the ticket and not posted again,
 * the one refused (bad credentials) is posted once. Only a failed reply can be tried again.
 */
import { describe, expect, it } from "vitest";
import { deliverReplies, sameWords } from "../../src/connectors/reply-out.js";
import { zendeskReplies } from "../../src/connectors/zendesk-reply.js";
import { claimHelpdeskReplies, enqueueHelpdeskReply, settleHelpdeskReply } from "../../src/store/helpdesk-outbox.js";
import { DATABASES } from "../helpers/databases.js";
import { testApp } from "../helpers/test-app.js";
import { useFakeHelpdesk } from "./fake-fixture.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "./fake-zendesk.js";

const THREAD = "ticket:101";
const WENT_THROUGH = "I am sorry for the wait. Your replacement leaves our warehouse today.";
const REFUSED = "Omlouváme se. Peníze vám vrátíme do tří pracovních dnů.";

describe.each(DATABASES)("retrying a failed helpdesk reply on $name", (database) => {
  const zd = fakeZendesk({ tickets: 3 });
  const fx = useFakeHelpdesk(database, zd.server);
  const copies = (text: string) =>
    zd.tickets.find((t) => `ticket:${t.id}` === THREAD)!.comments.filter((c) => sameWords(c.body, text)).length;

  it("puts a failed reply back under its key once, audited; the next pass never posts it twice", async () => {
    const poster = zendeskReplies({ baseUrl: fx.url, email: ZD_EMAIL, token: ZD_TOKEN, http: { sleep: fx.sleep } });
    const wrongToken = zendeskReplies({ baseUrl: fx.url, email: ZD_EMAIL, token: "revoked", http: { sleep: fx.sleep } });
    const t = await testApp(fx.store);
    const req = async (path: string) => {
      const res = await t.req("POST", path);
      return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
    };
    const queue = (key: string, body: string) =>
      enqueueHelpdeskReply(fx.store.db, {
        workspace_id: fx.store.workspaceId,
        idempotency_key: key,
        connector: poster.connector,
        thread_ref: THREAD,
        body,
        is_public: 1,
        created_at: Date.now(),
      });
    const rows = () => fx.store.db.selectFrom("helpdesk_outbox").select(["id", "idempotency_key", "state"]).orderBy("id").execute();

    // Refused by the helpdesk (the token was revoked): failed, nothing posted.
    await queue("message-1", REFUSED);
    expect(await deliverReplies(fx.store, wrongToken)).toMatchObject({ failed: 1, sent: 0 });
    // Posted, but the helpdesk's answer could not be read: recorded failed although the comment is there.
    await queue("message-2", WENT_THROUGH);
    const [claimed] = await claimHelpdeskReplies(fx.store.db, poster.connector, Date.now(), 120_000, 1);
    await poster.post(claimed!);
    await settleHelpdeskReply(fx.store.db, claimed!.id, { state: "failed", error: "connector.bad_response" }, Date.now());
    const [refused, through] = await rows();
    expect([refused!.state, through!.state]).toEqual(["failed", "failed"]);

    // Never tried again by itself.
    expect(await deliverReplies(fx.store, poster)).toMatchObject({ sent: 0, failed: 0 });
    expect([copies(REFUSED), copies(WENT_THROUGH)]).toEqual([0, 1]);

    // The agent asks: back in the queue, audited; asking twice does not queue it twice.
    for (const r of [refused!, through!]) {
      expect(await req(`/helpdesk-replies/${r.id}/retry`)).toEqual({ status: 200, json: { id: r.id, state: "pending" } });
      expect((await req(`/helpdesk-replies/${r.id}/retry`)).status).toBe(400);
    }
    const log = await fx.store.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "helpdesk_reply.retried")
      .orderBy("id")
      .execute();
    expect(log.map((l) => [l.actor_kind, l.target_kind, l.target_id])).toEqual([
      ["key", "helpdesk_reply", String(refused!.id)],
      ["key", "helpdesk_reply", String(through!.id)],
    ]);
    expect(JSON.stringify(log)).not.toContain("warehouse");

    // The next pass: the one that went through is found in the ticket, the refused one posted; each there once.
    expect(await deliverReplies(fx.store, poster)).toMatchObject({ sent: 2, recovered: 1, failed: 0 });
    expect([copies(REFUSED), copies(WENT_THROUGH)]).toEqual([1, 1]);
    // Same keys, same rows: nothing was queued anew.
    expect((await rows()).map((r) => [r.idempotency_key, r.state])).toEqual([
      ["message-1", "sent"],
      ["message-2", "sent"],
    ]);
    expect((await req(`/helpdesk-replies/${through!.id}/retry`)).status).toBe(400);
    expect((await req("/helpdesk-replies/999999/retry")).status).toBe(404);
  });
});
