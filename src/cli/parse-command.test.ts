import { afterEach, describe, expect, it, vi } from "vitest";
import { parseCommand } from "./parse-command.js";

const USAGE = "attune thing [--db PATH] [--once]";
const OPTIONS = { db: { type: "string" }, once: { type: "boolean" } } as const;

afterEach(() => vi.restoreAllMocks());

function capture() {
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  return { out: () => out.mock.calls.join(""), err: () => err.mock.calls.join("") };
}

describe("parseCommand", () => {
  it("returns the parsed flags", () => {
    const p = parseCommand(["--db", "x.db", "--once"], OPTIONS, USAGE);
    expect(typeof p).toBe("object");
    if (typeof p === "number") return;
    expect(p.values.db).toBe("x.db");
    expect(p.values.once).toBe(true);
  });

  it("answers --help and -h with the usage on stdout and exit code 0", () => {
    for (const flag of ["--help", "-h"]) {
      const io = capture();
      expect(parseCommand([flag], OPTIONS, USAGE)).toBe(0);
      expect(io.out()).toBe(`${USAGE}\n`);
      vi.restoreAllMocks();
    }
  });

  it("refuses an unknown flag and stray positionals with the reason and the usage on stderr, exit code 2", () => {
    const io = capture();
    expect(parseCommand(["--nope"], OPTIONS, USAGE)).toBe(2);
    expect(parseCommand(["stray"], OPTIONS, USAGE)).toBe(2);
    expect(io.err()).toContain("--nope");
    expect(io.err()).toContain(USAGE);
  });

  it("takes positionals when the command allows them", () => {
    const p = parseCommand(["create", "--db", "y.db"], OPTIONS, USAGE, true);
    if (typeof p === "number") throw new Error("expected flags");
    expect(p.positionals).toEqual(["create"]);
  });
});
