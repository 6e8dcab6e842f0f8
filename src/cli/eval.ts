/**
 * `attune eval [--quick] [--holdout-only] [--models DIR]`: run the model evaluation
 * (training/eval.ts) from a source checkout; the datasets it reads are not shipped, so this is a
 * developer command. The flags are checked here (an evaluation takes minutes: `--help` or a typo
 * must not start one) and passed on.
 *
 * @example
 * attune eval --quick
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../analysis/model/load-models.js";
import { parseCommand } from "./parse-command.js";

export const USAGE = `attune eval [--quick] [--holdout-only] [--models DIR]
  macro-F1 per set and language on dev rows training never sees (needs a source checkout and ../shared/datasets)
  --quick          skip the leave-one-source-out retraining
  --holdout-only   only the leave-one-source-out table
  --models DIR     evaluate these weights instead of the shipped ones`;

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(argv, { quick: { type: "boolean" }, "holdout-only": { type: "boolean" }, models: { type: "string" } }, USAGE);
  if (typeof p === "number") return p;
  const root = repoRoot();
  const script = join(root, "training", "eval.ts");
  if (!existsSync(script)) {
    process.stderr.write("attune eval needs a source checkout (training/eval.ts and the datasets)\n");
    return 2;
  }
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...argv], { cwd: root, stdio: "inherit" });
  return r.status ?? 1;
}
