/**
 * Stream the inputs of `attune analyze` (and other line-oriented commands) as records, one at a
 * time, so a 2 GB file runs in bounded memory: `.txt` files are one message each, `.csv` rows and
 * `.jsonl` lines are one message each, and with no files JSON Lines come from stdin.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { AttuneError } from "../core/errors.js";

/** One input record: its fields as given, or the error that made it unreadable. */
export type InputRecord =
  | { ok: true; source: string; line: number; fields: Record<string, unknown> }
  | { ok: false; source: string; line: number; error: AttuneError };

export interface InputOptions {
  /** CSV column holding the text (default `text`). */
  textColumn: string;
  /** CSV column holding the id (default `id`). */
  idColumn: string;
  /** Largest single .txt file read as one message, in bytes. */
  maxTextBytes: number;
}

/**
 * Yield every record of every input, in order.
 *
 * @example
 * for await (const r of readInputs(["a.jsonl"], process.stdin, opts)) if (r.ok) console.log(r.fields.text);
 */
export async function* readInputs(files: string[], stdin: Readable, options: InputOptions): AsyncGenerator<InputRecord> {
  if (files.length === 0) {
    yield* readJsonLines(stdin, "-");
    return;
  }
  for (const file of files) {
    const lower = file.toLowerCase();
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) yield* readJsonLines(createReadStream(file), file);
    else if (lower.endsWith(".csv")) yield* readCsv(file, options);
    else yield await readText(file, options);
  }
}

async function* readJsonLines(stream: Readable, source: string): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      yield { ok: false, source, line, error: new AttuneError("input.invalid_json", { source, line }) };
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      yield { ok: false, source, line, error: new AttuneError("input.wrong_type", { source, line, expected: "object" }) };
      continue;
    }
    yield { ok: true, source, line, fields: value as Record<string, unknown> };
  }
}

async function* readCsv(file: string, options: InputOptions): AsyncGenerator<InputRecord> {
  const parser = createReadStream(file).pipe(
    parse({ columns: true, bom: true, relax_column_count: false, skip_empty_lines: true, max_record_size: 4_000_000 }),
  );
  let line = 1;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      line = parser.info.lines;
      if (!(options.textColumn in row)) {
        yield {
          ok: false,
          source: file,
          line,
          error: new AttuneError("input.missing_field", { source: file, line, field: options.textColumn }),
        };
        continue;
      }
      const fields: Record<string, unknown> = { ...row, text: row[options.textColumn] };
      if (options.idColumn in row) fields.id = row[options.idColumn];
      yield { ok: true, source: file, line, fields };
    }
  } catch (err) {
    // csv-parse stops at the first structural error (an unterminated quote, a wrong column count):
    // report where, and keep everything read before it.
    const at = (err as { lines?: number }).lines ?? line;
    yield {
      ok: false,
      source: file,
      line: at,
      error: new AttuneError("input.csv_malformed", { source: file, line: at, reason: (err as { code?: string }).code ?? "unknown" }),
    };
  }
}

async function readText(file: string, options: InputOptions): Promise<InputRecord> {
  const { size } = await stat(file);
  if (size > options.maxTextBytes) {
    return {
      ok: false,
      source: file,
      line: 1,
      error: new AttuneError("input.too_large", { source: file, limit: options.maxTextBytes, size, unit: "bytes" }),
    };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file)) chunks.push(chunk as Buffer);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, source: file, line: 1, error: new AttuneError("input.invalid_utf8", { source: file }) };
  }
  return { ok: true, source: file, line: 1, fields: { id: file, text } };
}
