/// <reference lib="dom" />
/**
 * The overview's insights in chromium, in each interface language: "what moves NPS" draws a bar
 * and interval for each driver the server finds (one lowering NPS, one raising it), its caption in
 * that language, and a click on a driver opens the survey answers behind it; the headline figures
 * carry their change against the previous period as the server computes it; the recovery chart is
 * drawn when a case has been judged, and absent otherwise. Registered inside the dashboard suite (shared server, page).
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { Harness, PageWatch } from "../../support/browser/harness.js";
import { CATALOGUES, useLanguage } from "./message-filters.js";

interface Drivers {
  n: number;
  drivers: { cause: string; polarity: string; effect: number; ci_low: number; ci_high: number }[];
}
interface Overview {
  total: number;
  scores: { nps: { value: number | null } };
  previous: { total: number; scores: { nps: { value: number | null } } } | null;
}

/** Distinct colours on a canvas: a drawn chart has many, an empty one one or two. */
async function colours(page: Page, testId: string): Promise<number> {
  const canvas = page.getByTestId(testId).locator("canvas");
  await canvas.waitFor();
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  });
}

/** Registers the test; `ctx` gives the suite's harness and page once its setup has run. */
export function overviewInsightTests(ctx: () => { h: Harness; page: Page & { watch: PageWatch } }): void {
  it("shows what moves NPS, the change against the previous period and recovery, in every interface language", async () => {
    const { h, page } = ctx();
    for (const [lang, cat] of Object.entries(CATALOGUES)) {
      await page.goto(`${h.base}/#/settings`);
      await useLanguage(page, lang);
      const drivers = page.waitForResponse((r) => r.url().includes("/api/v1/insights/drivers"));
      const overview = page.waitForResponse((r) => r.url().includes("/api/v1/insights/overview"));
      await page.goto(`${h.base}/#/overview?range=7`);
      const d = (await (await drivers).json()) as Drivers;
      const o = (await (await overview).json()) as Overview;
      const lowers = d.drivers.find((x) => x.ci_high < 0);
      const raises = d.drivers.find((x) => x.ci_low > 0);
      expect(lowers).toMatchObject({ cause: "communication_gap", polarity: "negative" });
      expect(raises).toMatchObject({ cause: "staff_treatment", polarity: "positive" });
      expect(await colours(page, "chart-drivers")).toBeGreaterThan(5);
      const caption = await page
        .getByTestId("drivers")
        .locator("figcaption")
        .evaluate((f) => f.firstChild?.textContent);
      expect(caption?.trim()).toBe(cat["overview.drivers"].replace("{metric}", cat["metric.nps"]));
      // The period comparison, as the server counted it.
      expect(o.previous).not.toBeNull();
      await expect
        .poll(() => page.getByTestId("kpi-total").locator(".kpi-change").getAttribute("data-delta"))
        .toBe(String(o.total - o.previous!.total));
      if (o.scores.nps.value !== null && o.previous!.scores.nps.value !== null)
        expect(Number(await page.getByTestId("kpi-nps").locator(".kpi-change").getAttribute("data-delta"))).toBeCloseTo(
          o.scores.nps.value - o.previous!.scores.nps.value,
          6,
        );
      // Recovery is judged once a resolved case's customer writes again; without one there is no chart.
      const judged = (await h.api<{ items: { judged: number }[] }>("GET", "/recovery?by=cause")).body.items.some((x) => x.judged > 0);
      if (judged) expect(await colours(page, "chart-recovery")).toBeGreaterThan(5);
      else expect(await page.getByTestId("chart-recovery").count()).toBe(0);
      await h.shot(page, `17-overview-insights-${lang}`);
    }
    // The top driver's name opens the answers behind it (the language is tl now): the names are
    // right-aligned left of the plot (grid: 190 px left, 8 top, 24 bottom), one band per driver.
    const shown = (await h.api<Drivers>("GET", "/insights/drivers?metric=nps")).body.drivers.length;
    await page.getByTestId("chart-drivers").scrollIntoViewIfNeeded();
    const box = (await page.getByTestId("chart-drivers").boundingBox())!;
    await page.mouse.click(box.x + 150, box.y + 8 + (box.height - 32) / shown / 2);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/survey=nps/);
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    const cause = /cause=([a-z_]+)/.exec(hash)![1]!;
    const polarity = /cause_polarity=([a-z]+)/.exec(hash)![1]!;
    await page.getByTestId("message").first().waitFor();
    const ids = await page.getByTestId("message").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-message-id"))));
    for (const id of ids.slice(0, 5)) {
      const m = await h.api<{ survey: { kind: string }[]; reading: { causes: { label: string; polarity: string }[] } }>(
        "GET",
        `/messages/${id}`,
      );
      expect(m.body.survey.map((s) => s.kind)).toContain("nps");
      expect(m.body.reading.causes).toContainEqual(expect.objectContaining({ label: cause, polarity }));
    }
  });
  it("shows the service panel per priority, team and channel as the server computes it, in every interface language", async () => {
    const { h, page } = ctx();
    type Service = { by: string; total: { cases: number }; items: { key: string; name?: string | null }[] };
    // Cases open in triage, after reading: wait until it has taken every read message.
    await expect.poll(async () => (await h.api<{ triage_queue: { pending: number } }>("GET", "/health")).body.triage_queue.pending).toBe(0);
    for (const [lang, cat] of Object.entries(CATALOGUES)) {
      await page.goto(`${h.base}/#/settings`);
      await useLanguage(page, lang);
      const first = page.waitForResponse((r) => r.url().includes("/api/v1/insights/service"));
      await page.goto(`${h.base}/#/overview?range=7`);
      const s = (await (await first).json()) as Service;
      const panel = page.getByTestId("service");
      await expect.poll(() => panel.locator("figcaption").evaluate((f) => f.firstChild?.textContent?.trim())).toBe(cat["service.title"]);
      // The corpus's complaints open cases in two teams and several channels.
      expect(s.total.cases).toBeGreaterThan(0);
      const names: Record<string, (i: Service["items"][number]) => string> = {
        priority: (i) => cat["service.priority"].replace("{n}", i.key),
        team: (i) => i.name ?? cat["service.noTeam"],
        channel: (i) => cat[`channel.${i.key}` as keyof typeof cat] ?? i.key,
      };
      const headers = { priority: cat["service.group"], team: cat["filters.team"], channel: cat["filters.channel"] };
      let answer = s;
      for (const by of ["priority", "team", "channel"] as const) {
        if (by !== "priority") {
          const next = page.waitForResponse((r) => r.url().includes("/api/v1/insights/service") && r.url().includes(`by=${by}`));
          await page.getByTestId("service-by").selectOption(by);
          answer = (await (await next).json()) as Service;
          await expect.poll(() => page.evaluate(() => location.hash)).toContain(`service_by=${by}`);
        }
        expect(answer.by).toBe(by);
        // One row for all cases, then one per group the server found, named in this language.
        const table = page.locator(`[data-testid="service-table"][data-by="${by}"]`);
        await table.waitFor();
        await expect.poll(() => table.locator("tbody tr").count()).toBe(answer.items.length + 1);
        expect(await table.getByTestId("service-row-all").locator("th").textContent()).toBe(cat["service.all"]);
        for (const i of answer.items)
          expect(
            await table
              .getByTestId(`service-row-${i.key || "none"}`)
              .locator("th")
              .textContent(),
          ).toBe(names[by]!(i));
        expect(await table.locator("thead th").first().textContent()).toBe(headers[by]);
        expect(await table.locator("thead th").nth(2).textContent()).toBe(cat["service.firstResponse"]);
      }
      if (lang === "en") await h.shot(page, "18-service-by-channel");
    }
  });
}
