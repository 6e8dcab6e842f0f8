import { describe, expect, it } from "vitest";
import { segments } from "../web/src/components/segments.js";
import { spikes } from "../web/src/components/spikes.js";

describe("segments (evidence marks of the dashboard)", () => {
  it("cuts the text at span edges and keeps every character once, in order", () => {
    const text = "so angry, no refund";
    const out = segments(text, [
      { start: 3, end: 8, label: "emotion:anger" },
      { start: 13, end: 19, label: "need:refund_or_compensation" },
    ]);
    expect(out).toEqual([
      { text: "so ", labels: [] },
      { text: "angry", labels: ["emotion:anger"] },
      { text: ", no ", labels: [] },
      { text: "refund", labels: ["need:refund_or_compensation"] },
    ]);
    expect(out.map((s) => s.text).join("")).toBe(text);
  });

  it("gives overlapping spans one piece per distinct cover", () => {
    const out = segments("abcdef", [
      { start: 0, end: 4, label: "a" },
      { start: 2, end: 6, label: "b" },
    ]);
    expect(out).toEqual([
      { text: "ab", labels: ["a"] },
      { text: "cd", labels: ["a", "b"] },
      { text: "ef", labels: ["b"] },
    ]);
  });

  it("clips spans out of range, drops empty and non-numeric ones, and never splits a surrogate pair", () => {
    const text = "hi 😡 now";
    const out = segments(text, [
      { start: -5, end: 2, label: "x" },
      { start: 4, end: 4, label: "empty" },
      { start: Number.NaN, end: 3, label: "nan" },
      { start: 4, end: 100, label: "y" },
    ]);
    expect(out.map((s) => s.text).join("")).toBe(text);
    for (const s of out) expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(out[0]).toEqual({ text: "hi", labels: ["x"] });
  });

  it("keeps markup in the text as text", () => {
    const text = `<img src=x onerror="alert(1)">angry`;
    const out = segments(text, [{ start: 30, end: 35, label: "emotion:anger" }]);
    expect(out[0]!.text).toBe(`<img src=x onerror="alert(1)">`);
    expect(out[1]).toEqual({ text: "angry", labels: ["emotion:anger"] });
  });

  it("handles 100 KB with thousands of spans quickly", () => {
    const text = "word ".repeat(20_000);
    const spans = Array.from({ length: 2000 }, (_, i) => ({ start: i * 50, end: i * 50 + 4, label: "emotion:anger" }));
    const t0 = performance.now();
    const out = segments(text, spans);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(out.filter((s) => s.labels.length)).toHaveLength(2000);
  });
});

describe("spikes (public channels)", () => {
  it("flags a day far above its recent baseline, not a quiet channel's first post", () => {
    expect(spikes([1, 2, 1, 2, 1, 2, 1, 9])).toEqual([7]);
    expect(spikes([0, 0, 0, 1])).toEqual([]);
    expect(spikes([5, 5, 5, 5, 6])).toEqual([]);
  });
});
