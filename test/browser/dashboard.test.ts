/// <reference lib="dom" />
/**
 * The dashboard in a real browser (Debian's chromium via playwright-core) against a real
 * `attune serve`: sign-in, the overview's charts and their drill-down, evidence highlighting, the
 * people-team view under the anonymity threshold, an XSS corpus with no script run and no CSP
 * violation, the messages filters, what moves NPS, the period comparison and recovery in every
 * interface language, axe-core on every page in every interface language, and screenshots of
 * every page in screenshots/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerCorpus, XSS } from "../../support/browser/corpus.js";
import { seedCorpus, startHarness, violations, type Harness, type PageWatch } from "../../support/browser/harness.js";
import { accessibilityTests } from "./accessibility.js";
import { messageFilterTests } from "./message-filters.js";
import { overviewInsightTests } from "./overview-insights.js";

const T = 90_000;

describe("dashboard in chromium", { timeout: T }, () => {
  let h: Harness;
  let page: Page & { watch: PageWatch };
  const now = Date.now();

  beforeAll(async () => {
    h = await startHarness();
    await seedCorpus(h, now);
    page = await h.newPage();
    // A guard, not a measure: the setup waits for state (server listening, every message read), which
    // takes minutes when the 2-core machine runs other suites at once.
  }, 600_000);

  afterAll(async () => {
    await h?.close();
  });

  it("signs in with a session cookie (HttpOnly, SameSite) and refuses a wrong password", async () => {
    await page.goto(`${h.base}/`);
    const csp = (await page.request.get(`${h.base}/`)).headers()["content-security-policy"]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    await h.shot(page, "01-sign-in");
    await page.getByLabel(/email/i).fill("admin@example.com");
    await page.getByLabel(/password/i).fill("not the password");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/not right/);
    await h.signIn(page, "admin");
    const cookie = (await h.context.cookies()).find((c) => c.name === "attune_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    // The session cannot write without the CSRF token the app holds in memory.
    const forged = await page.evaluate(
      async () =>
        (
          await fetch("/api/v1/keys", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: "x", role: "agent" }),
          })
        ).status,
    );
    expect(forged).toBe(403);
  });

  it("draws the overview's charts from data and opens the messages behind a bar", async () => {
    await page.goto(`${h.base}/#/settings`);
    await page.getByTestId("settings-page").waitFor();
    const overview = page.waitForResponse((r) => r.url().includes("/api/v1/insights/overview"));
    await page.goto(`${h.base}/#/overview`);
    const data = (await (await overview).json()) as { total: number; emotions: { emotion: string; count: number }[]; causes: unknown[] };
    const customers = customerCorpus(now).filter((m) => m.direction !== "agent").length;
    expect(data.total).toBeGreaterThanOrEqual(customers);
    expect(data.emotions.length).toBeGreaterThan(1);
    expect(data.causes.length).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId("kpi-total").textContent()).toContain(String(data.total));
    for (const id of ["chart-volume", "chart-emotions", "chart-urgency", "chart-causes"]) {
      const canvas = page.getByTestId(id).locator("canvas");
      await canvas.waitFor();
      // A drawn chart has many distinct colours on its canvas; an empty one has one or two.
      const colours = await canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < d.length; i += 16) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
        return seen.size;
      });
      expect(colours, id).toBeGreaterThan(5);
    }
    await h.shot(page, "02-overview");

    // The emotion chart lists the most frequent emotion at the top: click its bar.
    const top = data.emotions[0]!.emotion;
    const box = (await page.getByTestId("chart-emotions").boundingBox())!;
    const band = (box.height - 8 - 24) / data.emotions.length;
    await page.mouse.click(box.x + 114, box.y + 8 + band / 2);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`emotion=${top}`);
    await page.getByTestId("message").first().waitFor();
    const shown = await page.getByTestId("message").count();
    expect(shown).toBeGreaterThan(0);
    // Every listed message carries the emotion clicked.
    await expect.poll(() => page.locator(`[data-testid=message] .chip.emotion`).count()).toBeGreaterThan(0);
    const ids = await page.getByTestId("message").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-message-id"))));
    for (const id of ids.slice(0, 5)) {
      const m = await h.api<{ reading: { emotions: { label: string }[] } }>("GET", `/messages/${id}`);
      expect(m.body.reading.emotions.map((e) => e.label)).toContain(top);
    }
    await h.shot(page, "03-messages");
  });

  it("shows a message with its Reading, the evidence marked exactly at its offsets", async () => {
    const list = await h.api<{ items: { id: number; external_id: string }[] }>("GET", "/messages?text=parcel%20is%20two%20weeks");
    const id = list.body.items[0]!.id;
    const detail = await h.api<{
      text: string;
      reading: {
        emotions: { label: string; evidence: { start: number; end: number; text: string }[] }[];
        causes: { evidence: { text: string }[] }[];
      };
    }>("GET", `/messages/${id}`);
    await page.goto(`${h.base}/#/messages/${id}`);
    await page.getByTestId("message-view").waitFor();
    const text = page.getByTestId("message-view").locator(".message-text").first();
    await text.locator("mark").first().waitFor();
    // The text node content is the message, unchanged; marks cover exactly the evidence.
    expect(await text.textContent()).toBe(detail.body.text);
    // Offsets covered by <mark> elements, walking the text nodes in order.
    const covered = await text.evaluate((p) => {
      const out: boolean[] = [];
      for (const n of Array.from(p.childNodes)) {
        const len = (n.textContent ?? "").length;
        for (let i = 0; i < len; i++) out.push(n.nodeName === "MARK");
      }
      return out;
    });
    const r = detail.body.reading as unknown as Record<string, { evidence: { start: number; end: number; text: string }[] }[]>;
    const spans = ["emotions", "needs", "causes", "signals"].flatMap((k) => r[k]!.flatMap((x) => x.evidence));
    expect(spans.length).toBeGreaterThan(0);
    const inSpan = new Array(detail.body.text.length).fill(false);
    for (const s of spans) {
      expect(detail.body.text.slice(s.start, s.end)).toBe(s.text);
      for (let i = s.start; i < s.end; i++) {
        inSpan[i] = true;
        expect(covered[i], `offset ${i} of "${s.text}"`).toBe(true);
      }
    }
    expect(covered).toEqual(inSpan);
    await expect.poll(() => page.getByTestId("reading-chips").first().locator(".chip.emotion").count()).toBeGreaterThan(0);
    // The thread shows the agent's reply under the customer's message.
    await expect.poll(() => page.locator(".thread [data-testid=message]").count()).toBe(2);
    await h.shot(page, "04-message-view");
  });

  it("renders Thai and Telugu text and the Thai interface", async () => {
    await page.getByTestId("ui-language").selectOption("en");
    await page.goto(`${h.base}/#/messages?language=te`);
    await page.getByTestId("message").first().waitFor();
    await expect.poll(() => page.locator(".message-text").first().textContent()).toMatch(/[\u0C00-\u0C7F]/);
    await h.shot(page, "05-messages-telugu");
    await page.getByTestId("ui-language").selectOption("th");
    await page.goto(`${h.base}/#/messages?language=th`);
    await page.getByTestId("message").first().waitFor();
    await expect.poll(() => page.locator("nav").textContent()).toContain("ภาพรวม");
    await expect.poll(() => page.locator(".message-text").first().textContent()).toMatch(/[\u0E00-\u0E7F]/);
    // Thai and Telugu have fonts of their own here: text set in them measures differently from the
    // monospace fallback (equal widths would mean the font is missing and boxes or a fallback are drawn).
    const fonts = await page.evaluate(() => {
      const c = document.createElement("canvas").getContext("2d")!;
      const differs = (family: string, sample: string) => {
        c.font = "20px monospace";
        const base = c.measureText(sample).width;
        c.font = `20px "${family}", monospace`;
        return c.measureText(sample).width !== base;
      };
      return { thai: differs("Noto Sans Thai", "ภาพรวมข้อความ"), telugu: differs("Noto Sans Telugu", "తెలుగు సందేశాలు") };
    });
    expect(fonts).toEqual({ thai: true, telugu: true });
    await h.shot(page, "06-messages-thai-ui");
    await page.getByTestId("ui-language").selectOption("cs");
    await page.goto(`${h.base}/#/overview`);
    await page.getByTestId("chart-volume").locator("canvas").waitFor();
    await expect.poll(() => page.locator("nav").textContent()).toContain("Přehled");
    await h.shot(page, "07-overview-czech");
    await page.getByTestId("ui-language").selectOption("en");
    await expect.poll(() => page.locator("nav").textContent()).toContain("Overview");
  });

  it("lists public posts by reach and the spikes", async () => {
    await page.goto(`${h.base}/#/public`);
    await page.getByTestId("public-page").waitFor();
    await page.getByTestId("message").first().waitFor();
    const reaches = await page.locator(".with-reach .reach .kpi-value").allTextContents();
    const nums = reaches.map(Number);
    expect(nums.length).toBeGreaterThan(2);
    expect([...nums].sort((a, b) => b - a)).toEqual(nums);
    await page.getByTestId("chart-public").locator("canvas").waitFor();
    await h.shot(page, "08-public");
  });

  it("runs no script from the XSS corpus in text, subjects, names and team names, with no CSP violation", async () => {
    await page.goto(`${h.base}/#/messages?text=XSSCASE`);
    await expect.poll(() => page.getByTestId("message").count()).toBeGreaterThanOrEqual(XSS.length);
    await expect.poll(() => page.locator("[data-testid=message] [data-testid=reading-chips]").count()).toBeGreaterThanOrEqual(XSS.length);
    // Every payload is on the page as text.
    const body = (await page.locator("main").textContent())!;
    for (const p of XSS) expect(body).toContain(p);
    expect(await page.locator("main img, main svg:not(canvas svg), main iframe, main script, main style, main math").count()).toBe(0);
    await h.shot(page, "09-xss-messages");
    // One message with its thread, subject and marks.
    const first = await page.getByTestId("message").first().getAttribute("data-message-id");
    await page.goto(`${h.base}/#/messages/${first}`);
    await page.getByTestId("message-view").waitFor();
    // Team names (filters) and users' names (settings) hold payloads too.
    await page.goto(`${h.base}/#/overview`);
    await page.getByTestId("chart-volume").locator("canvas").waitFor();
    // The team list arrives in its own request, after the charts may have drawn: wait for the option.
    await page.getByTestId("filter-team").locator("option", { hasText: XSS[0] }).waitFor({ state: "attached" });
    await page.goto(`${h.base}/#/settings`);
    await page.getByTestId("users").locator("tbody tr").first().waitFor();
    // SLA policies per priority, from the rules in force.
    await expect.poll(() => page.getByTestId("case-rules").locator("tbody tr").count()).toBe(4);
    await page.getByTestId("key-name").fill(`<img src=x onerror="window.__xss='key'">`);
    await page.getByRole("button", { name: /create key/i }).click();
    await page.getByTestId("new-key").waitFor();
    // The key list reloads after the new key is shown: wait for the row, shown as text.
    await expect.poll(() => page.locator("main").textContent()).toContain(`<img src=x onerror="window.__xss='key'">`);
    // Nothing that could run a script later (an image's onerror, a frame) is in the page: what ran
    // has run, so the violations can be read now, without waiting for time to pass.
    expect(await page.locator("main img, main iframe, main script, main object, main embed").count()).toBe(0);
    const v = await violations(page);
    expect(v).toEqual({ xss: null, csp: [], console: [], dialogs: [] });
    await h.shot(page, "10-settings");
  });

  it("handles a case end to end: queue by priority, highlights, draft, live empathy check, reply, resolve", async () => {
    // Triage runs after reading; wait until the complaint about the late parcel has its case.
    const msg = await h.api<{ items: { id: number; thread_id: number }[] }>("GET", "/messages?text=parcel%20is%20two%20weeks");
    const threadId = msg.body.items[0]!.thread_id;
    let caseId: number | undefined;
    await expect
      .poll(
        async () => {
          const q = await h.api<{ items: { id: number; thread_id: number | null }[] }>("GET", "/cases?limit=200");
          caseId = q.body.items.find((x) => x.thread_id === threadId)?.id;
          return caseId;
        },
        { timeout: 30_000 },
      )
      .toBeDefined();
    const agent = await h.newPage();
    await h.context.clearCookies();
    await h.signIn(agent, "agent");
    await agent.goto(`${h.base}/#/queue`);
    await agent.getByTestId("queue-row").first().waitFor();
    const levels = await agent.locator("[data-testid=queue-row] .prio").allTextContents();
    expect(levels.length).toBeGreaterThan(1);
    expect([...levels].sort()).toEqual(levels);
    await agent.getByTestId("sla").first().waitFor();
    // The header counts cases in work per priority, as the server counts them.
    const counts = (await h.api<Record<string, number>>("GET", "/cases/counts")).body;
    await expect.poll(() => agent.getByTestId("queue-counts").textContent()).toContain(`${counts.P1}P1`);
    await h.shot(agent, "13-queue");

    await agent.locator(`[data-testid=queue-row][data-case-id="${caseId}"]`).click();
    await agent.getByTestId("case-page").waitFor();
    expect(await agent.getByTestId("case-explanation").textContent()).toMatch(/^P[1-4]: /);
    // The customer's message with its evidence marked, and the agent's earlier reply.
    await agent.locator("[data-testid=case-thread] mark").first().waitFor();
    expect(await agent.getByTestId("case-message").count()).toBeGreaterThanOrEqual(2);
    await agent.getByTestId("draft").first().waitFor();

    // A curt reply scores low; the check follows the typing.
    await agent.getByTestId("reply").fill("ok.");
    await expect
      .poll(
        async () =>
          Number(
            await agent
              .getByTestId("check-score")
              .getAttribute("data-score")
              .catch(() => null),
          ),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(0);
    const curt = Number(await agent.getByTestId("check-score").getAttribute("data-score"));
    // The drafted reply goes into the box and is checked too, higher.
    const draft = (await agent.getByTestId("draft").first().locator("p").textContent())!;
    await agent.getByTestId("use-draft").first().click();
    expect(await agent.getByTestId("reply").inputValue()).toBe(draft);
    await expect
      .poll(async () => Number(await agent.getByTestId("check-score").getAttribute("data-score")), { timeout: 10_000 })
      .toBeGreaterThan(curt);
    expect(await agent.locator(".criteria li").count()).toBeGreaterThan(3);
    await h.shot(agent, "14-case");

    await agent.getByTestId("send").click();
    await expect
      .poll(() =>
        agent
          .getByTestId("case-notice")
          .textContent()
          .catch(() => ""),
      )
      .toContain("Reply sent");
    await agent.getByTestId("resolve").click();
    await expect.poll(async () => (await h.api<{ status: string }>("GET", `/cases/${caseId}`)).body.status).toBe("resolved");
    const done = await h.api<{
      status: string;
      replies: { score: number }[];
      first_response_at: string | null;
      thread: { direction: string; text: string }[];
    }>("GET", `/cases/${caseId}`);
    expect(done.body.replies.length).toBeGreaterThanOrEqual(1);
    expect(done.body.first_response_at).not.toBeNull();
    expect(done.body.thread.some((m) => m.direction === "agent" && m.text === draft)).toBe(true);
    await agent.getByTestId("case-notice").waitFor();
    await h.shot(agent, "15-case-resolved");

    // Cases built from the XSS corpus render as text too.
    const xssCases = await h.api<{ items: { id: number; thread_id: number | null }[] }>("GET", "/cases?limit=200");
    const xssMsg = await h.api<{ items: { thread_id: number }[] }>("GET", "/messages?text=XSSCASE&limit=50");
    const xssThreads = new Set(xssMsg.body.items.map((m) => m.thread_id));
    for (const c of xssCases.body.items.filter((x) => x.thread_id !== null && xssThreads.has(x.thread_id)).slice(0, 4)) {
      await agent.goto(`${h.base}/#/cases/${c.id}`);
      await agent.getByTestId("case-thread").waitFor();
      await agent.getByTestId("case-message").first().waitFor();
    }
    const v = await violations(agent);
    expect(v).toEqual({ xss: null, csp: [], console: [], dialogs: [] });
    await agent.close();
  });

  it("shows the people team only groups of 5 or more, pools small teams, and has no per-person view", async () => {
    const people = await h.newPage();
    await h.context.clearCookies();
    const response = people.waitForResponse((r) => r.url().includes("/api/v1/insights/employee"));
    await h.signIn(people, "people_team");
    await people.goto(`${h.base}/#/people`);
    const body = (await (await response).json()) as {
      months: { month: string; suppressed: boolean; cells: { team: unknown; respondents: number; pooled_teams: string[] }[] }[];
    };
    for (const m of body.months) for (const c of m.cells) expect(c.respondents).toBeGreaterThanOrEqual(5);
    expect(body.months.some((m) => m.suppressed)).toBe(true);
    await people.getByTestId("people-table").waitFor();
    await h.shot(people, "11-people-team");
    const rows = await people.getByTestId("people-row").allTextContents();
    expect(rows.some((r) => r.startsWith("Warehouse"))).toBe(true);
    // Drivers (3) cannot stand alone, and Stores (5) joins the pool so Drivers is not total minus the rest.
    expect(rows.some((r) => /^Drivers/.test(r))).toBe(false);
    expect(rows.some((r) => /^Stores/.test(r))).toBe(false);
    expect(rows.find((r) => r.startsWith("Other teams"))).toMatch(/Drivers, Stores/);
    // Filtering by the small team gives the pool, never the team alone.
    const teams = await h.api<{ items: { id: number; name: string }[] }>("GET", "/teams");
    const drivers = teams.body.items.find((t) => t.name === "Drivers")!.id;
    const filtered = people.waitForResponse((r) => r.url().includes("/api/v1/insights/employee") && r.url().includes(`team=${drivers}`));
    await people.getByTestId("people-team").selectOption(String(drivers));
    const fb = (await (await filtered).json()) as typeof body;
    for (const m of fb.months) for (const c of m.cells) expect(c.respondents).toBeGreaterThanOrEqual(5);
    expect(fb.months.flatMap((m) => m.cells.map((c) => c.team))).not.toContainEqual(expect.objectContaining({ name: "Drivers" }));
    await people.getByTestId("people-row").first().waitFor();
    await h.shot(people, "12-people-team-filtered");
    // The month before held only 3 people: with only that month in view, nothing is shown.
    const d = new Date(now);
    const before = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
    const only = await people.evaluate(
      async (m) =>
        (await (await fetch(`/api/v1/insights/employee?from_month=${m}&to_month=${m}`)).json()) as {
          months: { suppressed: boolean; cells: unknown[] }[];
        },
      before,
    );
    expect(only.months).toEqual([{ month: before, suppressed: true, cells: [] }]);
    // No per-person view: the page links to no message and no person.
    expect(await people.locator("main a[href*='messages'], main a[href*='people/']").count()).toBe(0);
    const v = await violations(people);
    expect(v.csp).toEqual([]);
    expect(v.xss).toBeNull();
    await people.close();
  });

  // These share this suite's server and page; the axe sweep signs in as admin again (the test above
  // left the people team signed in), and the filters test uses that session.
  accessibilityTests(() => ({ h, page }));
  messageFilterTests(() => ({ h, page }));
  overviewInsightTests(() => ({ h, page }));
});
