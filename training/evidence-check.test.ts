import { describe, expect, it } from "vitest";
import { fixedSample, spanFault } from "./evidence-check.js";

const at = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

describe("evidence check", () => {
  it("names a lone function word in each language", () => {
    expect(spanFault("sira rin po yung router", at("sira rin po yung router", "rin"), "tl")).toBe("function");
    expect(spanFault("ช่วยดูให้หน่อย", at("ช่วยดูให้หน่อย", "หน่อย"), "th")).toBe("function");
    expect(spanFault("మీరు పంపిన ఫోన్", at("మీరు పంపిన ఫోన్", "మీరు"), "te")).toBe("function");
    expect(spanFault("Paní byla neochotná", at("Paní byla neochotná", "Paní"), "cs")).toBe("function");
    expect(spanFault("it was already late", at("it was already late", "already"), "en")).toBe("function");
  });

  it("passes content words, phrases with a function word and emoji", () => {
    expect(spanFault("sira rin po yung router", at("sira rin po yung router", "sira rin"), "tl")).toBeNull();
    expect(spanFault("Paní byla neochotná", at("Paní byla neochotná", "neochotná"), "cs")).toBeNull();
    expect(spanFault("late again 😡", at("late again 😡", "😡"), "en")).toBeNull();
  });

  it("names a piece of a word and a span without words", () => {
    expect(spanFault("internet nefunguje", at("internet nefunguje", "nefung"), "cs")).toBe("fragment");
    expect(spanFault("why?!", at("why?!", "?!"), "en")).toBe("no-word");
  });

  it("samples the same rows in the same order on every run", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `x-${i}` }));
    const a = fixedSample(rows, 10, "s");
    expect(fixedSample([...rows].reverse(), 10, "s")).toEqual(a);
    expect(fixedSample(rows, 10, "t")).not.toEqual(a);
  });
});
