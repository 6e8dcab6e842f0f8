import { describe, expect, it } from "vitest";
import { parseMetrics } from "../bench/metrics.js";

describe("bench/metrics parseMetrics (what bench/paired-inproc.ts compares)", () => {
  it("takes the last bench-metrics line over any JSON printed before it", () => {
    const out = '{"a": 1}\nreport text\nbench-metrics {"x":1}\nbench-metrics {"x":2,"y":3}\n';
    expect(parseMetrics(out)).toEqual({ x: 2, y: 3 });
  });

  it("falls back to the numeric leaves of the last JSON object, pretty-printed or not", () => {
    const out = 'warming up {not json}\n{\n "bench": "q",\n "p99_ms": 12.5,\n "kinds": {"a": {"p50": 1}},\n "ok": true\n}\n';
    expect(parseMetrics(out)).toEqual({ p99_ms: 12.5, "kinds.a.p50": 1 });
  });

  it("is empty for output with neither", () => {
    expect(parseMetrics("just a table\n| a | b |\n")).toEqual({});
  });
});
