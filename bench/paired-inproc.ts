/**
 * Two builds' readers in one process, batches of 200 alternated (A B, then B A, ...), CPU time per
 * batch summed per build: load drift on a shared machine falls on both alike, batch by batch,
 * where bench/paired.ts alternates whole runs. A is `--against <git-ref>`, B this checkout or
 * `--with <git-ref>`, each exported with `git archive` into a temp folder that borrows this
 * checkout's node_modules. Prints Readings per CPU-second of each and B/A. Not a test.
 *
 * @example
 * nice -n 10 npx tsx bench/paired-inproc.ts --against abff18a --with 63a8035 --n 10000
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Reader } from "../src/analysis/read.js";
import { messages } from "./messages.js";

const ROOT = resolve(import.meta.dirname, "..");
const BATCH = 200;

/** The ref's tree in a temp folder (kept for later runs), with this checkout's node_modules. */
function exportRef(ref: string): string {
  const commit = execFileSync("git", ["rev-parse", "--short", `${ref}^{commit}`], { cwd: ROOT, encoding: "utf8" }).trim();
  const dir = join(tmpdir(), `attune-inproc-${commit}`);
  if (!existsSync(join(dir, "node_modules"))) {
    mkdirSync(dir, { recursive: true });
    execFileSync("sh", ["-c", `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: ROOT });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  }
  return dir;
}

async function readerOf(root: string): Promise<Reader> {
  const mod = (await import(join(root, "src", "analysis", "read.ts"))) as { createReader: () => Promise<Reader> };
  return mod.createReader();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { against: { type: "string" }, with: { type: "string" }, n: { type: "string", default: "10000" } },
  });
  if (values.against === undefined) throw new Error("usage: paired-inproc.ts --against <git-ref> [--with <git-ref>] [--n N]");
  const a = await readerOf(exportRef(values.against));
  const b = await readerOf(values.with === undefined ? ROOT : exportRef(values.with));
  const n = Number(values.n);
  const pool = messages();
  const msgs = Array.from({ length: n }, (_, i) => ({ text: pool[(i * 7919) % pool.length]!.text }));
  for (let s = 0; s < 2000; s += BATCH) for (const r of [a, b]) r.analyzeMany(msgs.slice(s, s + BATCH)); // warm-up (JIT)
  const cpu = new Map<Reader, number>([
    [a, 0],
    [b, 0],
  ]);
  for (let s = 0, k = 0; s < n; s += BATCH, k++) {
    const batch = msgs.slice(s, s + BATCH);
    for (const r of k % 2 === 0 ? [a, b] : [b, a]) {
      const c0 = process.cpuUsage();
      r.analyzeMany(batch);
      const c = process.cpuUsage(c0);
      cpu.set(r, cpu.get(r)! + c.user + c.system);
    }
  }
  const perCpuS = (r: Reader): number => n / (cpu.get(r)! / 1e6);
  console.log(
    `A ${values.against}: ${perCpuS(a).toFixed(0)} Readings per CPU-second; B ${values.with ?? "this checkout"}: ${perCpuS(b).toFixed(0)}; B/A ${(perCpuS(b) / perCpuS(a)).toFixed(3)}`,
  );
}

await main();
