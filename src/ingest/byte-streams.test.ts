import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AttuneError } from "../core/errors.js";
import { capBytes, collectBytes, decodeUtf8, inflateIfGzip, splitLines } from "./byte-streams.js";

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === "string" ? new TextEncoder().encode(p) : p;
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof AttuneError ? err.code : "other";
  }
  return undefined;
}

describe("byte streams", () => {
  it("splits lines across chunk borders, drops \\r, and reports over-long lines without their bytes", async () => {
    const out: { no: number; text?: string; size: number }[] = [];
    for await (const l of splitLines(chunks("ab", "c\r\nde", "f\n", "x".repeat(20), "\nlast"), 10)) {
      out.push({ no: l.no, ...(l.bytes ? { text: new TextDecoder().decode(l.bytes) } : {}), size: l.size });
    }
    expect(out).toEqual([
      { no: 1, text: "abc", size: 3 },
      { no: 2, text: "def", size: 3 },
      { no: 3, size: 20 },
      { no: 4, text: "last", size: 4 },
    ]);
  });

  it("caps input and inflated output", async () => {
    expect(await codeOf(collectBytes(capBytes(chunks("12345", "678"), 7)))).toBe("input.too_large");
    const bomb = gzipSync(Buffer.alloc(5_000_000));
    expect(await codeOf(collectBytes(inflateIfGzip(chunks(bomb), 1_000_000)))).toBe("input.compressed_bomb");
    const ok = await collectBytes(inflateIfGzip(chunks(gzipSync("hello")), 100));
    expect(new TextDecoder().decode(ok)).toBe("hello");
    expect(new TextDecoder().decode(await collectBytes(inflateIfGzip(chunks("plain"), 100)))).toBe("plain");
  });

  it("decodes UTF-8 split inside a character, and refuses invalid bytes", async () => {
    const th = new TextEncoder().encode("สวัสดี");
    let s = "";
    for await (const part of decodeUtf8(chunks(th.subarray(0, 4), th.subarray(4)))) s += part;
    expect(s).toBe("สวัสดี");
    const bad = (async () => {
      for await (const _ of decodeUtf8(chunks(new Uint8Array([0x61, 0xc3, 0x28])))) void _;
    })();
    expect(await codeOf(bad)).toBe("input.invalid_utf8");
  });
});
