/// <reference lib="dom" />
/**
 * The connectors in the settings page, in chromium against a real `attune serve` (with
 * ATTUNE_SECRET_KEY) and a local Zendesk (test/connectors/fake-zendesk.ts): an admin adds a
 * connector, runs it now and sees the pass's counts, edits it without the secret ever coming back
 * to the page, pauses and turns it on, and sees a refused token as a failure with its code; axe-core
 * finds no serious or critical violation on the page, form open, in all five interface languages.
 * Every step waits for state (a row, an attribute, an API answer), never for time.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type PageWatch } from "../../support/browser/harness.js";
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

describe("connectors in the settings page", { timeout: 120_000 }, () => {
  const zd = fakeZendesk({ tickets: 3 });
  let zdUrl = "";
  let h: Harness;
  let page: Page & { watch: PageWatch };
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
      .poll(() =>
        page
          .getByTestId("connector-form-error")
          .textContent()
          .catch(() => ""),
      )
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
});
