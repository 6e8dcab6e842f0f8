/**
 * `attune eval`: run the model evaluation (training/eval.ts) from a source checkout; the datasets
 * it reads are not shipped, so this is a developer command. Arguments pass through
 * (`--quick`, `--models DIR`).
 *
 * @example
 * attune eval --quick
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../analysis/model/load-models.js";

export async function run(argv: string[]): Promise<number> {
  const root = repoRoot();
  const script = join(root, "training", "eval.ts");
  if (!existsSync(script)) {
    process.stderr.write("attune eval needs a source checkout (training/eval.ts and the datasets)\n");
    return 2;
  }
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...argv], { cwd: root, stdio: "inherit" });
  return r.status ?? 1;
}
