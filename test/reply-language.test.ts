/**
 * From message to draft language: a customer who types Telugu in Latin letters, mixed with English
 * nouns, gets a draft in romanised Telugu (not English, and not Telugu script); a customer whose
 * language has no templates gets a draft in the fallback language that says so.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";
import { draftReplies } from "../src/analysis/respond/draft-replies.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader({ modelDir: false });
});

function firstDraft(message: string) {
  const [d] = draftReplies(reader.analyze(message), {}, { message, count: 1 });
  return d!;
}

describe("draft language follows the message", () => {
  it("answers Telugu-English chat in romanised Telugu", () => {
    for (const message of [
      "dentist appointment confirm ayyinda? message raaledu",
      "order lo drink ivvaledu, bill lo matram charge chesaru",
      "accountlo money kanipinchatledu, chala tension ga undi",
      "recharge chesanu kaani data raledhu",
    ]) {
      const d = firstDraft(message);
      expect(d, message).toMatchObject({ language: "te", script: "Latn" });
      expect(d.fallback_language, message).toBeUndefined();
      expect(d.text, message).not.toMatch(/[\u0c00-\u0c7f]/);
      expect(d.text, message).toMatch(/\b(?:andi|garu)\b/);
    }
  });

  it("says when it falls back, for a language without templates", () => {
    const de = firstDraft("Meine Bestellung ist seit zwei Wochen nicht angekommen, das ist eine Frechheit.");
    expect(de.language).toBe("en");
    expect(de.fallback_language).toEqual({ customer: "de", reason: expect.stringMatching(/no reply templates for de/) });
    // Hinglish is not Telugu: whatever it is read as, the draft is not romanised Telugu.
    const hi = firstDraft("bhai mera refund kab aayega, 5 din ho gaye");
    expect(hi.language).not.toBe("te");
  });
});
