import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AdaptRow, adaptModels } from "./adapt.js";
import { loadModels } from "./load-models.js";
import { modelTokenizer } from "./model-tokens.js";
import { predict } from "./predict.js";

describe("adaptModels", () => {
  it("learns a user's domain word from their labels and writes a model loadModels reads", async () => {
    const tok = await modelTokenizer();
    const base = loadModels();
    const dir = mkdtempSync(join(tmpdir(), "attune-adapt-"));
    try {
      // In this user's shop a "glitchbox" is their faulty router model: mentioning it is a complaint.
      const subjects = ["my glitchbox", "the glitchbox", "this glitchbox", "our new glitchbox", "the glitchbox you sent"];
      const verbs = ["arrived today", "is on the table", "came with a cable", "was delivered on monday", "is in the box"];
      const rows: AdaptRow[] = [];
      let id = 0;
      for (const s of subjects) for (const v of verbs) rows.push({ id: `g${id++}`, text: `${s} ${v}`, lang: "en", sentiment: "negative" });
      for (const s of ["my parcel", "the router", "this phone", "our new modem", "the cable you sent"]) {
        for (const v of verbs) rows.push({ id: `n${id++}`, text: `${s} ${v}`, lang: "en", sentiment: "neutral" });
      }
      const result = adaptModels(rows, { base, out: dir, tokenize: tok.tokenize, seed: 3 });
      expect(result.train + result.heldOut).toBe(rows.length);
      expect(result.report.map((r) => r.head)).toEqual(["sentiment"]);
      const adapted = loadModels(dir);
      const text = "the glitchbox is here";
      const input = { tokens: tok.tokenize(text, "en"), text, lang: "en" };
      const before = predict(base, input).prob("sentiment", "negative");
      const after = predict(adapted, input).prob("sentiment", "negative");
      expect(after).toBeGreaterThan(before + 0.2);
      expect(
        predict(adapted, input)
          .evidence("negative")
          .map((s) => text.slice(s.start, s.end))
          .join(" "),
      ).toMatch(/glitchbox/);
      // Heads the file does not label keep the shipped weights.
      const other = { tokens: tok.tokenize("I am so grateful, thank you", "en"), text: "I am so grateful, thank you", lang: "en" };
      expect([...predict(adapted, other).heads.emotions.probs]).toEqual([...predict(base, other).heads.emotions.probs]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
