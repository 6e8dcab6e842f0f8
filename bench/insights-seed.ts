/**
 * Seeds a store with N messages for the insights benchmarks (bench/insights-query.ts and
 * bench/export-csv.ts), fast: messages, their Readings (flattened by the store's own
 * `readingRows`, so columns, labels and rollup triggers are what the reading stage writes) and
 * survey answers go straight in, in batches, instead of through ingest and the reading engine
 * (which take hours for a million on a shared 2-core machine; bench/query-seed.ts does that).
 * Texts are the templated multilingual bench messages, some with formula-like starts; the
 * Readings are synthetic with known drivers: billing complaints lower NPS, kind staff raise it.
 *
 * @example
 * nice -n 10 npx tsx bench/insights-seed.ts --db .bench-out/insights.db --count 1000000
 * nice -n 10 npx tsx bench/insights-seed.ts --pg --schema bench_insights --count 1000000
 */
import { parseArgs } from "node:util";
import { makeReading } from "../src/analysis/respond/test-reading.js";
import type { CauseReading, Reading } from "../src/core/reading.js";
import { seededRandom } from "../src/core/seeded-random.js";
import { ensureSource } from "../src/store/sources.js";
import type { Kysely } from "kysely";
import { openStore } from "../src/store/open-store.js";
import { readingRows } from "../src/store/reading-row.js";
import { refreshSurveyFacts } from "../src/store/survey-facts.js";
import { syntheticMessages } from "./ingest-synthetic.js";

const { values: v } = parseArgs({
  options: {
    db: { type: "string", default: ".bench-out/insights.db" },
    pg: { type: "boolean" },
    schema: { type: "string", default: "bench_insights" },
    count: { type: "string", default: "1000000" },
  },
});

const CAUSES = ["price_or_billing", "staff_treatment", "delivery_or_wait", "product_quality", "communication_gap", "usability"] as const;
const START = Date.UTC(2025, 0, 1);

/** Causes, sentiment and survey answer of the i-th message, from a seeded stream. */
function synthetic(r: () => number): {
  causes: Pick<CauseReading, "label" | "polarity">[];
  survey: { kind: "nps" | "csat" | "ces"; score: number } | null;
} {
  const causes: Pick<CauseReading, "label" | "polarity">[] = [];
  for (const label of CAUSES) if (r() < 0.18) causes.push({ label, polarity: r() < 0.7 ? "negative" : "positive" });
  const has = (l: string, p: string) => causes.some((c) => c.label === l && c.polarity === p);
  // NPS leans on two causes: billing complaints down, kind staff up; the rest is noise.
  const lean = (has("price_or_billing", "negative") ? -0.35 : 0) + (has("staff_treatment", "positive") ? 0.35 : 0);
  const u = r();
  let survey: { kind: "nps" | "csat" | "ces"; score: number } | null = null;
  if (u < 0.15) survey = { kind: "nps", score: Math.max(0, Math.min(10, Math.round(7 + lean * 10 + (r() - 0.5) * 8))) };
  else if (u < 0.2) survey = { kind: "csat", score: 1 + Math.floor(r() * 5) };
  else if (u < 0.25) survey = { kind: "ces", score: 1 + Math.floor(r() * 7) };
  return { causes, survey };
}

async function insertBatch(db: Kysely<any>, rows: Record<string, unknown>[], table: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 250)
    if (rows.length > i)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 250))
        .execute();
}

async function main(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const store = await openStore(v.pg ? { url: pgUrl, schema: v.schema!, poolSize: 4 } : { sqlitePath: v.db! });
  const count = Number(v.count);
  const source = await ensureSource(store, store.workspaceId, "bench-insights", "bench");
  const gen = syntheticMessages({ seed: 15, start: START, spanDays: 365, prefix: "ins" });
  const r = seededRandom(1515);
  const t0 = performance.now();
  const BATCH = 5000;
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const msgs = Array.from({ length: n }, (_, k) => {
      const m = gen.next();
      // Every 500th text starts like a formula: the export must neutralise it.
      const text = (done + k) % 500 === 0 ? `=HYPERLINK("http://x.example","${m.text.slice(0, 20)}")` : m.text;
      return {
        workspace_id: store.workspaceId,
        source_id: source,
        external_id: m.external_id,
        content_hash: m.external_id,
        direction: m.direction ?? "customer",
        channel: m.channel ?? "chat",
        is_public: 0,
        text,
        language_hint: null,
        sent_at: m.sent_at ?? START,
        received_at: m.sent_at ?? START,
      };
    });
    await store.db.transaction().execute(async (trx) => {
      const ids = [];
      // SQLite takes at most 32,766 bound values per statement.
      for (let i = 0; i < msgs.length; i += 1000)
        ids.push(
          ...(await trx
            .insertInto("messages")
            .values(msgs.slice(i, i + 1000))
            .returning(["id", "sent_at", "channel", "direction"])
            .execute()),
        );
      const readings: Record<string, unknown>[] = [];
      const labels: Record<string, unknown>[] = [];
      const answers: Record<string, unknown>[] = [];
      for (const m of ids) {
        const s = synthetic(r);
        const reading: Reading = makeReading({
          sentiment: {
            label: s.causes.some((c) => c.polarity === "negative") ? "negative" : "positive",
            score: 0,
            confidence: 0.8,
            evidence: [],
          },
          causes: s.causes.map((c) => ({ ...c, score: 0.7, evidence: [] })),
          emotions: [{ label: "anger", score: 0.6, evidence: [] }],
        });
        const rows = readingRows(
          { id: m.id, workspace_id: store.workspaceId, sent_at: m.sent_at, channel: m.channel, direction: m.direction, team_id: null },
          reading,
          Date.now(),
        );
        readings.push(rows.reading);
        labels.push(...rows.labels);
        if (s.survey && m.direction === "customer")
          answers.push({
            workspace_id: store.workspaceId,
            message_id: m.id,
            kind: s.survey.kind,
            score: s.survey.score,
            answered_at: m.sent_at,
          });
      }
      await insertBatch(trx as unknown as Kysely<any>, readings, "readings");
      await insertBatch(trx as unknown as Kysely<any>, labels, "reading_labels");
      await insertBatch(trx as unknown as Kysely<any>, answers, "survey_answers");
      // As the reading stage does in the transaction that writes the Readings.
      await refreshSurveyFacts(
        trx as unknown as Kysely<any>,
        store.dialect,
        answers.map((a) => a.message_id as number),
      );
    });
    // Bulk loading outruns autovacuum: without fresh statistics PostgreSQL plans each batch's
    // survey_facts refresh as if its tables were small (a scan of every reading per batch).
    if (store.dialect === "postgres" && (done / BATCH) % 20 === 0)
      await (await import("kysely")).sql.raw("analyze survey_answers, readings, reading_labels, survey_facts").execute(store.db);
    if ((done / BATCH) % 20 === 0) process.stderr.write(`seeded ${done} (${Math.round((performance.now() - t0) / 1000)} s)\n`);
  }
  await (await import("kysely")).sql.raw(store.dialect === "postgres" ? "vacuum analyze" : "analyze").execute(store.db);
  process.stdout.write(
    JSON.stringify({ database: store.dialect, messages: count, seconds: Math.round((performance.now() - t0) / 1000) }) + "\n",
  );
  await store.close();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
