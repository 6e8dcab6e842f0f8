import { describe, expect, it } from "vitest";
import { backoffDelay } from "./webhook-deliverer.js";

describe("webhook retry backoff", () => {
  const o = { baseDelayMs: 5_000, maxDelayMs: 3_600_000 };
  it("doubles from the base with a reproducible spread of at most 10%, up to the cap", () => {
    const delays = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, o, 17));
    delays.forEach((d, i) => {
      const raw = 5_000 * 2 ** i;
      expect(d).toBeGreaterThanOrEqual(raw * 0.9);
      expect(d).toBeLessThanOrEqual(raw * 1.1);
    });
    expect(backoffDelay(3, o, 17)).toBe(delays[2]);
    expect(backoffDelay(40, o, 17)).toBeLessThanOrEqual(3_600_000 * 1.1);
    // Different deliveries spread apart, so a receiver coming back is not hit by all at once.
    const spread = new Set(Array.from({ length: 20 }, (_, id) => backoffDelay(2, o, id)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
