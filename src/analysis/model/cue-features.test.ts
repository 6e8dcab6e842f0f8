import { describe, expect, it } from "vitest";
import { cueFeatures, hitPolarity, type CueHitLike } from "./cue-features.js";

const hit = (
  kind: CueHitLike["cue"]["kind"],
  label: string,
  opts: { negated?: boolean; polarity?: "+" | "-" | null; weight?: number } = {},
): CueHitLike => ({
  first: 2,
  negated: opts.negated ?? false,
  cue: { kind, label, polarity: opts.polarity ?? null, weight: opts.weight ?? 0.7 },
});

describe("cue features", () => {
  it("read polarity as the sentiment fusion does: negated polar words flip, negated emotions say nothing", () => {
    expect(hitPolarity(hit("sentiment", "positive"))).toBe("+");
    expect(hitPolarity(hit("sentiment", "positive", { negated: true }))).toBe("-");
    expect(hitPolarity(hit("emotion", "anger", { negated: true }))).toBeNull();
    expect(hitPolarity(hit("cause", "delivery_or_wait", { polarity: "-" }))).toBe("-");
    expect(hitPolarity(hit("need", "refund_or_compensation"))).toBeNull();
  });
  it("give the label, the polarity and the polarity with its strength, at the cue's first token", () => {
    expect(cueFeatures([hit("cause", "price_or_billing", { polarity: "-", weight: 0.4 })])).toEqual([
      { kind: "cause", label: "price_or_billing-", token: 2 },
      { kind: "pol", label: "-", token: 2 },
      { kind: "pol", label: "-.", token: 2 },
    ]);
    expect(cueFeatures([hit("emotion", "joy", { negated: true })])).toEqual([{ kind: "emotion", label: "~joy", token: 2 }]);
  });
});
