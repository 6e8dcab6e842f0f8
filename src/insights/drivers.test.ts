import { describe, expect, it } from "vitest";
import { seededRandom } from "../core/seeded-random.js";
import { driverAnalysis, type AnswerGroup } from "./drivers.js";
import { invert, ridgeFit } from "./ridge.js";
import { answerValue, scoreStats, t975 } from "./survey-stats.js";

describe("ridgeFit", () => {
  it("with one indicator and no penalty gives the difference of the two group means", () => {
    const fit = ridgeFit(
      [
        { x: [0], y: 10, count: 3 },
        { x: [0], y: 20, count: 1 },
        { x: [], y: 4, count: 2 },
      ],
      1,
      0,
    );
    expect(fit.intercept).toBeCloseTo(4, 9);
    expect(fit.beta[0]).toBeCloseTo(12.5 - 4, 9);
    expect(fit.n).toBe(6);
  });

  it("recovers known effects of overlapping indicators, and their intervals cover the truth", () => {
    const next = seededRandom(7);
    const truth = [-30, 25, 0];
    const rows = [];
    for (let i = 0; i < 5000; i++) {
      const x = [0, 1, 2].filter(() => next() < 0.3);
      const y = 5 + x.reduce((s, j) => s + truth[j]!, 0) + (next() - 0.5) * 80;
      rows.push({ x, y, count: 1 });
    }
    const fit = ridgeFit(rows, 3, 1);
    truth.forEach((b, j) => {
      expect(Math.abs(fit.beta[j]! - b)).toBeLessThan(1.96 * fit.se[j]! + 1e-9);
      expect(fit.se[j]).toBeGreaterThan(0.3);
      expect(fit.se[j]).toBeLessThan(2);
    });
  });

  it("splits the effect of two indicators that always occur together instead of failing", () => {
    const fit = ridgeFit(
      [
        { x: [0, 1], y: -100, count: 50 },
        { x: [], y: 100, count: 50 },
      ],
      2,
      1,
    );
    expect(fit.beta[0]).toBeCloseTo(fit.beta[1]!, 6);
    // Their sum acts as one indicator with penalty λ/2: ridge shrinks the mean difference by m/(m + λ/2), m = n1·n0/n = 25.
    expect(fit.beta[0]! + fit.beta[1]!).toBeCloseTo((-200 * 25) / 25.5, 6);
  });

  it("inverts a matrix", () => {
    const inv = invert([
      [4, 7],
      [2, 6],
    ]);
    expect(inv[0]![0]).toBeCloseTo(0.6, 9);
    expect(inv[0]![1]).toBeCloseTo(-0.7, 9);
    expect(inv[1]![0]).toBeCloseTo(-0.2, 9);
    expect(inv[1]![1]).toBeCloseTo(0.4, 9);
  });
});

describe("driverAnalysis", () => {
  const groups: AnswerGroup[] = [
    { causes: ["billing:negative"], score: 2, count: 60 },
    { causes: ["billing:negative"], score: 9, count: 2 },
    { causes: ["staff_kindness:positive"], score: 10, count: 70 },
    { causes: ["staff_kindness:positive"], score: 5, count: 5 },
    { causes: [], score: 8, count: 100 },
    { causes: [], score: 3, count: 20 },
    { causes: [], score: 9, count: 30 },
    { causes: ["rare:negative"], score: 0, count: 5 },
  ];

  it("finds a cause that lowers NPS and one that raises it, sorted by |effect|, and counts the rare one left out", () => {
    const d = driverAnalysis("nps", groups);
    expect(d.n).toBe(292);
    expect(d.left_out).toBe(1);
    expect(d.drivers.map((x) => `${x.cause}:${x.polarity}`)).toEqual(["billing:negative", "staff_kindness:positive"]);
    const [bill, kind] = d.drivers;
    expect(bill!.effect).toBeLessThan(0);
    expect(bill!.ci_high).toBeLessThan(0);
    expect(kind!.effect).toBeGreaterThan(0);
    expect(kind!.ci_low).toBeGreaterThan(0);
    expect(bill!.n).toBe(62);
  });

  it("keeps a pair once it reaches the threshold, and reports the mean in the metric's points", () => {
    const d = driverAnalysis("nps", groups, { minAnswers: 5 });
    expect(d.left_out).toBe(0);
    const nps = scoreStats("nps", [
      { score: 2, count: 60 },
      { score: 9, count: 2 },
      { score: 10, count: 70 },
      { score: 5, count: 5 },
      { score: 8, count: 100 },
      { score: 3, count: 20 },
      { score: 9, count: 30 },
      { score: 0, count: 5 },
    ]);
    expect(d.mean).toBe(nps.value);
  });

  it("answers an empty window with no drivers", () => {
    expect(driverAnalysis("csat", [])).toEqual({ metric: "csat", n: 0, mean: null, drivers: [], left_out: 0 });
  });
});

describe("scoreStats", () => {
  it("NPS with its multinomial interval", () => {
    const s = scoreStats("nps", [
      { score: 10, count: 50 },
      { score: 3, count: 20 },
      { score: 8, count: 30 },
    ]);
    // sd of one answer: sqrt(0.7 - 0.3²) = 0.781; half width 1.96 · 78.1 / 10 = 15.31
    expect(s).toEqual({ n: 100, value: 30, ci_low: 14.69, ci_high: 45.31 });
  });

  it("CSAT with the Wilson interval (8 of 10 satisfied: 49.0% to 94.3%)", () => {
    const s = scoreStats("csat", [
      { score: 5, count: 6 },
      { score: 4, count: 2 },
      { score: 2, count: 2 },
    ]);
    expect(s.value).toBe(80);
    expect(s.ci_low).toBeCloseTo(49.02, 1);
    expect(s.ci_high).toBeCloseTo(94.33, 1);
  });

  it("CES mean with Student's t", () => {
    const s = scoreStats("ces", [
      { score: 2, count: 1 },
      { score: 4, count: 1 },
      { score: 6, count: 1 },
    ]);
    // mean 4, sd 2, se 2/√3, t(2) = 4.303
    expect(s.value).toBe(4);
    expect(s.ci_high).toBeCloseTo(4 + (4.303 * 2) / Math.sqrt(3), 2);
  });

  it("t quantiles match the tables above 30 degrees of freedom", () => {
    expect(t975(40)).toBeCloseTo(2.021, 3);
    expect(t975(60)).toBeCloseTo(2.0, 3);
    expect(t975(120)).toBeCloseTo(1.98, 3);
  });

  it("answer values in the metric's points", () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => answerValue("nps", s))).toEqual([-100, -100, 0, 0, 100, 100]);
    expect([1, 3, 4, 5].map((s) => answerValue("csat", s))).toEqual([0, 0, 100, 100]);
    expect(answerValue("ces", 6)).toBe(6);
  });

  it("no answers, no value", () => {
    expect(scoreStats("ces", [])).toEqual({ n: 0, value: null, ci_low: null, ci_high: null });
  });
});
