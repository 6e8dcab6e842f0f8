import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AttuneError } from "../../core/errors.js";
import { fitModels } from "./fit-models.js";
import { featurize } from "./features.js";
import { basicTokens } from "./basic-tokens.js";
import { loadModels, type Models } from "./load-models.js";
import { writeModelFile } from "./model-file.js";
import { modelTokenizer, type ModelTokenizer } from "./model-tokens.js";
import { predict, sentimentProbs } from "./predict.js";
import { MAX_SLOTS } from "./simd-accumulate.js";

let models: Models;
let tok: ModelTokenizer;

beforeAll(async () => {
  models = loadModels();
  tok = await modelTokenizer();
});

const run = (text: string, lang: string) => predict(models, { tokens: tok.tokenize(text, lang), text, lang });

describe("sentimentProbs (the sentiment head alone)", () => {
  it.each([
    ["en", "The coverage is shocking but the staff were lovely"],
    ["cs", "ale baterie nevydrží ani den"],
    ["th", "ส่งช้ามาก แต่พนักงานสุภาพ"],
    ["tl", "Sira yung order ko"],
    ["en", ""],
  ])("gives predict's sentiment probabilities (%s: %s)", (lang, text) => {
    const input = { tokens: tok.tokenize(text, lang), text, lang };
    expect(sentimentProbs(models, input)).toEqual(predict(models, input).heads.sentiment.probs);
  });
});

describe("sentimentOfTokens (a run of a message's tokens, from its sums)", () => {
  it.each([
    ["en", "The coverage is SHOCKING!!! but the staff were soooo lovely, really #great"],
    ["cs", "Baterie nevydrží ani den, ale obsluha byla SUPER milá."],
    ["th", "ส่งช้ามาก แต่พนักงานสุภาพ 😊"],
    ["tl", "Sira yung order ko pero mabait naman si ate"],
  ])("gives sentimentProbs of every run, with its cue features counted from its start (%s: %s)", (lang, text) => {
    const tokens = tok.tokenize(text, lang);
    const cues = tokens.map((_, t) => ({ kind: "sentiment", label: t % 2 === 0 ? "negative" : "positive", token: t }));
    const out = predict(models, { tokens, text, lang, cues });
    expect(out.sentimentOfTokens).toBeDefined();
    for (let lo = 0; lo < tokens.length; lo++)
      for (let hi = lo; hi < tokens.length; hi++) {
        const inside = cues.filter((c) => c.token >= lo && c.token <= hi).map((c) => ({ ...c, token: c.token - lo }));
        // A cue positioned past the run is left out by both, never read outside the sums.
        inside.push({ kind: "sentiment", label: "negative", token: MAX_SLOTS + hi });
        const alone = sentimentProbs(models, { tokens: tokens.slice(lo, hi + 1), text, lang, cues: inside });
        expect(out.sentimentOfTokens!(lo, hi, inside)).toEqual(alone);
      }
  });
});

