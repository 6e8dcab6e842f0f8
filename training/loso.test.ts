import { describe, expect, it } from "vitest";
import type { Row } from "./datasets.js";
import { capRows } from "./loso.js";

const row = (set: string, i: number, dev = false): Row => ({
  set,
  lang: "cs",
  text: `${set} message ${i}`,
  dev,
  calib: false,
  targets: {},
});

describe("capRows", () => {
  const big = Array.from({ length: 1000 }, (_, i) => row("big", i));
  const dev = Array.from({ length: 300 }, (_, i) => row("big", 1000 + i, true));
  const team = Array.from({ length: 400 }, (_, i) => row("team-cs", i));

  it("keeps a big source's training rows between the cap and 1.5 times it, every dev row, and the rows named uncapped", () => {
    const kept = capRows([...big, ...dev, ...team], 100, (r) => r.set.startsWith("team-"));
    const training = kept.filter((r) => r.set === "big" && !r.dev).length;
    expect(training).toBeGreaterThanOrEqual(100);
    expect(training).toBeLessThanOrEqual(150);
    expect(kept.filter((r) => r.dev)).toHaveLength(300);
    expect(kept.filter((r) => r.set === "team-cs")).toHaveLength(400);
  });

  it("keeps everything with cap 0, and the same rows on every run", () => {
    expect(capRows(big, 0)).toHaveLength(1000);
    expect(capRows(big, 100).map((r) => r.text)).toEqual(capRows(big, 100).map((r) => r.text));
  });
});
