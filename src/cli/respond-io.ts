/**
 * Shared plumbing of `attune reply` and `attune check`: stream JSON Lines records in, run one
 * function per record, write one JSON line out per record, in order, with `id` echoed and errors
 * reported per line (code and position, never the text).
 *
 * @example
 * await eachRecord(files, (fields) => ({ drafts: [] }));
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { AttuneError, asAttuneError } from "../core/errors.js";
import { assertInputFiles } from "./input-files.js";
import { readInputs } from "./read-inputs.js";

/** Run `handle` on every record; returns the number of records that failed. */
export async function eachRecord(
  files: string[],
  handle: (
    fields: Record<string, unknown>,
    where: { source: string; line: number },
  ) => Record<string, unknown> | Promise<Record<string, unknown>>,
  out: Writable = process.stdout,
): Promise<number> {
  await assertInputFiles(files);
  let failed = 0;
  for await (const record of readInputs(files, process.stdin, { textColumn: "message", idColumn: "id", maxTextBytes: 8_000_000 })) {
    const id = record.ok ? (record.fields.id ?? null) : null;
    let line: Record<string, unknown>;
    try {
      if (!record.ok) throw record.error;
      line = { id, ...(await handle(record.fields, { source: record.source, line: record.line })) };
    } catch (err) {
      failed++;
      const e = asAttuneError(err);
      const wire = e.toJSON();
      line = { id, error: { ...wire.error, details: { ...e.details, source: record.source, line: record.line } } };
    }
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
  }
  return failed;
}

/** A required string field of a record. */
export function requireText(fields: Record<string, unknown>, name: string, where: { source: string; line: number }): string {
  const v = fields[name];
  if (v === undefined || v === null) throw new AttuneError("input.missing_field", { field: name, ...where });
  if (typeof v !== "string") throw new AttuneError("input.wrong_type", { field: name, expected: "string", ...where });
  return v;
}
