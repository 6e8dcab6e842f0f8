/**
 * Paired benchmarks: any bench of this folder run on two builds in one session, interleaved
 * (A B, then B A, ...) so that drift in the machine's load falls on both alike, and reported as
 * per-round ratios B/A. A is `--against <git-ref>`, exported with `git archive` into a temp folder
 * that borrows this checkout's node_modules; B is this checkout, or `--with <git-ref>` exported the
 * same way (to pair two commits, neither of them checked out). Not a test.
 *
 * Both builds run this checkout's bench script (copied over the ref's bench/ folder), so they are
 * measured the same way; `--own-harness` runs each build's own copy instead (for a bench whose
 * imports the ref does not have). A run's numbers are its `bench-metrics` line (metrics.ts) or the
 * last JSON object it prints. Run it with `nice -n 10`, one at a time: both builds share the cores.
 *
 * @example
 * nice -n 10 npx tsx bench/paired.ts --against 16d2cdf --rounds 5 -- bench/readings.ts --n 10000 --no-peer
 * nice -n 10 npx tsx bench/paired.ts --against HEAD~3 -- bench/triage.ts --n 5000
 * nice -n 10 npx tsx bench/paired.ts --against 0f82c73 --with 6917c8b -- bench/check.ts --seconds 3
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseMetrics } from "./metrics.js";

const ROOT = resolve(import.meta.dirname, "..");

interface Options {
  against: string;
  with: string | undefined;
  rounds: number;
  ownHarness: boolean;
  keep: boolean;
  bench: string;
  args: string[];
}

function options(): Options {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      against: { type: "string" },
      with: { type: "string" },
      rounds: { type: "string", default: "3" },
      "own-harness": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const [bench, ...args] = positionals;
  if (values.against === undefined || bench === undefined)
    throw new Error(
      "usage: paired.ts --against <git-ref> [--with <git-ref>] [--rounds N] [--own-harness] [--keep] -- bench/<name>.ts [bench args]",
    );
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive whole number");
  return { against: values.against, with: values.with, rounds, ownHarness: values["own-harness"], keep: values.keep, bench, args };
}

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

function main(): void {
  const o = options();
  const bench = relative(ROOT, resolve(ROOT, o.bench));
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

main();
