/**
 * `attune import FILE... [--db PATH] [--source NAME] [--text-column COL ...]`: stores messages from
 * JSONL, CSV, .eml and mbox files (optionally gzipped) and prints one JSON line
 * `{"accepted","duplicates","conflicts","rejected"}`. On stderr: progress every 10,000 rows, each
 * problem (row, field, code, allowed values), and who reads the messages next. Exit code 1 when
 * any row was rejected (the good rows are stored all the same), 2 for a bad command line.
 *
 * @example
 * await run(["tickets.csv", "--source", "zendesk", "--text-column", "body", "--id-column", "ticket_id"]);
 */
import { readConfig, type Config } from "../core/config.js";
import { asAttuneError } from "../core/errors.js";
import { CHANNELS, DIRECTIONS, type Channel, type Direction } from "../core/labels.js";
import type { CsvMapping } from "../ingest/csv.js";
import { importFiles, type ImportFormat } from "../ingest/import-file.js";
import type { IngestCounts } from "../ingest/ingestor.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { assertInputFiles } from "./input-files.js";
import { parseCommand, usageError } from "./parse-command.js";

const FORMATS: readonly ImportFormat[] = ["jsonl", "csv", "eml", "mbox"];

const COLUMN_FLAGS: Record<string, keyof CsvMapping> = {
  "id-column": "external_id",
  "text-column": "text",
  "channel-column": "channel",
  "author-column": "author",
  "author-name-column": "author_name",
  "author-email-column": "author_email",
  "sent-at-column": "sent_at",
  "thread-column": "thread",
  "direction-column": "direction",
  "public-column": "public",
  "subject-column": "subject",
  "language-column": "language",
  "team-column": "team",
  "audience-column": "audience",
};

export const USAGE = `attune import FILE... [--db PATH] [--source NAME] [--format jsonl|csv|eml|mbox]
  [--channel CH] [--direction customer|agent|employee] [--delimiter ,] [--employee-backfill]
  --employee-backfill: you vouch for this file's employee feedback: the source becomes trusted for it
    and closed months are accepted (history, before anyone views it; otherwise only the open month is)
  CSV columns: ${Object.keys(COLUMN_FLAGS)
    .map((f) => `--${f} COL`)
    .join(" ")}
Stores the messages; \`attune serve\` or \`attune worker\` on the same database reads them.
Exit code 1 when rows were rejected (each problem on stderr; the good rows are kept).`;

/** Rows between two progress lines on stderr. */
const PROGRESS_EVERY = 10_000;

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const options: Record<string, { type: "string" | "boolean" }> = {
    db: { type: "string" },
    source: { type: "string" },
    format: { type: "string" },
    channel: { type: "string" },
    direction: { type: "string" },
    delimiter: { type: "string" },
    "employee-backfill": { type: "boolean" },
  };
  for (const f of Object.keys(COLUMN_FLAGS)) options[f] = { type: "string" };
  const parsed = parseCommand(argv, options, USAGE, true);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (parsed.positionals.length === 0) return usageError(USAGE, { argument: "FILE", reason: "at least one file is required" });
  const channel = v.channel as string | undefined;
  const direction = v.direction as string | undefined;
  const format = v.format as string | undefined;
  if (channel && !(CHANNELS as readonly string[]).includes(channel)) return usageError(USAGE, { flag: "--channel", allowed: CHANNELS });
  if (direction && !(DIRECTIONS as readonly string[]).includes(direction))
    return usageError(USAGE, { flag: "--direction", allowed: DIRECTIONS });
  if (format && !(FORMATS as readonly string[]).includes(format)) return usageError(USAGE, { flag: "--format", allowed: FORMATS });
  await assertInputFiles(parsed.positionals);
  const mapping: CsvMapping = {};
  for (const [flag, field] of Object.entries(COLUMN_FLAGS)) if (typeof v[flag] === "string") mapping[field] = v[flag] as string;

  const store = await openStore(storeOptionsFrom({ db: v.db as string | undefined }, config));
  try {
    const report = await importFiles(store, parsed.positionals, {
      source: (v.source as string | undefined) ?? "import",
      ...(format ? { format: format as ImportFormat } : {}),
      mapping,
      ...(v.delimiter ? { delimiter: v.delimiter as string } : {}),
      employeeBackfill: v["employee-backfill"] === true,
      defaults: { ...(channel ? { channel: channel as Channel } : {}), ...(direction ? { direction: direction as Direction } : {}) },
      onProgress: progressPrinter(),
    });
    for (const p of report.problems) process.stderr.write(JSON.stringify({ problem: p }) + "\n");
    if (report.problems_truncated) process.stderr.write(JSON.stringify({ problems_truncated: true }) + "\n");
    const { accepted, duplicates, conflicts, rejected } = report;
    process.stdout.write(JSON.stringify({ accepted, duplicates, conflicts, rejected }) + "\n");
    if (accepted > 0)
      process.stderr.write(`attune: stored ${accepted} messages; \`attune serve\` or \`attune worker\` on this database reads them.\n`);
    return rejected > 0 ? 1 : 0;
  } catch (err) {
    process.stderr.write(JSON.stringify(asAttuneError(err).toJSON()) + "\n");
    return 1;
  } finally {
    await store.close();
  }
}

/** Prints the counts to stderr each time another PROGRESS_EVERY rows have been handled. */
function progressPrinter(): (counts: Readonly<IngestCounts>) => void {
  let next = PROGRESS_EVERY;
  return (c) => {
    const rows = c.accepted + c.duplicates + c.conflicts + c.rejected;
    if (rows < next) return;
    next = (Math.floor(rows / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
    process.stderr.write(JSON.stringify({ progress: { rows, ...c } }) + "\n");
  };
}
