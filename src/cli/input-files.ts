/**
 * Checks the files named on a command line before anything is read or written, so that a typo in
 * a path is a usage error with its own code (exit 2), not a failure halfway through the output.
 *
 * @example
 * await assertInputFiles(["tickets.csv"]); // throws input.file_not_found if it is missing
 */
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { AttuneError } from "../core/errors.js";

/** Throws `input.file_not_found`, `input.not_a_file` or `input.file_unreadable` for the first bad path. */
export async function assertInputFiles(files: string[]): Promise<void> {
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info) throw new AttuneError("input.file_not_found", { file });
    // Pipes and devices stay allowed (`attune analyze <(zcat x.jsonl.gz)`); a directory is refused.
    if (info.isDirectory()) throw new AttuneError("input.not_a_file", { file, kind: "directory" });
    if (
      !(await access(file, constants.R_OK).then(
        () => true,
        () => false,
      ))
    )
      throw new AttuneError("input.file_unreadable", { file });
  }
}

/** The coded error for a file system failure on a named path (a file vanished or changed after the check). */
export function fromFileError(err: unknown): AttuneError | undefined {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.path !== "string") return undefined;
  if (e.code === "ENOENT") return new AttuneError("input.file_not_found", { file: e.path });
  if (e.code === "EISDIR") return new AttuneError("input.not_a_file", { file: e.path, kind: "directory" });
  if (e.code === "EACCES" || e.code === "EPERM") return new AttuneError("input.file_unreadable", { file: e.path });
  return undefined;
}

/** Codes that mean the command line itself was wrong: the CLI exits 2 for them, 1 for the rest. */
export const USAGE_CODES: ReadonlySet<string> = new Set(["cli.usage", "input.file_not_found", "input.not_a_file", "input.file_unreadable"]);
