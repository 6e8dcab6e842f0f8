/// <reference lib="dom" />
/**
 * The connectors in the settings page, in chromium against a real `attune serve` (with
 * ATTUNE_SECRET_KEY) and a local Zendesk (test/connectors/fake-zendesk.ts): an admin adds a
 * connector, runs it now and sees the pass's counts, edits it without the secret ever coming back
 * to the page, pauses and turns it on, and sees a refused token as a failure with its code; axe-core
 * finds no serious or critical violation on the page, form open, in all five interface languages.
 * Then an agent sends replies from case pages: to the Zendesk ticket (posted by the connector's next
 * pass, then shown sent) and by email from the mailbox's address (sent by the outbox; a reply left
 * unconfirmed is sent again only after the agent confirms, with an audit entry); a reply the helpdesk
 * refused shows as not sent and is posted once after the agent tries it again (audited).
 * Every step waits for state (a row, an attribute, an API answer), never for time.
 */
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendOutbox, type SmtpTransport } from "../../src/connectors/smtp-outbox.js";
import { Ingestor } from "../../src/ingest/ingestor.js";
import { claimPending } from "../../src/store/mail-outbox.js";
import { openStore } from "../../src/store/open-store.js";
import { startHarness, waitForReadings, type Harness, type PageWatch } from "../../support/browser/harness.js";
import { fakeZendesk, ZD_EMAIL, ZD_TOKEN } from "../connectors/fake-zendesk.js";
import { axeViolations, type AxeFinding } from "./axe.js";
import { CATALOGUES, useLanguage } from "./message-filters.js";

interface Shown {
  id: number;
  name: string;
  enabled: boolean;
  secret_set: boolean;
  interval_seconds: number;
  last_run: { counts: { accepted: number } | null; error_code: string | null } | null;
}

