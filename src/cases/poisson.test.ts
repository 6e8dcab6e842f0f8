import { describe, expect, it } from "vitest";
import { logFactorial, poissonUpperTail } from "./poisson.js";

describe("Poisson upper tail", () => {
  it("matches closed forms", () => {
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    expect(poissonUpperTail(0, 5)).toBe(1);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 10);
    expect(logFactorial(50)).toBeCloseTo(148.47776695177302, 8);
  });

  it("stays finite and ordered far in the tail", () => {
    const a = poissonUpperTail(12, 2);
    const b = poissonUpperTail(20, 2);
    const c = poissonUpperTail(1000, 2);
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(c)).toBe(true);
    // Around the mean nothing is surprising.
    expect(poissonUpperTail(50, 50)).toBeGreaterThan(0.4);
  });
});
