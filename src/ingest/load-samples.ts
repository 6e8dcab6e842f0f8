import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { hasMessages } from "../store/messages.js";
import type { Store } from "../store/open-store.js";
import { importFiles } from "./import-file.js";
import { sampleShift, type SampleRow } from "./sample-times.js";

/** The sample workspace shipped with attune (samples/ at the repo root, from src/ and dist/ alike). */
export const SAMPLES_DIR = new URL("../../samples/", import.meta.url).pathname;

/**
 * Import the JSONL files of `dir` when the store holds no messages yet (first start), their times
 * moved up to `now` (sample-times.ts). Returns the import counts, or null when nothing was loaded.
 *
 * @example
 * await loadSamples(store); // {accepted: 2708, duplicates: 0, conflicts: 0, rejected: 0}
 */
export async function loadSamples(
  store: Store,
  dir: string = SAMPLES_DIR,
  now: number = Date.now(),
): Promise<{ accepted: number; duplicates: number; conflicts: number; rejected: number } | null> {
  if (await hasMessages(store)) return null;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return null;
  }
  if (!files.length) return null;
  // The whole workspace moves by one shift, so threads and languages keep their order in time.
  const rows = files.map((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map(parsed));
  const shift = sampleShift(
    rows.flat().filter((r): r is SampleRow => typeof r !== "string"),
    now,
  );
  const tmp = mkdtempSync(join(tmpdir(), "attune-samples-"));
  // One source per file: sample files are written independently and may reuse external ids.
  const total = { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };
  try {
    for (const [i, file] of files.entries()) {
      const moved = join(tmp, basename(file));
      writeFileSync(moved, rows[i]!.map((r) => (typeof r === "string" ? r : JSON.stringify(shift(r)))).join("\n"));
      const r = await importFiles(store, [moved], { source: `samples-${basename(file, ".jsonl")}`, employeeBackfill: true });
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return total;
}

/** A row of a sample file; a line that is not a JSON object stays as it is, for the importer to report. */
function parsed(line: string): SampleRow | string {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as SampleRow) : line;
  } catch {
    return line;
  }
}
