/**
 * Two builds measured together, so that drift in a shared machine's load falls on both alike. A is
 * `--against <git-ref>`, B this checkout or `--with <git-ref>`, each exported with `git archive` into
 * a temp folder that borrows this checkout's node_modules. Not a test. Run it with `nice -n 10`, one
 * at a time.
 *
 * Readings (the default): both builds' readers in one process, batches of 200 alternated (A B, then
 * B A, ...), CPU time per batch summed per build; prints Readings per CPU-second of each and B/A.
 *
 * Any other bench of this folder (`-- bench/<name>.ts [args]`): whole runs, interleaved by round
 * (A B, B A, ...), each build running this checkout's bench script (`--own-harness`: its own);
 * a run's numbers are its `bench-metrics` line (metrics.ts) or the last JSON object it prints, and
 * the table gives per metric the medians and the per-round ratios B/A (median and range).
 *
 * @example
 * nice -n 10 npx tsx bench/paired-inproc.ts --against abff18a --with 63a8035 --n 10000
 * nice -n 10 npx tsx bench/paired-inproc.ts --against HEAD~3 --rounds 3 -- bench/triage.ts --n 5000
 * nice -n 10 npx tsx bench/paired-inproc.ts --against 0f82c73 --with 6917c8b -- bench/check.ts --seconds 3
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Reader } from "../src/analysis/read.js";
import { messages } from "./messages.js";
import { parseMetrics } from "./metrics.js";

const ROOT = resolve(import.meta.dirname, "..");
const BATCH = 200;

interface Options {
  against: string;
  with: string | undefined;
  /** Readings mode: messages read by each build. */
  n: number;
  rounds: number;
  ownHarness: boolean;
  keep: boolean;
  /** The bench of whole runs, or undefined for Readings in one process. */
  bench: string | undefined;
  args: string[];
}

function options(): Options {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      against: { type: "string" },
      with: { type: "string" },
      n: { type: "string", default: "10000" },
      rounds: { type: "string", default: "3" },
      "own-harness": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const [bench, ...args] = positionals;
  if (values.against === undefined)
    throw new Error(
      "usage: paired-inproc.ts --against <git-ref> [--with <git-ref>] [--n N] | [--rounds N] [--own-harness] [--keep] -- bench/<name>.ts [bench args]",
    );
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive whole number");
  return {
    against: values.against,
    with: values.with,
    n: Number(values.n),
    rounds,
    ownHarness: values["own-harness"],
    keep: values.keep,
    bench,
    args,
  };
}

// --- Readings in one process ---

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

/** Both builds' readers in this process, batch by batch; Readings per CPU-second of each and B/A. */
async function inProcess(o: Options): Promise<void> {
  const a = await readerOf(exportRef(o.against));
  const b = await readerOf(o.with === undefined ? ROOT : exportRef(o.with));
  const n = o.n;
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
    `A ${o.against}: ${perCpuS(a).toFixed(0)} Readings per CPU-second; B ${o.with ?? "this checkout"}: ${perCpuS(b).toFixed(0)}; B/A ${(perCpuS(b) / perCpuS(a)).toFixed(3)}`,
  );
}

// --- Whole runs of any bench ---

/** The ref's tree in a temp folder, with this checkout's node_modules and (unless told) its bench/ folder. */
function checkout(ref: string, ownHarness: boolean): { dir: string; commit: string } {
  const commit = execFileSync("git", ["rev-parse", "--short", `${ref}^{commit}`], { cwd: ROOT, encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(tmpdir(), `attune-paired-${commit}-`));
  execFileSync("sh", ["-c", `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: ROOT });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  if (!ownHarness) cpSync(join(ROOT, "bench"), join(dir, "bench"), { recursive: true });
  const deps = (root: string) =>
    JSON.stringify((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: unknown }).dependencies);
  if (deps(dir) !== deps(ROOT))
    console.error(`note: ${commit} declares other runtime dependencies; it runs on this checkout's node_modules`);
  return { dir, commit };
}

/** One run of the bench in a build's folder; its numbers, or an error with the run's last output. */
function runOnce(root: string, bench: string, args: string[]): Record<string, number> {
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, [join(root, bench), ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${bench} failed in ${root} (exit ${r.status}):\n${(r.stderr || r.stdout).slice(-2000)}`);
  const metrics = parseMetrics(r.stdout);
  if (Object.keys(metrics).length === 0) throw new Error(`${bench} printed no bench-metrics line or JSON summary in ${root}`);
  return metrics;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The table: each metric's medians on A and B and the median and range of the per-round ratios B/A. */
function table(a: Record<string, number>[], b: Record<string, number>[]): string {
  const rows = ["| metric | A median | B median | B/A median | B/A min-max |", "| --- | ---: | ---: | ---: | ---: |"];
  for (const key of Object.keys(b[0]!)) {
    if (!a.every((m) => key in m) || !b.every((m) => key in m)) continue;
    const ratios = a.map((m, i) => b[i]![key]! / m[key]!).filter(Number.isFinite);
    const range = ratios.length > 0 ? `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}` : "";
    const mid = ratios.length > 0 ? median(ratios).toFixed(2) : "";
    rows.push(`| ${key} | ${fmt(median(a.map((m) => m[key]!)))} | ${fmt(median(b.map((m) => m[key]!)))} | ${mid} | ${range} |`);
  }
  return rows.join("\n");
}

/** Whole runs of `o.bench` on each build, interleaved by round; the table of their metrics. */
function wholeRuns(o: Options, script: string): void {
  const bench = relative(ROOT, resolve(ROOT, script));
  if (!existsSync(join(ROOT, bench))) throw new Error(`no such bench: ${bench}`);
  const { dir, commit } = checkout(o.against, o.ownHarness);
  const other = o.with === undefined ? undefined : checkout(o.with, o.ownHarness);
  const bRoot = other?.dir ?? ROOT;
  const head = other?.commit ?? execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  const dirty = !other && execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
  const a: Record<string, number>[] = [];
  const b: Record<string, number>[] = [];
  try {
    for (let r = 0; r < o.rounds; r++) {
      // A B, B A, A B, ...: each build goes first as often as the other.
      const order = r % 2 === 0 ? (["A", "B"] as const) : (["B", "A"] as const);
      for (const side of order) {
        const m = runOnce(side === "A" ? dir : bRoot, bench, o.args);
        (side === "A" ? a : b).push(m);
        console.error(`round ${r + 1}/${o.rounds} ${side} done`);
      }
    }
  } finally {
    for (const d of other ? [dir, other.dir] : [dir]) {
      if (o.keep) console.error(`kept ${d}`);
      else rmSync(d, { recursive: true, force: true });
    }
  }
  console.log(`# ${bench} ${o.args.join(" ")}: A = ${commit}, B = ${head}${dirty ? " (src changed, uncommitted)" : ""}`);
  console.log(
    `${o.rounds} interleaved rounds, ${o.ownHarness ? "each build's own bench script" : "this checkout's bench script on both"}; ` +
      `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")} at the end\n`,
  );
  console.log(table(a, b));
}

const opts = options();
if (opts.bench === undefined) await inProcess(opts);
else wholeRuns(opts, opts.bench);
