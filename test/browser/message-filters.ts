/// <reference lib="dom" />
/**
 * The messages page's filters in chromium, in each interface language: every filter is there with
 * its caption in that language; choosing survey, score and team puts them in the URL and the list
 * shows what the server answers for the same query; back, forward and reload keep the filters; the
 * CSV download takes the chosen dates and gives the export API's bytes.
 * Registered inside the dashboard suite so it shares its server, browser and page.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { cs } from "../../web/src/i18n/cs.js";
import { en, type MessageKey } from "../../web/src/i18n/en.js";
import { te } from "../../web/src/i18n/te.js";
import { th } from "../../web/src/i18n/th.js";
import { tl } from "../../web/src/i18n/tl.js";
import type { Harness, PageWatch } from "../../support/browser/harness.js";
import { EXPORT_COLUMNS } from "../../src/insights/export-messages.js";

export const CATALOGUES: Record<string, Record<MessageKey, string>> = { en, cs, th, te, tl };
/** The filters chosen from a list (the dates are date inputs). */
const SELECTS = 13;

/** Chooses the interface language as a person would (it is kept in localStorage) and waits until the page is in it. */
export async function useLanguage(page: Page, lang: string): Promise<void> {
  await page.evaluate((l) => localStorage.setItem("attune.lang", l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Registers the test; `ctx` gives the suite's harness and page once its setup has run. */
export function messageFilterTests(ctx: () => { h: Harness; page: Page & { watch: PageWatch } }): void {
  it("filters messages on the server from the URL, in every interface language, through back, forward and reload", async () => {
    const { h, page } = ctx();
    const teams = (await h.api<{ items: { id: number; name: string }[] }>("GET", "/teams")).body.items;
    const supportA = teams.find((x) => x.name === "Support A")!.id;
    const expected = async (query: string) =>
      (await h.api<{ items: { id: number }[] }>("GET", `/messages?${query}&direction=customer,agent&limit=20`)).body.items.map((m) => m.id);
    const shown = () => page.getByTestId("message").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-message-id"))));
    const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
    const detractors = await expected("survey=nps&survey_max=6");
    const detractorsOfA = await expected(`survey=nps&survey_max=6&team=${supportA}`);
    const anyNps = await expected("survey=nps");
    expect(detractors.length).toBeGreaterThan(0);
    expect(anyNps).not.toEqual(detractors);
    expect(detractorsOfA).not.toEqual(detractors);

    for (const [lang, cat] of Object.entries(CATALOGUES)) {
      await page.goto(`${h.base}/#/messages`);
      await useLanguage(page, lang);
      await page.getByTestId("filter-from").waitFor();
      // Every filter is there, captioned in the interface language (the caption is the label's first text).
      const captions = await page
        .getByTestId("message-filters")
        .locator("label")
        .evaluateAll((ls) =>
          ls.map((l) => [l.querySelector("[data-testid]")!.getAttribute("data-testid")!.slice(7), l.firstChild?.textContent]),
        );
      expect(captions.length).toBe(SELECTS + 2);
      for (const [f, caption] of captions) expect(caption, `${lang} ${f}`).toBe(cat[`field.${f}` as MessageKey]);
      await page.getByTestId("filter-survey").selectOption("nps");
      await page.getByTestId("filter-survey_max").selectOption("6");
      await expect.poll(hash).toMatch(/survey=nps.*survey_max=6|survey_max=6.*survey=nps/);
      await expect.poll(shown).toEqual(detractors);
      await page.getByTestId("filter-team").selectOption(String(supportA));
      await expect.poll(shown).toEqual(detractorsOfA);
      await page.goBack();
      await expect.poll(hash).not.toContain("team=");
      await expect.poll(shown).toEqual(detractors);
      expect(await page.getByTestId("filter-team").inputValue()).toBe("");
      await page.goBack();
      await expect.poll(shown).toEqual(anyNps);
      await page.goForward();
      await page.goForward();
      await expect.poll(shown).toEqual(detractorsOfA);
      await page.reload();
      await expect.poll(shown).toEqual(detractorsOfA);
      expect(await page.getByTestId("filter-survey_max").inputValue()).toBe("6");
      expect(await page.getByTestId("filter-team").inputValue()).toBe(String(supportA));
      await h.shot(page, `16-message-filters-${lang}`);
    }
  });

  it("downloads the chosen dates as CSV, the export API's bytes, with the button captioned in every interface language", async () => {
    const { h, page } = ctx();
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(7), day(0)];
    for (const [lang, cat] of Object.entries(CATALOGUES)) {
      await page.goto(`${h.base}/#/messages?from=${from}&to=${to}&channel=email`);
      await useLanguage(page, lang);
      const link = page.getByTestId("export-csv");
      await expect.poll(() => link.textContent()).toBe(cat["messages.exportCsv"]);
      // The dates go to the export; the other filters do not, as the hint says.
      expect(await link.getAttribute("href")).toBe(`/api/v1/export/messages?format=csv&from=${from}&to=${to}`);
      expect(await link.locator("xpath=following-sibling::span").textContent()).toBe(cat["messages.exportHint"]);
    }
    const download = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    const file = readFileSync((await (await download).path())!, "utf8");
    const api = await fetch(`${h.base}/api/v1/export/messages?format=csv&from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${h.adminKey}` },
    });
    expect(file).toBe(await api.text());
    const rows = parse(file, { relaxColumnCount: false }) as string[][];
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.slice(1).map((r) => r[2])).size).toBeGreaterThan(1); // every channel, not the page's email filter
  });
}
