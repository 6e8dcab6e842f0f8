/**
 * A store seeded with survey answers whose Readings carry known causes, without the reading
 * pipeline: messages go in through the real ingest path, their Readings are built from a cause
 * list per message and written with the reading stage's own store call.
 *
 * @example
 * const ids = await seedSurveyAnswers(store, rows);
 */
import { makeReading } from "../../src/analysis/respond/test-reading.js";
import type { CauseReading } from "../../src/core/reading.js";
import { Ingestor } from "../../src/ingest/ingestor.js";
import type { MessageInput } from "../../src/ingest/message-input.js";
import { ensureSource, setEmployeeTrust } from "../../src/store/sources.js";
import type { Store } from "../../src/store/open-store.js";
import { loadMessagesToRead, storeReadings } from "../../src/store/reading-batch.js";

export interface SeedRow {
  input: MessageInput;
  causes: Pick<CauseReading, "label" | "polarity">[];
  sentiment?: "positive" | "neutral" | "negative";
}

/** Stores the rows and their Readings; returns the message ids in row order. */
export async function seedSurveyAnswers(store: Store, rows: SeedRow[]): Promise<number[]> {
  await setEmployeeTrust(store, store.workspaceId, await ensureSource(store, store.workspaceId, "survey-seed", "import"), true);
  const ing = await Ingestor.open(store, {
    source: "survey-seed",
    origin: "import",
    employee: { writer: true, backfill: true },
    collectResults: true,
  });
  for (let i = 0; i < rows.length; i++) await ing.add(i, rows[i]!.input);
  await ing.finish();
  const ids = ing.results.map((r) => r.id!);
  const { messages } = await loadMessagesToRead(store, ids);
  const byId = new Map(ids.map((id, i) => [id, rows[i]!]));
  const done = messages.map((msg) => {
    const row = byId.get(msg.id)!;
    const reading = makeReading({
      sentiment: { label: row.sentiment ?? "neutral", score: 0, confidence: 0.8, evidence: [] },
      causes: row.causes.map((c) => ({ ...c, score: 0.7, evidence: [] })),
    });
    return { msg, reading };
  });
  for (let i = 0; i < done.length; i += 200)
    await storeReadings(store, "survey-seed", { done: done.slice(i, i + 200), failed: [], maxAttempts: 3 });
  return ids;
}