describe("shipped models", () => {
  // Load time is measured in bench/readings.ts: a test never asserts time (it flakes on a busy machine).
  it("carry a version and a trained sentiment head", () => {
    expect(models.versions.linear).toMatch(/^f\d+-[0-9a-f]{12}$/);
    expect(models.head.sentiment?.trained).toBe(true);
  });

  it.each([
    ["en", "I love this, thank you so much!", "positive"],
    ["en", "This is the worst service, I want my money back", "negative"],
    ["te", "చాలా బాగుంది, ధన్యవాదాలు", "positive"],
    ["te", "చాలా చెత్త సర్వీస్, నా డబ్బులు తిరిగి ఇవ్వండి", "negative"],
    ["th", "ขอบคุณมากค่ะ บริการดีมาก ประทับใจ", "positive"],
    ["th", "แย่มาก บริการห่วยที่สุด ขอเงินคืน", "negative"],
    ["cs", "Děkuji moc, skvělá obsluha, moc se nám líbilo", "positive"],
    // Known miss (MODEL_CARD.md): short Czech complaints such as "Nejhorší služba, chci vrátit peníze" read neutral.
    ["cs", "Naprosto hrozná zkušenost, už nikdy víc.", "negative"],
    ["tl", "Salamat po, ang ganda ng serbisyo, sobrang satisfied ako", "positive"],
    ["tl", "Ang pangit ng serbisyo, ibalik niyo ang pera ko", "negative"],
  ])("%s: %s -> %s", (lang, text, label) => {
    const out = run(text, lang);
    expect(out.sentiment.label).toBe(label);
    expect(Math.sign(out.sentiment.score)).toBe(label === "positive" ? 1 : -1);
    const probs = [...out.heads.sentiment.probs];
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it("points every predicted label at words of the text", () => {
    const text = "This is the worst service, I want my money back";
    const out = run(text, "en");
    const spans = out.evidence("negative");
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(" ")).toMatch(/worst/);
    for (const label of out.heads.emotions.predicted) {
      for (const s of out.evidence(label, "emotions")) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(s.start, s.end).trim()).not.toBe("");
      }
    }
  });

  it("gives the same output for the same input", () => {
    const a = run("Refund me now, this is a scam", "en");
    const b = run("Refund me now, this is a scam", "en");
    expect([...a.heads.sentiment.probs]).toEqual([...b.heads.sentiment.probs]);
    expect(a.heads.emotions.predicted).toEqual(b.heads.emotions.predicted);
  });
});

describe("model files", () => {
  it("round-trip through fit, write and load, with predictions matching the float model's labels", () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-model-"));
    try {
      const texts = [
        ["great fast delivery", 0],
        ["awful slow delivery", 2],
        ["great kind staff", 0],
        ["awful rude staff", 2],
        ["the parcel is here", 1],
        ["parcel number is 12", 1],
      ] as const;
      const rows = Array.from({ length: 40 }, (_, i) => {
        const [text, cls] = texts[i % texts.length]!;
        const f = featurize(basicTokens(text, "en"), 12);
        return { idx: f.idx, value: f.value, set: "toy", targets: { sentiment: cls }, calib: false };
      });
      const packed = fitModels(rows, { bits: 12, seed: 1, epochs: 10 });
      writeModelFile(dir, { ...packed.manifest, seed: 1, name: "toy" }, packed.weights);
      const loaded = loadModels(dir);
      const out = predict(loaded, { tokens: basicTokens("awful slow staff", "en"), text: "awful slow staff", lang: "en" });
      expect(out.sentiment.label).toBe("negative");
      expect(loaded.head.emotions?.trained).toBe(false);
      expect(out.heads.emotions.predicted).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a missing directory with model.missing", () => {
    expect(() => loadModels(join(tmpdir(), "attune-no-such-models"))).toThrow(AttuneError);
  });
});

describe("evidence read lazily", () => {
  // The weight store's sums are a view that its next call overwrites; a message's evidence is read
  // after other passes (the fusion's part reads of one clause), so it must not depend on that view.
  const allEvidence = (out: ReturnType<typeof run>): string =>
    JSON.stringify(Object.values(out.heads).map((h) => h.labels.map((l) => out.evidence(l, h.name))));

  it.each([
    ["a short message", "The courier was rude and my parcel arrived broken, but the refund came fast. Thanks Anna!"],
    ["a message longer than the accumulator's slots", "the parcel arrived broken again ".repeat(Math.ceil(MAX_SLOTS / 5) + 10)],
  ])("stays the same after other messages are scored (%s)", (_shape, text) => {
    const out = run(text, "en");
    const fresh = run(text, "en");
    const before = allEvidence(fresh);
    run("Skvělé, oprava za 24 hodin trvala tři týdny a nikdo neodpovídá.", "cs");
    run("the refund came fast", "en");
    expect(allEvidence(out)).toBe(before);
  });
});
