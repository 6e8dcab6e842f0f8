/**
 * The message pool of the reading benches: team-written texts from training/data and short test
 * fixtures (under 600 characters), in file order. Shared by bench/readings.ts (speed) and
 * bench/dump-readings.ts (the same messages' Readings, to show a speed change left them alone).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/analysis/model/load-models.js";

/** A bench message and its language (the file's, or the fixture's `lang`). */
export interface Msg {
  text: string;
  lang: string;
}

/** The `.jsonl` files of a folder, sorted, so the pool's order is fixed. */
const jsonlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((x) => x.endsWith(".jsonl"))
    .sort();

/** Every team-written text, then every short fixture message. */
export function messages(): Msg[] {
  const root = repoRoot();
  const out: Msg[] = [];
  const dataDir = join(root, "training", "data");
  for (const f of jsonlFiles(dataDir)) {
    for (const line of readFileSync(join(dataDir, f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text?: string; lang?: string };
      if (typeof r.text === "string") out.push({ text: r.text, lang: r.lang ?? f.replace(".jsonl", "") });
    }
  }
  const fx = join(root, "test", "fixtures");
  if (!existsSync(fx)) return out;
  for (const f of jsonlFiles(fx)) {
    for (const line of readFileSync(join(fx, f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as { text?: string; lang?: string };
        if (typeof r.text === "string" && r.text.length < 600) out.push({ text: r.text, lang: r.lang ?? "en" });
      } catch {
        // Not a message fixture.
      }
    }
  }
  return out;
}
