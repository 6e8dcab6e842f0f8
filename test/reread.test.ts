import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readConfig } from "../src/core/config.js";
import { makeReading } from "../src/analysis/respond/test-reading.js";
import { DEFAULT_CASE_RULES, reasonsToOpen } from "../src/cases/case-rules.js";
import { run as reread } from "../src/cli/reread.js";
import type { ReadingEngine } from "../src/core/reading.js";
import { Ingestor } from "../src/ingest/ingestor.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import { DATABASES } from "./helpers/databases.js";
import { sharedReader } from "./helpers/test-app.js";

type Opened = Awaited<ReturnType<(typeof DATABASES)[number]["open"]>>;

const TEXTS = [
  "This is the worst service ever. I want my money back now or I will take you to court!",
  "Grabe, 2 weeks na wala pa rin yung order ko! Ang pangit ng serbisyo niyo, hindi na ako bibili ulit",
  "Thanks, the parcel arrived today and everything is fine",
];

/** An older pipeline that read everything as calm: no case opened. */
const calm: ReadingEngine = {
  version: { pipeline: "0.0.0-old", models: {} },
  analyze: () => makeReading({ version: { pipeline: "0.0.0-old", models: {} } }),
};

describe.each(DATABASES)("attune reread on $name", (database) => {
  let store: Opened;
  beforeAll(async () => {
    store = await database.open();
    const ing = await Ingestor.open(store, { source: "reread", origin: "import" });
    for (const [i, text] of TEXTS.entries())
      await ing.add(i, {
        external_id: `r-${i}`,
        thread: `t-${i}`,
        text,
        channel: "email",
        author: `c-${i}`,
        sent_at: Date.UTC(2026, 0, 5) + i * 60_000,
      });
    await ing.finish();
    expect(await new Pipeline({ store, engine: calm }).drain()).toEqual({ read: 3, triaged: 3 });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  const cli = async (...flags: string[]): Promise<Record<string, number>> => {
    const loc = store.location;
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const config = readConfig(loc.schema ? { DATABASE_SCHEMA: loc.schema } : {});
    try {
      expect(await reread(["--db", loc.sqlitePath ?? loc.url!, "--wait", ...flags], config)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    return JSON.parse(out.join(""));
  };
  const cases = () => store.db.selectFrom("cases").select(["thread_id", "contacts"]).execute();
  const events = async () =>
    Number(
      (
        await store.db
          .selectFrom("case_events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("re-triages what it re-reads: threads whose new reading calls for a case get one, and only one", { timeout: 60_000 }, async () => {
    const reader = await sharedReader();
    const expected = TEXTS.filter(
      (t) =>
        reasonsToOpen(DEFAULT_CASE_RULES, reader.analyze(t, { channel: "email", direction: "customer" }), {
          channel: "email",
          direction: "customer",
        }).length > 0,
    ).length;
    expect(expected).toBe(2);
    expect(await cases()).toHaveLength(0);

    const first = await cli();
    expect(first).toMatchObject({ queued: 3, read: 3, triaged: 3, pending: 0 });
    const opened = await cases();
    expect(opened).toHaveLength(expected);
    expect(opened.every((c) => c.contacts === 1)).toBe(true);

    // Read again (same version): nothing new to open, no second case, no event counted twice.
    const before = await events();
    expect(await cli("--all")).toMatchObject({ queued: 3, read: 3, triaged: 3 });
    expect(await cases()).toHaveLength(expected);
    expect(await events()).toBe(before);
  });
});
