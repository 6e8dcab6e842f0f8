/**
 * Imports files into the store, choosing the importer by extension (.jsonl/.ndjson, .csv, .eml,
 * .mbox; any of them may end in .gz) and returning one report over all files.
 *
 * @example
 * const report = await importFiles(store, ["a.jsonl", "b.csv.gz"], { source: "import" });
 * console.log(JSON.stringify({ accepted: report.accepted, duplicates: report.duplicates, ... }));
 */
import { createReadStream } from "node:fs";
import { AttuneError } from "../core/errors.js";
import type { Channel, Direction } from "../core/labels.js";
import { ensureSource, setEmployeeTrust } from "../store/sources.js";
import type { Store } from "../store/open-store.js";
import { capBytes, collectBytes, inflateIfGzip, type ByteSource } from "./byte-streams.js";
import { importCsv, type CsvMapping } from "./csv.js";
import { EmailThreads, importEml, importMbox } from "./email.js";
import { Ingestor, type IngestCounts, type IngestReport } from "./ingestor.js";
import { importJsonl } from "./jsonl.js";
import { LIMITS } from "./limits.js";

export type ImportFormat = "jsonl" | "csv" | "eml" | "mbox";

export interface ImportOptions {
  source: string;
  format?: ImportFormat;
  mapping?: CsvMapping;
  delimiter?: string;
  defaults?: { channel?: Channel; direction?: Direction };
  maxRows?: number;
  /** The operator vouches for this import's employee feedback: the source is trusted for it and history may be back-filled into closed months. */
  employeeBackfill?: boolean;
  /** Called after each stored batch with the counts so far. */
  onProgress?: (counts: Readonly<IngestCounts>) => void;
}

/** The format a file name implies, looking through a trailing .gz. */
export function formatOf(name: string): ImportFormat | undefined {
  const base = name.toLowerCase().replace(/\.gz$/, "");
  if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) return "jsonl";
  if (base.endsWith(".csv")) return "csv";
  if (base.endsWith(".eml")) return "eml";
  if (base.endsWith(".mbox") || base.endsWith(".mbx")) return "mbox";
  return undefined;
}

/** Imports one byte stream of a known format through an ingestor. */
export async function importStream(
  bytes: ByteSource,
  format: ImportFormat,
  ing: Ingestor,
  opts: Omit<ImportOptions, "source">,
): Promise<void> {
  const maxRows = opts.maxRows ?? LIMITS.fileRows;
  if (format === "jsonl") await importJsonl(bytes, ing, { maxRows });
  else if (format === "csv")
    await importCsv(bytes, ing, {
      maxRows,
      ...(opts.mapping ? { mapping: opts.mapping } : {}),
      ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    });
  else if (format === "mbox") await importMbox(bytes, ing, { maxRows });
  else {
    const all = await collectBytes(capBytes(bytes, LIMITS.emailBytes));
    await importEml(all, ing, new EmailThreads(), 1, opts.defaults?.channel ?? "email");
  }
}

export async function importFiles(store: Store, files: string[], opts: ImportOptions): Promise<IngestReport & { files: number }> {
  if (opts.employeeBackfill)
    await setEmployeeTrust(store, store.workspaceId, await ensureSource(store, store.workspaceId, opts.source, "import"), true);
  // The operator at the machine may write employee feedback; the source must still be trusted for it.
  const employee = { writer: true, backfill: opts.employeeBackfill === true };
  const ing = await Ingestor.open(store, {
    source: opts.source,
    origin: "import",
    employee,
    ...(opts.defaults ? { defaults: opts.defaults } : {}),
    ...(opts.onProgress ? { onFlush: opts.onProgress } : {}),
  });
  for (const file of files) {
    const format = opts.format ?? formatOf(file);
    if (!format) throw new AttuneError("input.unsupported_format", { file: file.split("/").pop() ?? "" });
    const bytes = inflateIfGzip(createReadStream(file, { highWaterMark: 256 * 1024 }), LIMITS.uploadInflatedBytes);
    await importStream(bytes, format, ing, opts);
    await ing.flush();
  }
  return { ...(await ing.finish()), files: files.length };
}
