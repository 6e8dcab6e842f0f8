/**
 * `attune train --data FILE.jsonl [--out DIR] [--base DIR] [--lang CODE]`: adapt the models to your
 * own labeled messages (one `{"text", "sentiment"?, "emotions"?, "needs"?, "causes"?, "stage"?,
 * "signals"?, "complaint"?, "lang"?, "id"?}` per line, the training/data format). About 20% of the
 * rows (by a fixed hash of id, else text) are held out; the command prints macro-F1 on them before
 * and after, and writes the adapted weights to --out (default ./models-custom), which
 * `createReader({ modelDir })` / `loadModels(dir)` read.
 *
 * @example
 * attune train --data ours.jsonl --out ./models-custom
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AttuneError } from "../core/errors.js";
import { type AdaptRow, adaptModels } from "../analysis/model/adapt.js";
import { loadModels } from "../analysis/model/load-models.js";
import { modelTokenizer } from "../analysis/model/model-tokens.js";
import { createLanguageIdentifier } from "../analysis/language/index.js";
import { normalise } from "../analysis/text/normalise.js";
import { readConfig, type Config } from "../core/config.js";
import { assertInputFiles } from "./input-files.js";
import { parseCommand, usageError } from "./parse-command.js";

const USAGE =
  "usage: attune train --data FILE.jsonl [--out DIR (default ./models-custom)] [--base DIR] [--lang CODE] [--seed N] [--epochs 4] [--lr 0.05] [--anchor 0.001]";

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    {
      data: { type: "string" },
      out: { type: "string" },
      base: { type: "string" },
      lang: { type: "string" },
      seed: { type: "string" },
      epochs: { type: "string" },
      lr: { type: "string" },
      anchor: { type: "string" },
    },
    USAGE,
  );
  if (typeof p === "number") return p;
  const flags = p.values;
  const data = flags.data;
  if (!data) return usageError(USAGE, { flag: "--data", reason: "--data FILE.jsonl is required" });
  await assertInputFiles([data]);
  const out = resolve(flags.out ?? "./models-custom");
  const baseDir = flags.base;
  const langFlag = flags.lang;
  const seed = Number(flags.seed ?? 7);
  const base = baseDir ? loadModels(resolve(baseDir)) : loadModels();
  const identifier = langFlag ? null : await createLanguageIdentifier();
  const rows: AdaptRow[] = [];
  const lines = readFileSync(data, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new AttuneError("input.invalid_json", { line: i + 1 });
    }
    if (typeof obj.text !== "string") throw new AttuneError("input.missing_field", { line: i + 1, field: "text" });
    const lang = typeof obj.lang === "string" ? obj.lang : (langFlag ?? identifier!.identify(normalise(obj.text).text).code);
    rows.push({ ...(obj as unknown as AdaptRow), lang });
  }
  const tokenizer = await modelTokenizer(config.modelTokenizer === "basic");
  const t0 = performance.now();
  const tuning: { epochs?: number; lr?: number; anchor?: number } = {};
  for (const k of ["epochs", "lr", "anchor"] as const) {
    const v = flags[k];
    if (v !== undefined) tuning[k] = Number(v);
  }
  const result = adaptModels(rows, { base, out, tokenize: tokenizer.tokenize, seed, ...tuning });
  const lines2 = [
    `trained on ${result.train} rows, held out ${result.heldOut} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    "",
    "| head | held-out rows | before | after | gain |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...result.report.map(
      (r) =>
        `| ${r.head} | ${r.rows} | ${r.before.toFixed(3)} | ${r.after.toFixed(3)} | ${(r.after - r.before >= 0 ? "+" : "") + (r.after - r.before).toFixed(3)} |`,
    ),
    "",
    `wrote ${out} (weights ${result.weightsHash}); use it with createReader({ modelDir: "${out}" })`,
  ];
  process.stdout.write(`${lines2.join("\n")}\n`);
  return 0;
}
