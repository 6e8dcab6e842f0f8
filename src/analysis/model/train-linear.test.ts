import { describe, expect, it } from "vitest";
import { basicTokens } from "./basic-tokens.js";
import { featurize } from "./features.js";
import { type Example, scoreHead, trainHead, tuneThresholds } from "./train-linear.js";

const BITS = 14;

function ex(text: string, cls: number, multi: number[] | null = null): Example {
  const f = featurize(basicTokens(text, "en"), BITS);
  return { idx: f.idx, value: f.value, cls, multi: multi ? Int8Array.from(multi) : null, weight: 1 };
}

// Two tiny classes that share no words: a linear model must separate them.
const TRAIN = [
  ex("the parcel arrived fast and intact", 0),
  ex("quick delivery, parcel intact", 0),
  ex("arrived early, well packed parcel", 0),
  ex("fast courier, intact box", 0),
  ex("my invoice shows a double charge", 1),
  ex("charged twice on the invoice", 1),
  ex("wrong amount billed on my card", 1),
  ex("the bill has an extra fee", 1),
];

const argmax = (z: Float64Array): number => (z[0]! >= z[1]! ? 0 : 1);

describe("trainHead", () => {
  it("learns a separable toy set (softmax) and generalises to unseen phrasings", () => {
    const head = trainHead("softmax", 2, TRAIN, { bits: BITS, epochs: 20, seed: 3 });
    for (const e of TRAIN) expect(argmax(scoreHead(head, e))).toBe(e.cls);
    expect(argmax(scoreHead(head, ex("parcel arrived intact", -1)))).toBe(0);
    expect(argmax(scoreHead(head, ex("double charge on my bill", -1)))).toBe(1);
  });

  it("is deterministic for a seed and differs across seeds only in the order it saw rows", () => {
    const a = trainHead("softmax", 2, TRAIN, { bits: BITS, epochs: 3, seed: 11 });
    const b = trainHead("softmax", 2, TRAIN, { bits: BITS, epochs: 3, seed: 11 });
    expect(Buffer.from(a.W.buffer).equals(Buffer.from(b.W.buffer))).toBe(true);
    expect([...a.b]).toEqual([...b.b]);
    const c = trainHead("softmax", 2, TRAIN, { bits: BITS, epochs: 3, seed: 12 });
    expect(Buffer.from(a.W.buffer).equals(Buffer.from(c.W.buffer))).toBe(false);
  });

  it("learns multi-label targets and ignores unknown (-1) labels", () => {
    const rows = [
      ex("late and rude", -1, [1, 1, -1]),
      ex("late again", -1, [1, 0, -1]),
      ex("rude agent", -1, [0, 1, -1]),
      ex("all fine thanks", -1, [0, 0, -1]),
      ex("so late, waited hours", -1, [1, 0, -1]),
      ex("the agent was rude to me", -1, [0, 1, -1]),
    ];
    const head = trainHead("sigmoid", 3, rows, { bits: BITS, epochs: 30, seed: 5 });
    const p = (t: string): number[] => [...scoreHead(head, ex(t, -1))].map((z) => 1 / (1 + Math.exp(-z)));
    expect(p("late")[0]).toBeGreaterThan(0.5);
    expect(p("rude")[1]).toBeGreaterThan(0.5);
    expect(p("all fine")[0]).toBeLessThan(0.5);
    // Label 2 never had a target: no gradient, its logit stays at 0.
    expect(p("late and rude")[2]).toBeCloseTo(0.5, 5);
    const t = tuneThresholds(head, rows, 0.5, 1);
    expect(t[0]).toBeGreaterThanOrEqual(0.1);
    expect(t[0]).toBeLessThanOrEqual(0.9);
  });
});
