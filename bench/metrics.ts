/**
 * The machine-readable result of a bench run, for `bench/paired-inproc.ts` to compare two builds: one line
 * `bench-metrics {"name": number, ...}` after the bench's own report. Benches that already print a
 * JSON summary need not call this: paired-inproc.ts reads the last JSON object of their output instead.
 *
 * @example
 * emitMetrics({ readings_per_cpu_s: 5210, p99_us: 900 }); // bench-metrics {"readings_per_cpu_s":5210,"p99_us":900}
 */
export const METRICS_PREFIX = "bench-metrics ";

/** Print the run's numbers on one line, rounded to 4 significant digits. */
export function emitMetrics(metrics: Record<string, number>): void {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(metrics)) if (Number.isFinite(v)) out[k] = Number(v.toPrecision(4));
  console.log(METRICS_PREFIX + JSON.stringify(out));
}

/**
 * The numbers of one run's output: the last `bench-metrics` line, or else the numeric leaves of
 * the last JSON object printed (nested keys joined with "."). Empty when there are neither.
 */
export function parseMetrics(stdout: string): Record<string, number> {
  const lines = stdout.split("\n");
  const tagged = lines.filter((l) => l.startsWith(METRICS_PREFIX)).pop();
  if (tagged !== undefined) return JSON.parse(tagged.slice(METRICS_PREFIX.length)) as Record<string, number>;
  const json = lastJsonObject(stdout);
  const out: Record<string, number> = {};
  if (json !== undefined) flatten(json, "", out);
  return out;
}

/** The last top-level `{...}` in the text that parses as JSON (a bench may print it over many lines). */
function lastJsonObject(text: string): unknown {
  for (let end = text.lastIndexOf("}"); end >= 0; end = text.lastIndexOf("}", end - 1)) {
    for (let start = text.lastIndexOf("{", end); start >= 0; start = text.lastIndexOf("{", start - 1)) {
      // Only an object that starts a line is a summary; braces inside a line are part of one.
      if (start > 0 && text[start - 1] !== "\n") continue;
      try {
        return JSON.parse(text.slice(start, end + 1)) as unknown;
      } catch {
        // Not this start; try an earlier one.
      }
    }
  }
  return undefined;
}

function flatten(value: unknown, path: string, out: Record<string, number>): void {
  if (typeof value === "number" && Number.isFinite(value)) out[path] = value;
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) flatten(v, path === "" ? k : `${path}.${k}`, out);
}
