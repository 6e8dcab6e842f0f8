/**
 * JSONL import: one message object per line. A line that is not valid UTF-8, not JSON, too long or
 * not a valid message is reported and quarantined; the other lines are stored. Blank lines are skipped.
 *
 * @example
 * const report = await importJsonl(fileBytes(path), ingestor, { maxRows: LIMITS.fileRows });
 */
import { AttuneError } from "../core/errors.js";
import { splitLines, type ByteSource } from "./byte-streams.js";
import type { Ingestor } from "./ingestor.js";
import { LIMITS } from "./limits.js";

export async function importJsonl(source: ByteSource, ing: Ingestor, opts: { maxRows: number }): Promise<void> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rows = 0;
  for await (const line of splitLines(source, LIMITS.recordBytes)) {
    if (line.bytes === undefined) {
      rows += 1;
      ing.reject(line.no, [{ row: line.no, code: "input.too_large" }]);
      continue;
    }
    if (isBlank(line.bytes)) continue;
    rows += 1;
    if (rows > opts.maxRows) throw new AttuneError("input.too_large", { limit: opts.maxRows, unit: "rows", row: line.no });
    let text: string;
    try {
      text = decoder.decode(line.bytes);
    } catch {
      ing.reject(line.no, [{ row: line.no, code: "input.invalid_utf8" }]);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ing.reject(line.no, [{ row: line.no, code: "input.invalid_json" }], text);
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ing.reject(line.no, [{ row: line.no, code: "input.wrong_type" }], text);
      continue;
    }
    await ing.add(line.no, value);
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
