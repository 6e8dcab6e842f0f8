/**
 * The sample workspace is alive on its first start, whenever that is: its times are moved up to
 * the day it loads (the queue is not "overdue by months"), employee feedback keeps its closed month,
 * and its NPS answers make the drivers chart meaningful: one cause lowers NPS and another raises
 * it, each with a 95% interval that excludes 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSamples } from "../src/ingest/load-samples.js";
import { surveyDrivers } from "../src/insights/survey-insights.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;
// Ingest checks times against the real clock (nothing from the future), so the workspace loads at the real now.
const NOW = Date.now();
const n = new Date(NOW);
const LAST_MONTH = new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

describe("sample workspace on sqlite", { timeout: 300_000 }, () => {
  let store: Opened;

  beforeAll(async () => {
    store = await DATABASES[0]!.open();
    expect(await loadSamples(store, undefined, NOW)).toMatchObject({ rejected: 0 });
  }, 300_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  it("dates the messages up to the day it loads, none in the future", async () => {
    const rows = await store.db.selectFrom("messages").select(["sent_at", "direction"]).execute();
    const customers = rows.filter((r) => r.direction !== "employee").map((r) => r.sent_at);
    expect(Math.max(...rows.map((r) => r.sent_at))).toBeLessThanOrEqual(NOW);
    expect(NOW - Math.max(...customers)).toBeLessThan(86_400_000);
    expect(NOW - Math.min(...customers)).toBeLessThan(61 * 86_400_000);
    // The pulse-survey month (October in the files) is the last closed month now.
    const closed = rows.filter((r) => r.direction === "employee" && new Date(r.sent_at).toISOString().startsWith(LAST_MONTH));
    expect(closed.length).toBeGreaterThanOrEqual(70);
  });

  it("has NPS answers where one cause lowers NPS and another raises it, both outside 0", async () => {
    await new Pipeline({ store, engine: await sharedReader() }).drain();
    const d = await surveyDrivers(store, { workspaceId: store.workspaceId }, "nps");
    const lowers = d.drivers.find((x) => x.effect < 0 && x.ci_high < 0);
    const raises = d.drivers.find((x) => x.effect > 0 && x.ci_low > 0);
    expect(lowers, JSON.stringify(d.drivers)).toMatchObject({ cause: "communication_gap", polarity: "negative" });
    expect(raises, JSON.stringify(d.drivers)).toMatchObject({ cause: "staff_treatment", polarity: "positive" });
  });
});
