/**
 * Counts of customer messages' labels (negative causes and emotions) per workspace and channel in a
 * time range, served by the reading_labels index: what the spike detector compares.
 *
 * @example
 * const rows = await labelCounts(store.db, hourStart, hourStart + 3_600_000);
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface LabelCount {
  workspace_id: number;
  channel: string;
  kind: "cause" | "emotion";
  label: string;
  n: number;
}

/** Negative causes and all emotions of customer messages sent in [from, to), counted. */
export async function labelCounts(db: Kysely<Database>, from: number, to: number): Promise<LabelCount[]> {
  const rows = await db
    .selectFrom("reading_labels")
    .select(["workspace_id", "channel", "kind", "label", sql<number>`count(*)`.as("n")])
    .where("kind", "in", ["cause", "emotion"])
    .where("sent_at", ">=", from)
    .where("sent_at", "<", to)
    .where("direction", "=", "customer")
    .where((eb) => eb.or([eb("kind", "=", "emotion"), eb("polarity", "=", "negative")]))
    .groupBy(["workspace_id", "channel", "kind", "label"])
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as "cause" | "emotion", n: Number(r.n) }));
}
