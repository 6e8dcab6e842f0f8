/**
 * `attune demo [--db PATH]`: attune's main job on its embedded default, start to finish. Loads the
 * sample workspace into SQLite (first run only), reads every message, opens cases for those that
 * need action, and prints what customers and employees feel and why, then the case queue.
 *
 * @example
 * await run([]); // ./data/attune.db
 */
import { readConfig, type Config } from "../core/config.js";
import { loadSamples } from "../ingest/load-samples.js";
import { byLanguage, causesByPolarity } from "../insights/aggregates.js";
import { overview } from "../insights/overview.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { Pipeline } from "../pipeline/pipeline.js";
import { run as printQueue } from "./cases.js";
import { parseCommand } from "./parse-command.js";

export const USAGE = "attune demo [--db PATH]   (default ./data/attune.db, or DATABASE_URL)";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(argv, { db: { type: "string" } }, USAGE);
  if (typeof p === "number") return p;
  const { values } = p;
  const options = storeOptionsFrom({ db: values.db }, config);
  const store = await openStore(options);
  try {
    const loaded = await loadSamples(store);
    if (loaded) say(`Loaded the sample workspace: ${loaded.accepted} messages (${loaded.rejected} rejected).`);

    const { createReader } = await import("../analysis/read.js");
    const started = performance.now();
    const { read } = await new Pipeline({ store, engine: await createReader(), config }).drain();
    const seconds = (performance.now() - started) / 1000;
    if (read > 0)
      say(`Read ${read} messages in ${seconds.toFixed(1)} s (${Math.round(read / seconds)} per second), and triaged their threads.`);

    const filter = { workspaceId: store.workspaceId, includeEmployee: false };
    const [view, languages, causes] = await Promise.all([
      overview(store, filter),
      byLanguage(store, filter),
      causesByPolarity(store, filter),
    ]);
    say(`\nCustomer messages: ${view.total}`);
    say(
      table(
        ["language", "messages", "negative", "neutral", "positive"],
        fold(languages, view.total).map((l) => [
          l.language,
          String(l.total),
          pct(l.negative, l.total),
          pct(l.neutral, l.total),
          pct(l.positive, l.total),
        ]),
      ),
    );
    say(
      `\nWhat they feel: ${view.emotions
        .slice(0, 6)
        .map((e) => `${e.emotion} ${e.count}`)
        .join(", ")}`,
    );
    say(`Why (problems): ${top(causes, "negative")}`);
    say(`Why (praise):   ${top(causes, "positive")}`);
    say(`\nThe case queue (\`attune cases\`), most pressing first:`);
  } finally {
    await store.close();
  }
  await printQueue([...(values.db ? ["--db", values.db] : []), "--limit", "8"], config);
  say(`\nNext: \`npm start\` serves the API and the dashboard on http://127.0.0.1:3000 over the same database.`);
  return 0;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Languages with under 1% of the messages fold into one "other" row. */
function fold<T extends { language: string; total: number; positive: number; neutral: number; negative: number }>(
  rows: T[],
  total: number,
) {
  const keep = rows.filter((r) => r.total >= total * 0.01);
  const rest = rows.filter((r) => r.total < total * 0.01);
  if (rest.length === 0) return keep;
  const other = { language: `other (${rest.length})`, total: 0, positive: 0, neutral: 0, negative: 0 };
  for (const r of rest) for (const k of ["total", "positive", "neutral", "negative"] as const) other[k] += r[k];
  return [...keep, other];
}

function pct(n: number, total: number): string {
  return total > 0 ? `${Math.round((100 * n) / total)}%` : "-";
}

function top(causes: { cause: string; positive: number; negative: number }[], side: "positive" | "negative"): string {
  return [...causes]
    .sort((a, b) => b[side] - a[side])
    .filter((c) => c[side] > 0)
    .slice(0, 5)
    .map((c) => `${c.cause.replace(/_/g, " ")} ${c[side]}`)
    .join(", ");
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}