describe("connectors in the dashboard", { timeout: 120_000 }, () => {
  const zd = fakeZendesk({ tickets: 3 });
  let zdUrl = "";
  let h: Harness;
  let page: Page & { watch: PageWatch };
  /** A locator's text, or "" while it is not on the page. */
  const textOf = (l: Locator) => l.textContent().catch(() => "");
  const row = (name: string) => page.locator("[data-testid=connector-row]", { hasText: name });
  /** Opens the add form and fills a Zendesk connector. */
  const fillNew = async (name: string, token: string) => {
    await page.getByTestId("connector-add").click();
    await page.getByTestId("connector-name").fill(name);
    await page.getByTestId("connector-url").fill(zdUrl);
    await page.getByTestId("connector-email").fill(ZD_EMAIL);
    await page.getByTestId("connector-secret").fill(token);
  };
  const listed = async () => (await h.api<{ items: Shown[] }>("GET", "/connectors")).body.items;

  beforeAll(async () => {
    zdUrl = await zd.server.start();
    h = await startHarness({ env: { ATTUNE_SECRET_KEY: randomBytes(32).toString("base64") } });
    page = await h.newPage();
    await h.signIn(page, "admin");
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    await zd.server.close();
  });

  it("adds a Zendesk connector, runs it now and shows the counts, never showing the token", async () => {
    await page.goto(`${h.base}/#/settings`);
    await page.getByTestId("connectors").getByText("No connectors yet.").waitFor();
    await fillNew("acme", ZD_TOKEN);
    expect(await page.getByTestId("connector-kind").inputValue()).toBe("zendesk");
    // Off the schedule, so serve's runner does not take the first pass before "Run now" does.
    await page.getByTestId("connector-enabled").uncheck();
    await page.getByTestId("connector-save").click();
    await row("acme").waitFor();
    await expect.poll(() => row("acme").getByTestId("connector-last-run").textContent()).toBe("Not run yet");
    expect(await row("acme").getByTestId("connector-status").textContent()).toBe("Paused");
    expect(await row("acme").textContent()).toContain("secret saved");

    await row("acme").getByTestId("connector-run").click();
    const counts = row("acme").locator("[data-testid=connector-last-run] [data-accepted]");
    await expect.poll(() => counts.getAttribute("data-accepted").catch(() => null)).toBe(String(zd.totalComments()));
    expect(await counts.textContent()).toContain(`${zd.totalComments()} new, 0 already stored`);
    const [acme] = await listed();
    expect(acme).toMatchObject({
      name: "acme",
      secret_set: true,
      last_run: { counts: { accepted: zd.totalComments() }, error_code: null },
    });
    expect(await page.content()).not.toContain(ZD_TOKEN);
  });

  it("edits without the stored secret in the form, keeps it, pauses and turns on", async () => {
    await row("acme").getByTestId("connector-edit").click();
    const form = page.getByTestId("connector-form");
    await form.waitFor();
    // Write-only: the form starts empty and says a secret is kept when left empty.
    expect(await page.getByTestId("connector-secret").inputValue()).toBe("");
    expect(await form.textContent()).toContain("Leave this empty to keep it.");
    expect(await page.getByTestId("connector-url").inputValue()).toBe(zdUrl);
    await form.getByLabel("Check every (minutes)").fill("15");
    await page.getByTestId("connector-save").click();
    await form.waitFor({ state: "detached" });
    await expect.poll(async () => (await listed())[0]?.interval_seconds).toBe(900);
    expect((await listed())[0]?.secret_set).toBe(true);
    // The kept secret still works: a second pass, from the stored cursor, finds nothing new.
    await row("acme").getByTestId("connector-run").click();
    const counts = row("acme").locator("[data-testid=connector-last-run] [data-accepted]");
    await expect.poll(() => counts.textContent().catch(() => "")).toContain("0 new, 0 already stored");
    expect((await listed())[0]?.last_run).toMatchObject({ error_code: null });

    await row("acme").getByTestId("connector-toggle").click();
    await expect.poll(() => row("acme").getByTestId("connector-status").textContent()).toBe("On");
    expect((await listed())[0]?.enabled).toBe(true);
    await row("acme").getByTestId("connector-toggle").click();
    await expect.poll(() => row("acme").getByTestId("connector-status").textContent()).toBe("Paused");
    expect((await listed())[0]?.enabled).toBe(false);
  });

  it("shows a refused token as a failure with its code, and a taken name in words", async () => {
    await fillNew("wrong-token", "not-the-token");
    await page.getByTestId("connector-enabled").uncheck();
    await page.getByTestId("connector-save").click();
    await row("wrong-token").getByTestId("connector-run").click();
    const failed = row("wrong-token").locator("[data-error-code]");
    await expect.poll(() => failed.getAttribute("data-error-code").catch(() => null)).toBe("connector.auth");
    expect(await failed.textContent()).toContain("Failed: the service refused the credentials (connector.auth)");

    await fillNew("acme", "x");
    await page.getByTestId("connector-save").click();
    await expect
      .poll(() => textOf(page.getByTestId("connector-form-error")))
      .toBe("a connector with this name already exists (store.conflict)");
    expect(await page.content()).not.toContain(ZD_TOKEN);
  });

  it("has no serious or critical axe-core violation, form open, in en, cs, th, te and tl", async () => {
    const found: Record<string, AxeFinding[]> = {};
    for (const lang of Object.keys(CATALOGUES)) {
      await useLanguage(page, lang);
      await row("acme").locator("[data-accepted]").waitFor();
      await row("wrong-token").locator("[data-error-code]").waitFor();
      await page.getByTestId("connector-add").click();
      await page.getByTestId("connector-form").waitFor();
      expect(await page.getByTestId("connectors").locator("h2").textContent()).toBe(CATALOGUES[lang]!["connectors.title"]);
      found[lang] = await axeViolations(page);
      if (lang === "th") await h.shot(page, "16-settings-connectors-thai");
    }
    await h.shot(page, "16-settings-connectors");
    expect(found).toEqual({ en: [], cs: [], th: [], te: [], tl: [] });
  });

  /** The case opened on the thread whose reply goes out `via`, once triage has made it. */
  const caseVia = async (via: string, thread: string): Promise<number> => {
    let found: number | undefined;
    await expect
      .poll(async () => {
        const items = (await h.api<{ items: { id: number }[] }>("GET", "/cases?limit=200")).body.items;
        for (const c of items) {
          const d = await h.api<{ reply_via: { kind: string }; thread: { text: string }[] }>("GET", `/cases/${c.id}`);
          if (d.body.reply_via.kind === via && d.body.thread.some((m) => m.text.includes(thread))) found = c.id;
        }
        return found;
      })
      .toBeDefined();
    return found!;
  };
  /** Types a reply on the case page, sends it and waits for its message in the thread. */
  const sendReply = async (agent: Page, text: string) => {
    await agent.getByTestId("reply").fill(text);
    await agent.getByTestId("send").click();
    await expect.poll(() => textOf(agent.getByTestId("case-notice"))).toContain("on its way");
    // The notice may stay from an earlier reply: the reply's own message in the thread is the state to wait for.
    const delivery = agent.getByTestId("case-message").filter({ hasText: text }).getByTestId("delivery");
    await delivery.waitFor();
    return delivery;
  };

  it("sends a reply from a Zendesk case to its ticket once and shows it sent", async () => {
    await waitForReadings(h);
    const caseId = await caseVia("helpdesk", "(#0.2)");
    const agent = await h.newPage();
    await h.context.clearCookies();
    await h.signIn(agent, "agent");
    await useLanguage(agent, "en"); // the axe sweep above left the last language chosen
    await agent.goto(`${h.base}/#/cases/${caseId}`);
    await expect.poll(() => agent.getByTestId("reply-route").textContent()).toContain("Zendesk");
    const text = "I am sorry your order has not arrived. I asked the courier today and will write to you by 17:00.";
    const delivery = await sendReply(agent, text);
    await expect.poll(() => delivery.getAttribute("data-state")).toBe("pending");
    expect(await delivery.textContent()).toContain("Waiting to go out");
    // The connector's next pass posts it; the case page shows it sent without a reload.
    const acme = (await listed()).find((c) => c.name === "acme")!;
    expect((await h.api("POST", `/connectors/${acme.id}/sync`)).status).toBe(200);
    await expect.poll(() => delivery.getAttribute("data-state")).toBe("sent");
    const posted = zd.tickets.flatMap((t) => t.comments).filter((c) => c.body.includes(text));
    expect(posted).toHaveLength(1);
    await h.shot(agent, "17-case-reply-zendesk");
    await agent.close();
  });

  it("shows a reply the helpdesk refused as not sent; the agent tries it again and it is posted once", async () => {
    const caseId = await caseVia("helpdesk", "(#0.2)");
    const agent = await h.newPage();
    await h.context.clearCookies();
    await h.signIn(agent, "agent");
    await agent.goto(`${h.base}/#/cases/${caseId}`);
    await expect.poll(() => agent.getByTestId("reply-route").textContent()).toContain("Zendesk");
    const text = "Your replacement leaves our warehouse today; the tracking number follows by email.";
    const copies = () => zd.tickets.flatMap((t) => t.comments).filter((c) => c.body.includes(text)).length;
    const delivery = await sendReply(agent, text);
    await expect.poll(() => delivery.getAttribute("data-state")).toBe("pending");
    // The pass of the connector whose token was revoked takes it first: the helpdesk refuses it.
    const connectors = await listed();
    const wrong = connectors.find((c) => c.name === "wrong-token")!;
    const acme = connectors.find((c) => c.name === "acme")!;
    await h.api("POST", `/connectors/${wrong.id}/sync`);
    await expect.poll(() => delivery.getAttribute("data-state")).toBe("failed");
    expect(await delivery.textContent()).toContain("The helpdesk refused this reply");
    // Not tried again by itself: the working connector's pass leaves it failed and posts nothing.
    expect((await h.api("POST", `/connectors/${acme.id}/sync`)).status).toBe(200);
    const shown = await h.api<{ thread: { text: string; delivery: { state: string } | null }[] }>("GET", `/cases/${caseId}`);
    expect(shown.body.thread.find((m) => m.text === text)?.delivery?.state).toBe("failed");
    expect(copies()).toBe(0);
    expect(await axeViolations(agent)).toEqual([]);
    await h.shot(agent, "19-case-reply-failed");

    await delivery.getByTestId("retry-reply").click();
    await expect.poll(() => delivery.getAttribute("data-state")).toBe("pending");
    const store = await openStore({ sqlitePath: h.dbPath });
    try {
      const audit = await store.db.selectFrom("audit_log").selectAll().where("action", "=", "helpdesk_reply.retried").execute();
      expect(audit).toEqual([expect.objectContaining({ actor_kind: "user", target_kind: "helpdesk_reply" })]);
    } finally {
      await store.close();
    }
    expect((await h.api("POST", `/connectors/${acme.id}/sync`)).status).toBe(200);
    await expect.poll(() => delivery.getAttribute("data-state")).toBe("sent");
    expect(copies()).toBe(1);
    await agent.close();
  });

  it("emails a mailbox case's reply from the mailbox's address; an unconfirmed one goes again only when the agent confirms", async () => {
    const store = await openStore({ sqlitePath: h.dbPath });
    const mails: Buffer[] = [];
    const smtp: SmtpTransport = { sendMail: async (m) => void mails.push(m.raw) };
    try {
      const ing = await Ingestor.open(store, { source: "support-mail", sourceKind: "imap", origin: "imap" });
      await ing.add(1, {
        external_id: "late-parcel-1@example.net",
        thread: "late-parcel-1@example.net",
        text: "My parcel is two weeks late and nobody answers my emails. I want my money back now!",
        channel: "email",
        direction: "customer",
        author: { id: "jana@example.net", email: "jana@example.net", name: "Jana" },
        subject: "Late parcel",
        sent_at: new Date().toISOString(),
      });
      await ing.finish();
      const created = await h.api("POST", "/connectors", {
        kind: "imap",
        name: "support mailbox",
        settings: { host: "127.0.0.1", user: "support@acme.example", source: "support-mail" },
        secret: "mailbox-password",
        interval_seconds: 300,
        enabled: false,
      });
      expect(created.status).toBe(201);
      await waitForReadings(h);
      const caseId = await caseVia("email", "two weeks late");
      const agent = await h.newPage();
      await h.context.clearCookies();
      await h.signIn(agent, "agent");
      await agent.goto(`${h.base}/#/cases/${caseId}`);
      await expect.poll(() => agent.getByTestId("reply-route").textContent()).toContain("support@acme.example");

      const first = "I am sorry your parcel is so late. The refund is on its way; you will see it within three days.";
      const sent = await sendReply(agent, first);
      await expect.poll(() => sent.getAttribute("data-state")).toBe("pending");
      expect(await sendOutbox(store, smtp)).toMatchObject({ sent: 1 });
      await expect.poll(() => sent.getAttribute("data-state")).toBe("sent");
      expect(mails).toHaveLength(1);
      expect(mails[0]!.toString("utf8")).toMatch(/In-Reply-To: <late-parcel-1@example\.net>/);

      const second = "One more thing: the courier confirmed the parcel is back at the depot.";
      const unsure = await sendReply(agent, second);
      // The sender claims it and dies between SMTP and the record: nobody can prove it left.
      expect(await claimPending(store.db, store.workspaceId, Date.now() - 600_000, 1000, 1)).toHaveLength(1);
      expect(await sendOutbox(store, smtp)).toMatchObject({ unconfirmed: 1 });
      await expect.poll(() => unsure.getAttribute("data-state")).toBe("unconfirmed");
      expect(await unsure.textContent()).toContain("does not send it again by itself");
      expect(await sendOutbox(store, smtp)).toMatchObject({ sent: 0, unconfirmed: 0 });
      expect(mails).toHaveLength(1);
      await h.shot(agent, "18-case-reply-unconfirmed");
      await unsure.getByTestId("send-again").click();
      await unsure.getByTestId("confirm-send-again").click();
      await expect.poll(() => unsure.getAttribute("data-state")).toBe("pending");
      const audit = await store.db.selectFrom("audit_log").selectAll().where("action", "=", "email_reply.requeued").execute();
      expect(audit).toEqual([expect.objectContaining({ actor_kind: "user", target_kind: "email_reply" })]);
      expect(await sendOutbox(store, smtp)).toMatchObject({ sent: 1 });
      await expect.poll(() => unsure.getAttribute("data-state")).toBe("sent");
      expect(mails).toHaveLength(2);
      const found = await axeViolations(agent);
      expect(found).toEqual([]);
      await agent.close();
    } finally {
      await store.close();
    }
  });
});
