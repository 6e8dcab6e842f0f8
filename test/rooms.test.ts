import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// docs/architecture.md: benchmarks never import tests (shared fixtures live in support/), the
// shipped code never imports either, and each room of src uses only the rooms its table allows.
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

/** docs/architecture.md's "may use" column: whole rooms, or `room/public` for a room's public module. */
const MAY_USE: Record<string, readonly string[]> = {
  core: [],
  analysis: ["core"],
  store: ["core"],
  ingest: ["core", "store"],
  pipeline: ["core", "store", "cases"],
  cases: ["core", "store", "analysis/public", "ingest/public", "connectors/public"],
  insights: ["core", "store", "cases"],
  connectors: ["core", "store", "ingest/public"],
  integrations: ["core", "analysis/public"],
  server: ["core", "analysis", "store", "ingest", "pipeline", "cases", "insights", "connectors", "integrations"],
  cli: ["core", "analysis", "store", "ingest", "pipeline", "cases", "insights", "connectors", "integrations", "server"],
};

const shipped = () => tsFiles("src").filter((f) => !f.endsWith(".test.ts"));

/** Every relative import, re-export or dynamic import of a file, as a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\(\s*)["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(dirname(join(ROOT, file)), s)).replace(/\.js$/, ""));
}

/** "room -> target" for each import of src that the table does not allow. */
function roomBreaches(): string[] {
  const out: string[] = [];
  for (const file of shipped()) {
    const room = file.split("/")[1]!;
    for (const target of importsOf(file)) {
      const [top, other, ...rest] = target.split("/");
      if (top !== "src" || other === room) continue;
      const allowed = MAY_USE[room] ?? [];
      if (!allowed.includes(other!) && !(rest.join("/") === "public" && allowed.includes(`${other}/public`)))
        out.push(`${file} -> ${target}`);
    }
  }
  return out;
}

/** Query builder calls and raw SQL, and drivers or kysely imported for more than their types. */
const RUNS_SQL =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`|^import (?!type\b)[^;]*from "(?:kysely|pg|better-sqlite3)";/m;

describe("rooms", () => {
  it("each room of src imports only what docs/architecture.md allows it", () => {
    expect(Object.keys(MAY_USE).sort()).toEqual(readdirSync(join(ROOT, "src")).sort());
    expect(roomBreaches()).toEqual([]);
  });

  it("no SQL outside src/store", () => {
    expect(shipped().filter((f) => !f.startsWith("src/store/") && RUNS_SQL.test(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
  });

  it("sees SQL, and not type imports of kysely", () => {
    expect('const r = await db.selectFrom("cases").execute();').toMatch(RUNS_SQL);
    expect("await sql`select 1`.execute(db);").toMatch(RUNS_SQL);
    expect('import { Kysely } from "kysely";').toMatch(RUNS_SQL);
    expect('import type { Kysely } from "kysely";').not.toMatch(RUNS_SQL);
    expect("const x = selectFromList(a);").not.toMatch(RUNS_SQL);
  });

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
