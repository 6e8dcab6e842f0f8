import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as exportCommand } from "../src/cli/export.js";
import { readConfig } from "../src/core/config.js";
import { EXPORT_COLUMNS, exportMessagesCsv } from "../src/insights/export-messages.js";
import { DATABASES } from "./helpers/databases.js";
import { seedSurveyAnswers, type SeedRow } from "./helpers/survey-seed.js";
import { testApp, type TestApp } from "./helpers/test-app.js";

const DAY = 86_400_000;
const START = Date.UTC(2026, 4, 4);
const TEXTS = [
  '=HYPERLINK("http://evil.example","click")',
  "+1 555 0100 call me",
  "-5 stars, never again",
  "@here refund?",
  'Said "no", twice,\r\nthen hung up',
  "ส่งช้ามาก ไม่พอใจค่ะ",
  "\tindented",
];

function rows(): SeedRow[] {
  const out: SeedRow[] = [];
  for (let i = 0; i < 23; i++)
    out.push({
      input: {
        external_id: `x-${i}`,
        text: TEXTS[i % TEXTS.length]!,
        channel: i % 2 ? "email" : "chat",
        author: `cust-${i}`,
        direction: i % 5 === 4 ? "agent" : "customer",
        sent_at: START + i * 3_600_000,
        ...(i % 3 === 0 ? { survey: { kind: "nps" as const, score: i % 11 } } : {}),
      },
      causes: i % 2 ? [{ label: "price_or_billing", polarity: "negative" }] : [],
      sentiment: "negative",
    });
  out.push({
    input: { external_id: "emp", text: "my manager", channel: "survey", author: "e-1", direction: "employee", sent_at: START },
    causes: [],
  });
  out.push({ input: { external_id: "late", text: "outside", author: "c", sent_at: START + 10 * DAY }, causes: [] });
  return out;
}

describe.each(DATABASES)("message export on $name", (database) => {
  let store: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let analyst: string;
  let ids: number[];

  beforeAll(async () => {
    store = await database.open();
    ids = await seedSurveyAnswers(store, rows());
    t = await testApp(store);
    analyst = await t.key("analyst");
  }, 120_000);
  afterAll(async () => {
    await store?.cleanup();
  });

  async function exported(path: string): Promise<Record<string, string>[]> {
    const res = await t.get(path, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    return parse(await res.text(), { columns: true }) as Record<string, string>[];
  }

  it("streams one RFC 4180 row per message of the window, never employee feedback, formulas neutralised", async () => {
    const got = await exported(`/export/messages?format=csv&from=2026-05-04&to=2026-05-06`);
    expect(Object.keys(got[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(got.map((r) => Number(r.id))).toEqual(ids.slice(0, 23));
    expect(got.some((r) => r.text === "my manager" || r.direction === "employee")).toBe(false);
    got.forEach((r, i) => {
      const text = TEXTS[i % TEXTS.length]!;
      expect(r.text).toBe(/^[=+\-@\t]/.test(text) ? `'${text}` : text);
    });
    const first = got[0]!;
    expect(first).toMatchObject({
      channel: "chat",
      sentiment: "negative",
      survey_kind: "nps",
      survey_score: "0",
      complaint: "false",
      causes: "",
    });
    expect(got[1]!.causes).toBe("price_or_billing:negative");
    expect(first.sent_at).toBe(new Date(START).toISOString());
  });

  it("gives the same rows whatever the page size (keyset pages)", async () => {
    let small = "";
    for await (const chunk of exportMessagesCsv(store, { workspaceId: store.workspaceId, pageSize: 4 })) small += chunk;
    const res = await t.get(`/export/messages`, analyst);
    expect(await res.text()).toBe(small);
    expect((parse(small, { columns: true }) as unknown[]).length).toBe(24);
  });

  it("is for roles that read insights", async () => {
    expect((await t.get(`/export/messages?format=csv`, await t.key("agent"))).status).toBe(403);
    expect((await t.get(`/export/messages?format=xml`, analyst)).status).toBe(400);
  });

  it("attune export writes the same CSV to a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-export-"));
    try {
      const out = join(dir, "x.csv");
      const loc = store.location;
      const config = readConfig(loc.url ? { DATABASE_URL: loc.url, DATABASE_SCHEMA: loc.schema } : {});
      const code = await exportCommand(
        [...(loc.sqlitePath ? ["--db", loc.sqlitePath] : []), "--from", "2026-05-04", "--to", "2026-05-06", "--out", out],
        config,
      );
      expect(code).toBe(0);
      const res = await t.get(`/export/messages?from=2026-05-04&to=2026-05-06`, analyst);
      expect(readFileSync(out, "utf8")).toBe(await res.text());
      expect(await exportCommand(["--from", "May 4"], config)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
