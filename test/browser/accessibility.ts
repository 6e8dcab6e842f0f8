/// <reference lib="dom" />
/**
 * Every page of the dashboard, in each of the five interface languages, checked by axe-core in
 * chromium: no serious or critical violation (colour contrast, names of controls and header cells,
 * the page's language...). One tab for all 45 views, each checked once it shows its data (waits on
 * state). The findings per page and language go to screenshots/axe-summary.json. Registered inside
 * the dashboard suite so it shares its server, browser and page.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { axeViolations, type AxeFinding } from "./axe.js";
import { SCREENSHOTS, type Harness, type PageWatch } from "../../support/browser/harness.js";
import { CATALOGUES, useLanguage } from "./message-filters.js";

interface View {
  name: string;
  hash: string;
  ready: (page: Page) => Promise<unknown>;
}

function views(caseId: number, messageId: number): View[] {
  return [
    { name: "overview", hash: "#/overview", ready: (p) => p.getByTestId("chart-causes").locator("canvas").waitFor() },
    {
      name: "messages",
      hash: "#/messages",
      ready: (p) => p.locator("[data-testid=message] [data-testid=reading-chips]").first().waitFor(),
    },
    { name: "message", hash: `#/messages/${messageId}`, ready: (p) => p.getByTestId("message-view").locator("mark").first().waitFor() },
    { name: "queue", hash: "#/queue?status=active", ready: (p) => p.getByTestId("sla").first().waitFor() },
    { name: "case", hash: `#/cases/${caseId}`, ready: (p) => p.getByTestId("case-message").first().waitFor() },
    { name: "public", hash: "#/public", ready: (p) => p.locator(".with-reach").first().waitFor() },
    { name: "people", hash: "#/people", ready: (p) => p.getByTestId("people-row").first().waitFor() },
    {
      name: "settings",
      hash: "#/settings",
      ready: async (p) => {
        await p.getByTestId("users").locator("tbody tr").first().waitFor();
        await p.getByTestId("case-rules").locator("tbody tr").first().waitFor();
      },
    },
  ];
}

/** Registers the test; `ctx` gives the suite's harness and page once its setup has run. */
export function accessibilityTests(ctx: () => { h: Harness; page: Page & { watch: PageWatch } }): void {
  it("finds no serious or critical axe-core violation on any page in en, cs, th, te and tl", { timeout: 300_000 }, async () => {
    const { h, page } = ctx();
    const caseId = (await h.api<{ items: { id: number }[] }>("GET", "/cases?status=new,open,waiting&limit=1")).body.items[0]!.id;
    const messageId = (await h.api<{ items: { id: number }[] }>("GET", "/messages?text=parcel%20is%20two%20weeks")).body.items[0]!.id;
    const found: Record<string, Record<string, AxeFinding[]>> = {};
    const note = (view: string, lang: string, v: AxeFinding[]) => ((found[view] ??= {})[lang] = v);
    await h.context.clearCookies();
    await page.goto(`${h.base}/`);
    for (const lang of Object.keys(CATALOGUES)) {
      await useLanguage(page, lang);
      await page.getByRole("button").first().waitFor();
      note("sign-in", lang, await axeViolations(page));
    }
    await h.signIn(page, "admin");
    for (const lang of Object.keys(CATALOGUES)) {
      await useLanguage(page, lang);
      for (const view of views(caseId, messageId)) {
        await page.goto(`${h.base}/${view.hash}`);
        await view.ready(page);
        note(view.name, lang, await axeViolations(page));
      }
    }
    writeFileSync(join(SCREENSHOTS, "axe-summary.json"), `${JSON.stringify(found, null, 1)}\n`);
    const failures = Object.entries(found).flatMap(([view, byLang]) =>
      Object.entries(byLang).flatMap(([lang, v]) =>
        v.map((f) => `${view}/${lang}: ${f.rule} (${f.impact}, ${f.count}) ${f.targets.join(" | ")}`),
      ),
    );
    expect(failures).toEqual([]);
  });
}
