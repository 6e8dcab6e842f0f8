/**
 * `attune analyze [FILE...]`: one Reading per input, in order, with the input's `id` echoed.
 * Inputs are `.txt` files (one message each), `.csv` (`--text-column`, `--id-column`), `.jsonl`,
 * or JSON Lines on stdin. Output streams as it goes (`--format jsonl|json|table`), with
 * backpressure, so memory stays flat however large the input.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { AttuneError, asAttuneError } from "../core/errors.js";
import { parseContext } from "../core/parse-context.js";
import type { Reading } from "../core/reading.js";
import { createReader, MAX_TEXT_LENGTH } from "../analysis/read.js";
import { assertInputFiles } from "./input-files.js";
import { parseCommand, usageError } from "./parse-command.js";
import { readInputs } from "./read-inputs.js";
import { formatTableRow, TABLE_HEADER } from "./reading-table.js";

const HELP = `usage: attune analyze [FILE...] [options]

Reads .txt files (one message each), .csv (a text column) or .jsonl ({"id","text",...context}
per line), or JSON Lines on stdin, and writes one Reading per input, in order, with id echoed.

options:
  --format jsonl|json|table   output format (default jsonl)
  --text-column NAME          CSV column with the text (default text)
  --id-column NAME            CSV column with the id (default id)
  --models DIR                model weights to use (default: the shipped ones)
  --no-models                 read with cue lexicons alone`;

/** Run the command; returns the exit code (1 when any input could not be read). */
export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(
    argv,
    {
      format: { type: "string", default: "jsonl" },
      "text-column": { type: "string", default: "text" },
      "id-column": { type: "string", default: "id" },
      models: { type: "string" },
      "no-models": { type: "boolean", default: false },
    },
    HELP,
    true,
  );
  if (typeof p === "number") return p;
  const { values, positionals } = p;
  const format = values.format;
  if (format !== "jsonl" && format !== "json" && format !== "table")
    return usageError(HELP, { flag: "--format", expected: "jsonl|json|table" });
  await assertInputFiles(positionals);
  const reader = await createReader({ modelDir: values["no-models"] ? false : values.models });
  const out = process.stdout;
  let failed = 0;
  let count = 0;

  if (format === "json") await write(out, "[\n");
  if (format === "table") await write(out, `${TABLE_HEADER}\n`);
  for await (const record of readInputs(positionals, process.stdin, {
    textColumn: values["text-column"],
    idColumn: values["id-column"],
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (plus a BOM): a larger file is over the limit.
    maxTextBytes: 3 * MAX_TEXT_LENGTH + 3,
  })) {
    let line: Record<string, unknown>;
    let reading: Reading | null = null;
    const id = record.ok ? (record.fields.id ?? null) : null;
    try {
      if (!record.ok) throw record.error;
      const text = record.fields.text;
      if (typeof text !== "string")
        throw new AttuneError("input.missing_field", { source: record.source, line: record.line, field: "text" });
      reading = reader.analyze(text, parseContext(record.fields));
      line = { id, ...reading };
    } catch (err) {
      failed++;
      const e = asAttuneError(err);
      line = { id, source: record.source, line: record.line, ...e.toJSON() };
      line.error = { ...(line.error as object), details: { ...e.details, source: record.source, line: record.line } };
    }
    if (format === "table") await write(out, `${formatTableRow(id, reading, line)}\n`);
    else await write(out, `${format === "json" && count > 0 ? ",\n" : ""}${JSON.stringify(line)}${format === "jsonl" ? "\n" : ""}`);
    count++;
  }
  if (format === "json") await write(out, "\n]\n");
  return failed > 0 ? 1 : 0;
}

/** Write with backpressure: wait for the pipe to drain instead of buffering the whole output. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}
