/**
 * Alerts out to Slack and Microsoft Teams incoming webhooks (issue 16 item 5), on both databases: a
 * subscription's format decides the body the deliverer POSTs, Slack gets Block Kit with its mrkdwn
 * escaped, Teams a message with an Adaptive Card, and attune's own subscribers keep the signed JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseAlert } from "../src/cases/alerts.js";
import { CaseEngine } from "../src/cases/case-engine.js";
import { ManualClock } from "../src/cases/clock.js";
import type { PinnedSender } from "../src/cases/webhook-send.js";
import { targetPolicy, type Resolver } from "../src/cases/webhook-target.js";
import { createSubscription } from "../src/store/webhook-subscriptions.js";
import { DATABASES } from "./helpers/databases.js";

describe.each(DATABASES)("Slack and Teams alert webhooks on $name", (database) => {
  let store: Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
  const clock = new ManualClock(Date.parse("2026-12-07T09:00:00Z"));
  const posts = new Map<string, { headers: Record<string, string>; body: string }>();
  const send: PinnedSender = async (url, _target, post) => {
    posts.set(url.pathname, { headers: post.headers, body: post.body });
    return 200;
  };
  const resolve: Resolver = async () => [{ address: "93.184.216.34", family: 4 }];

  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => store.cleanup());

  it("sends each subscriber the alert in its own format", async () => {
    const engine = new CaseEngine({ store, clock, timers: false, delivery: { send, resolve, targets: targetPolicy(undefined) } });
    const ws = store.workspaceId;
    for (const format of ["slack", "teams", "attune"])
      await createSubscription(store.db, {
        workspace_id: ws,
        url: `https://hooks.example.com/${format}`,
        secret: "s".repeat(20),
        kinds: "*",
        active: 1,
        format,
        created_at: clock.now(),
      });
    await raiseAlert(store.db, engine.ctx, {
      workspaceId: ws,
      kind: "sla_breach",
      severity: "critical",
      caseId: null,
      summary: "P1 case 7: first response target of 60 min missed <& escalate>",
      details: { clock: "first_response" },
      dedupeKey: "fmt-1",
    });
    await engine.runDue();
    clock.advance(10_000);
    await engine.runDue();

    const slack = JSON.parse(posts.get("/slack")!.body);
    expect(slack.text).toContain("&lt;&amp; escalate&gt;");
    expect(slack.blocks.map((b: { type: string }) => b.type)).toEqual(["header", "section", "context"]);
    expect(slack.blocks[0].text.type).toBe("plain_text");
    expect(slack.blocks[1].text).toEqual({
      type: "mrkdwn",
      text: "P1 case 7: first response target of 60 min missed &lt;&amp; escalate&gt;",
    });
    expect(slack.blocks[1].fields).toContainEqual({ type: "mrkdwn", text: "*Severity*\ncritical" });

    const teams = JSON.parse(posts.get("/teams")!.body);
    expect(teams.type).toBe("message");
    const card = teams.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(card.content.body[1]).toEqual({
      type: "TextBlock",
      text: "P1 case 7: first response target of 60 min missed <& escalate>",
      wrap: true,
    });
    expect(card.content.body[2].facts).toContainEqual({ title: "Severity", value: "critical" });

    const own = posts.get("/attune")!;
    expect(JSON.parse(own.body)).toMatchObject({ kind: "sla_breach", severity: "critical", attempt: 1 });
    expect(own.headers["x-attune-signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
  });
});
