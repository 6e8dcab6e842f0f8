import { describe, expect, it } from "vitest";
import { growth } from "./helpers/growth.js";
import { contactCount } from "../src/analysis/fuse/contact-count.js";

/** Counts in the first half, contact words in the second, farther apart than any pair may be. */
function apart(size: number): string {
  const half = size / 2;
  return ("twice ".repeat(Math.floor((half - 40) / 6)).padEnd(half, ".") + " called".repeat(Math.floor(half / 7))).padEnd(size, ".");
}

describe("contact count", () => {
  it("pairs a count with a contact word near it, in any of our languages", () => {
    expect(contactCount("This is my 4th email. WHERE IS MY ORDER")).toEqual([
      { start: 11, end: 14 },
      { start: 15, end: 20 },
    ]);
    expect(contactCount("Volám vám už potřetí")).toHaveLength(2);
    expect(contactCount("the app is crashing again, twice today")).toEqual([]);
  });

  it("grows linearly when thousands of counts are far from thousands of contact words", () => {
    expect(contactCount(apart(65_536))).toEqual([]);
    expect(growth(apart, contactCount, 8_192, 8)).toBeLessThan(2);
  });
});
