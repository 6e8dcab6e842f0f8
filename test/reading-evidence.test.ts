/**
 * Property: every label of every Reading points at evidence spans that exist in the text, for
 * team-written messages in every seed language and for hostile input.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";
import type { Reading, Span } from "../src/core/reading.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader();
});

function teamTexts(): string[] {
  const dir = new URL("../training/data/", import.meta.url);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(new URL(f, dir), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );
}

const HOSTILE = [
  "",
  "   \n\t ",
  "😡😡😡",
  "\uD800 lone surrogate \uDFFF",
  "\u0000\u0001binary\u00ff\u00fe",
  "NOT HAPPY!!!!! WHERE IS MY REFUND???",
  "a".repeat(5000),
  "ไม่".repeat(300),
  "ne".repeat(1000),
];

function spansOf(r: Reading): Span[] {
  return [
    ...r.sentiment.evidence,
    ...r.emotions.flatMap((e) => e.evidence),
    ...r.needs.flatMap((n) => n.evidence),
    ...r.causes.flatMap((c) => c.evidence),
    ...r.stage.evidence,
    ...r.complaint.evidence,
    ...r.signals.flatMap((s) => s.evidence),
  ];
}

function checkReading(text: string, r: Reading): void {
  for (const s of spansOf(r)) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.end).toBeGreaterThan(s.start);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  const labelled = [r.emotions, r.needs, r.causes, r.signals].flat();
  for (const l of labelled) expect(l.evidence.length).toBeGreaterThan(0);
  if (r.complaint.is) expect(r.complaint.evidence.length).toBeGreaterThan(0);
  if (text.trim() !== "") expect(r.stage.evidence.length).toBeGreaterThan(0);
  for (const p of r.pii) expect(p.end).toBeLessThanOrEqual(text.length);
}

describe("evidence spans", () => {
  it("exist in the text for every label of every team-written message", () => {
    const texts = teamTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) checkReading(text, reader.analyze(text));
    // Thousands of messages: generous for a loaded machine; about 5 s on an idle one.
  }, 180_000);

  it("exist in the text for hostile input, which still gives valid Readings", () => {
    for (const text of HOSTILE) {
      const r = reader.analyze(text);
      checkReading(text, r);
      expect(["positive", "neutral", "negative"]).toContain(r.sentiment.label);
    }
    expect(reader.analyze("").language.code).toBe("und");
    expect(reader.analyze("😡😡😡").language.code).toBe("und");
  });
});
