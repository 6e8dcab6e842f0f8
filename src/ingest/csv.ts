/**
 * CSV import with column mapping: a header row names the columns, flags say which column holds which
 * field of the import format (by default the field's own name). Rows with bad values, and rows
 * with a stray quote inside an unquoted cell, are reported and quarantined; a file the parser
 * cannot find its way back in (a quote never closed, or closed mid-cell, or an over-long record)
 * stops the import with a code, keeping the rows stored before it.
 *
 * @example
 * await importCsv(bytes, ingestor, { mapping: { text: "body", external_id: "ticket" }, maxRows: 1e6 });
 */
import { CsvError, parse } from "csv-parse";
import { AttuneError } from "../core/errors.js";
import { decodeUtf8, type ByteSource } from "./byte-streams.js";
import type { Ingestor } from "./ingestor.js";
import { LIMITS } from "./limits.js";

/** Field of the import format -> CSV column name. */
export interface CsvMapping {
  external_id?: string;
  text?: string;
  channel?: string;
  author?: string;
  author_name?: string;
  author_email?: string;
  sent_at?: string;
  thread?: string;
  direction?: string;
  public?: string;
  subject?: string;
  language?: string;
  team?: string;
  audience?: string;
}

export interface CsvOptions {
  mapping?: CsvMapping;
  delimiter?: string;
  maxRows: number;
}

export async function importCsv(source: ByteSource, ing: Ingestor, opts: CsvOptions): Promise<void> {
  const m = opts.mapping ?? {};
  const col = (field: keyof CsvMapping): string => m[field] ?? field;
  // Records are taken in on_record (not read from the stream) so that rows parsed before a fatal
  // error (an unterminated quote found at the end) are still stored: a destroyed stream drops its buffer.
  let lastSkipped = -1;
  const pending: ({ record: Record<string, string>; row: number } | { skipped: RowSkip; row: number })[] = [];
  const parser = parse({
    bom: true,
    columns: true,
    delimiter: opts.delimiter ?? ",",
    max_record_size: LIMITS.recordBytes,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: Record<string, string>, context: { lines: number }) => {
      pending.push({ record, row: context.lines });
      return null;
    },
    // A record with a stray quote is skipped and reported; any other parse error stops the import.
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (!err || !SKIPPABLE.has(err.code)) throw err ?? new Error("csv-parse skipped a record without an error");
      const { lines = 0, column } = err as unknown as { lines?: number; column?: unknown };
      // Each stray quote of a record calls this: one report per record (its line).
      if (lines !== lastSkipped) pending.push({ skipped: { column }, row: lines });
      lastSkipped = lines;
      return undefined;
    },
  });
  let failure: unknown;
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.resume();
  let rows = 0;
  let checkedHeader = false;
  const drainPending = async () => {
    while (pending.length) {
      const next = pending.shift()!;
      const row = next.row;
      if ("skipped" in next) {
        rows += 1;
        const column = next.skipped.column;
        ing.reject(row, [{ row, ...(typeof column === "string" ? { field: column } : {}), code: "input.csv_malformed" }]);
        continue;
      }
      const r = next.record;
      if (!checkedHeader) {
        checkedHeader = true;
        for (const need of ["external_id", "text"] as const) {
          if (!(col(need) in r)) throw new AttuneError("input.missing_field", { field: need, column: col(need), row: 1 });
        }
      }
      rows += 1;
      if (rows > opts.maxRows) throw new AttuneError("input.too_large", { limit: opts.maxRows, unit: "rows", row });
      const value = toMessage(r, col);
      if (value === "bad_number") ing.reject(row, [{ row, field: "audience", code: "input.wrong_type" }], r);
      else await ing.add(row, value);
    }
  };
  try {
    for await (const text of decodeUtf8(source)) {
      if (!parser.write(text) && failure === undefined) await settle(parser, "drain");
      await drainPending();
      if (failure !== undefined) throw failure;
    }
    parser.end();
    if (failure === undefined) await settle(parser, "end");
    await drainPending();
    if (failure !== undefined) throw failure;
  } catch (err) {
    throw csvError(err);
  } finally {
    parser.destroy();
  }
}

/** Resolves on `event` or on an error / close (the caller checks the recorded failure). */
function settle(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      emitter.off(event, done);
      emitter.off("error", done);
      emitter.off("close", done);
      resolve();
    };
    emitter.on(event, done);
    emitter.on("error", done);
    emitter.on("close", done);
  });
}

function toMessage(r: Record<string, string>, col: (f: keyof CsvMapping) => string): Record<string, unknown> | "bad_number" {
  const get = (f: keyof CsvMapping): string | undefined => {
    const v = r[col(f)];
    return v === undefined || v === "" ? undefined : v;
  };
  const out: Record<string, unknown> = {};
  for (const f of ["external_id", "text", "channel", "sent_at", "thread", "direction", "subject", "language", "team"] as const) {
    const v = f === "text" || f === "external_id" ? r[col(f)] : get(f);
    if (v !== undefined) out[f] = v;
  }
  const authorId = get("author");
  if (authorId !== undefined) {
    const name = get("author_name");
    const email = get("author_email");
    out.author = name || email ? { id: authorId, ...(name ? { name } : {}), ...(email ? { email } : {}) } : authorId;
  }
  const pub = get("public");
  if (pub !== undefined) out.public = /^(1|true|yes|y)$/i.test(pub) ? true : /^(0|false|no|n)$/i.test(pub) ? false : pub;
  const audience = get("audience");
  if (audience !== undefined) {
    if (!/^[0-9]{1,15}$/.test(audience)) return "bad_number";
    out.audience = Number(audience);
  }
  const sent = out.sent_at;
  if (typeof sent === "string" && /^[0-9]{1,15}$/.test(sent)) out.sent_at = Number(sent);
  return out;
}

/**
 * Parse errors after which the parser finds the next record by itself: a quote inside an unquoted
 * cell is kept as a letter. (A quote closed mid-cell leaves the parser inside the quotes, so the
 * rows after it would be swallowed: that one stops the import instead.)
 */
const SKIPPABLE = new Set(["INVALID_OPENING_QUOTE"]);

/** A record csv-parse skipped, with the column (its name, or index) the stray quote was found in. */
interface RowSkip {
  column: unknown;
}

/** Every csv-parse error gets a code (its own codes do not all start with CSV_: INVALID_OPENING_QUOTE). */
function csvError(err: unknown): AttuneError {
  if (err instanceof AttuneError) return err;
  if (!(err instanceof CsvError)) return new AttuneError("internal", {}, { cause: err });
  const lines = (err as unknown as { lines?: unknown }).lines;
  const row = typeof lines === "number" ? { row: lines } : {};
  if (err.code === "CSV_MAX_RECORD_SIZE") return new AttuneError("input.too_large", { limit: LIMITS.recordBytes, unit: "record", ...row });
  return new AttuneError("input.csv_malformed", { reason: err.code.toLowerCase(), ...row });
}
