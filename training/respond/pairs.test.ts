import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/analysis/read.js";
import { loadPairs, scorePair } from "./eval-pairs.js";
import { openReader } from "./open-reader.js";

// The bar of issue 13, end to end through the real reader: every cold or blaming reply <= 50 and
// at least 30 below its warm reply; a blaming reply never meets respect; in all five languages.
let reader: Reader;
beforeAll(async () => {
  reader = await openReader();
});

describe("empathy pairs (warm, cold, blaming)", () => {
  for (const lang of ["en", "te", "th", "cs", "tl"]) {
    it(`holds the bar on every ${lang} row`, () => {
      const pairs = loadPairs(lang);
      expect(pairs.length).toBeGreaterThanOrEqual(8);
      const failures = pairs.flatMap((p) => scorePair(reader, p).failures.map((f) => `${f} :: ${p.message.slice(0, 40)}`));
      expect(failures).toEqual([]);
    });
  }
});
