import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// docs/architecture.md: benchmarks never import tests (shared fixtures live in support/), and the
// shipped code never imports either.
const ROOT = fileURLToPath(new URL("..", import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** An import, re-export or dynamic import whose relative specifier reaches into one of `rooms`. */
function reachPattern(rooms: string[]): RegExp {
  const into = `["'](?:\\.\\.?/)+(?:${rooms.join("|")})/`;
  return new RegExp(`\\bfrom\\s+${into}|\\bimport\\(\\s*${into}`);
}

function reaching(dir: string, rooms: string[]): string[] {
  const pattern = reachPattern(rooms);
  return tsFiles(dir).filter((f) => pattern.test(readFileSync(join(ROOT, f), "utf8")));
}

describe("rooms", () => {
  it("bench imports nothing from test", () => {
    expect(reaching("bench", ["test"])).toEqual([]);
  });

  it("shipped src imports nothing from test, bench, support or training (its tests may use test helpers)", () => {
    expect(reaching("src", ["test", "bench", "support", "training"]).filter((f) => !f.endsWith(".test.ts"))).toEqual([]);
  });

  it("sees the imports it looks for, and not look-alikes", () => {
    const test = reachPattern(["test"]);
    expect(`import { x } from "../test/helpers/databases.js";`).toMatch(test);
    expect(`const m = await import("../../test/browser/harness.js");`).toMatch(test);
    expect(`export { y } from '../test/fixtures/a.js';`).toMatch(test);
    expect(`import { z } from "./test-reading.js";`).not.toMatch(test);
    expect(`import { w } from "../support/server-process.js";`).not.toMatch(test);
  });
});
