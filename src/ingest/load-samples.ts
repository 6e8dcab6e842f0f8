import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { hasMessages } from "../store/messages.js";
import type { Store } from "../store/open-store.js";
import { importFiles } from "./import-file.js";

/** The sample workspace shipped with attune (samples/ at the repo root, from src/ and dist/ alike). */
export const SAMPLES_DIR = new URL("../../samples/", import.meta.url).pathname;

/**
 * Import the JSONL files of `dir` when the store holds no messages yet (first start). Returns the
 * import counts, or null when nothing was loaded.
 *
 * @example
 * await loadSamples(store); // {accepted: 2708, duplicates: 0, conflicts: 0, rejected: 0}
 */
export async function loadSamples(
  store: Store,
  dir: string = SAMPLES_DIR,
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
  // One source per file: sample files are written independently and may reuse external ids.
  const total = { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0 };
  for (const file of files) {
    const r = await importFiles(store, [file], { source: `samples-${basename(file, ".jsonl")}`, employeeBackfill: true });
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  }
  return total;
}
