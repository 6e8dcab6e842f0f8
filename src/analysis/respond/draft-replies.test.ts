import { describe, expect, it } from "vitest";
import { CAUSES, EMOTIONS } from "../../core/labels.js";
import type { Reading } from "../../core/reading.js";
import { findCues } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
import { draftReplies } from "./draft-replies.js";
import { LEFTOVER_SLOT } from "./fill-slots.js";
import { scriptOfLanguage } from "../language/index.js";
import { cueSetFor, TEMPLATE_LANGUAGES } from "./respond-data.js";
import { makeReading } from "./test-reading.js";
import type { ReplyFacts } from "./types.js";

/** A data key ("te", "te-Latn") as a Reading's language: its code and the script it is written in. */
function languageOf(key: string): Reading["language"] {
  const [code, script] = key.split("-") as [string, string | undefined];
  return { code, confidence: 0.9, script: script ?? scriptOfLanguage(code) };
}

function complaint(
  language: string,
  emotion: Reading["emotions"][number]["label"],
  cause: Reading["causes"][number]["label"],
  severity: 1 | 3 = 3,
): Reading {
  return makeReading({
    language: languageOf(language),
    sentiment: { label: "negative", score: -0.7, confidence: 0.8, evidence: [] },
    emotions: [{ label: emotion, score: 0.8, evidence: [] }],
    causes: [{ label: cause, polarity: "negative", score: 0.8, evidence: [] }],
    complaint: { is: true, severity, evidence: [] },
    intensity: severity === 3 ? 0.7 : 0.3,
  });
}

function praise(language: string): Reading {
  return makeReading({
    language: languageOf(language),
    sentiment: { label: "positive", score: 0.8, confidence: 0.9, evidence: [] },
    emotions: [{ label: "gratitude", score: 0.8, evidence: [] }],
    causes: [{ label: "staff_treatment", polarity: "positive", score: 0.8, evidence: [] }],
  });
}

const count = (lang: string, kind: "apology" | "private_channel" | "thanks", text: string) => {
  const c = cueSetFor(lang)!;
  return findCues(c[kind], prepare(text, c.fold)).length;
};

describe("draftReplies", () => {
  it("never leaves a slot unfilled, in any language, situation, emotion, cause or channel", () => {
    const factSets: ReplyFacts[] = [
      {},
      { customerName: "Anna", agentName: "Mai", orderId: "A-1", agentGender: "male", company: "Acme" },
      { public: true },
    ];
    let n = 0;
    for (const lang of TEMPLATE_LANGUAGES) {
      for (const cause of CAUSES) {
        for (const emotion of EMOTIONS) {
          for (const facts of factSets) {
            for (const d of draftReplies(complaint(lang, emotion, cause), facts, { count: 3 })) {
              expect(LEFTOVER_SLOT.test(d.text), d.text).toBe(false);
              expect(d.language).toBe(languageOf(lang).code);
              n++;
            }
          }
        }
      }
      for (const d of [
        ...draftReplies(praise(lang)),
        ...draftReplies(makeReading({ language: languageOf(lang) }), {}, { message: "How do I change my address?" }),
      ]) {
        expect(LEFTOVER_SLOT.test(d.text), d.text).toBe(false);
        n++;
      }
    }
    expect(n).toBeGreaterThan(5000);
  });

  it("gives several distinct variants", () => {
    const drafts = draftReplies(complaint("en", "frustration", "delivery_or_wait"), { customerName: "Dana" }, { count: 3 });
    expect(drafts).toHaveLength(3);
    expect(new Set(drafts.map((d) => d.text)).size).toBe(3);
    expect(drafts.map((d) => d.variant)).toEqual([0, 1, 2]);
  });

  it("acknowledges the specific feeling, names the cause, owns the fix and says when", () => {
    const [d] = draftReplies(complaint("en", "frustration", "delivery_or_wait"), {
      customerName: "Dana Smith",
      agentName: "Sam",
      orderId: "A-1042",
      followUp: "today",
    });
    expect(d!.text).toMatch(/^Hi Dana,|^Hello Dana,|^Dear Dana,/);
    expect(d!.text).toMatch(/frustrat|tiring/);
    expect(d!.text).toMatch(/kept waiting this long/);
    expect(d!.text).toMatch(/A-1042/);
    expect(d!.text).toMatch(/I will|I'll|I'm/);
    expect(d!.text).toMatch(/within the next two hours|by the end of today|within 24 hours/);
    expect(d!.text).not.toMatch(/inconvenience/i);
    expect(d!.text.endsWith("Sam")).toBe(true);
  });

  it("thanks praise and never apologises for it", () => {
    for (const lang of TEMPLATE_LANGUAGES) {
      for (const d of draftReplies(praise(lang), {}, { count: 3 })) {
        expect(d.situation).toBe("praise");
        expect(count(lang, "apology", d.text), `${lang}: ${d.text}`).toBe(0);
        expect(count(lang, "thanks", d.text), `${lang}: ${d.text}`).toBeGreaterThan(0);
      }
    }
  });

  it("keeps public replies short and moves them to a private channel", () => {
    for (const lang of TEMPLATE_LANGUAGES) {
      const reading = complaint(lang, "anger", "delivery_or_wait");
      const [pub] = draftReplies(reading, { public: true });
      const [priv] = draftReplies(reading, {});
      expect(pub!.public).toBe(true);
      expect(pub!.text.split("\n").length, `${lang}: ${pub!.text}`).toBeLessThanOrEqual(4);
      expect(pub!.text.length, `${lang}: ${pub!.text}`).toBeLessThan(priv!.text.length);
      expect(count(lang, "private_channel", pub!.text), `${lang}: ${pub!.text}`).toBeGreaterThan(0);
    }
    expect(draftReplies(complaint("en", "anger", "delivery_or_wait"), { channel: "social" })[0]!.public).toBe(true);
  });

  it("follows each language's politeness", () => {
    const th = (agentGender: "female" | "male") =>
      draftReplies(complaint("th", "anger", "delivery_or_wait"), { agentGender }, { count: 3 })
        .map((d) => d.text)
        .join("\n");
    expect(th("female")).toMatch(/ค่ะ/);
    expect(th("female")).not.toMatch(/ครับ/);
    expect(th("male")).toMatch(/ครับ/);
    expect(th("male")).not.toMatch(/ค่ะ|ดิฉัน/);
    const cs = draftReplies(complaint("cs", "anger", "delivery_or_wait"), {}, { count: 3 })
      .map((d) => d.text)
      .join("\n");
    expect(cs).toMatch(/\bV(ám|ás|aš|aše|ašem|aši)\b/u);
    expect(cs).not.toMatch(/\b(tvoje|tobě|tebe|ti)\b/u);
    for (const d of draftReplies(complaint("tl", "anger", "delivery_or_wait"), {}, { count: 3 })) expect(d.text).toMatch(/\bpo\b/);
    for (const d of draftReplies(complaint("te", "anger", "delivery_or_wait"), { customerName: "లక్ష్మి" }, { count: 3 })) {
      expect(d.text).toMatch(/గారు/);
      expect(d.text).toMatch(/మీ|అండి/);
    }
    // Romanised Telugu keeps the same respect: garu, meeru/mee, andi, and the polite imperative.
    for (const d of draftReplies(complaint("te-Latn", "anger", "delivery_or_wait"), { customerName: "Lakshmi" }, { count: 3 })) {
      expect(d.text).toMatch(/^(Namaskaram Lakshmi garu|Lakshmi garu, namaste|Priyamaina Lakshmi garu),/);
      expect(d.text).toMatch(/\b(Meeru|meeru|Mee|mee|meeku|Meeku)\b/);
      expect(d.text).not.toMatch(/\b(nuvvu|neeku|nee)\b/i);
    }
  });

  it("writes romanised Telugu to a customer who writes Telugu in Latin letters, Telugu script otherwise", () => {
    const latin = draftReplies(complaint("te-Latn", "frustration", "delivery_or_wait"), { orderId: "A-7" }, { count: 3 });
    for (const d of latin) {
      expect(d.language).toBe("te");
      expect(d.script).toBe("Latn");
      expect(d.text).not.toMatch(/[\u0c00-\u0c7f]/);
      expect(d.text).toMatch(/\(order A-7\)/);
      expect(d.text).toMatch(/^[A-Z]/);
    }
    const telugu = draftReplies(complaint("te", "frustration", "delivery_or_wait"), {}, { count: 1 })[0]!;
    expect(telugu.text).toMatch(/[\u0c00-\u0c7f]/);
    expect(telugu.script).toBeUndefined();
    // Romanised Telugu mixed with English is still answered in romanised Telugu.
    const mixed = makeReading({
      ...complaint("te-Latn", "anger", "price_or_billing"),
      language: { code: "te", confidence: 0.8, script: "Latn", mixed: ["te", "en"] },
    });
    expect(draftReplies(mixed)[0]!.script).toBe("Latn");
  });

  it("falls back to English for a language without templates", () => {
    const [d] = draftReplies(complaint("de", "anger", "delivery_or_wait"));
    expect(d!.language).toBe("en");
  });

  it("names the cause the message's words name, in the company's words, never a fragment of the message", () => {
    const reading = complaint("en", "frustration", "usability");
    const message = "my washing machine shows error E21 and wont drain";
    const [d] = draftReplies(reading, {}, { message });
    expect(d!.cause).toBe("product_quality");
    expect(d!.text).not.toMatch(/app|account|"/);
  });

  it("promises nothing the case or the policy has not authorised", () => {
    const reading = makeReading({
      ...complaint("en", "anger", "price_or_billing"),
      needs: [{ label: "refund_or_compensation", score: 0.9, evidence: [] }],
    });
    const message = "You charged me twice, I want my money back";
    for (const d of draftReplies(reading, {}, { message })) {
      expect(d.offer).toBeUndefined();
      expect(d.text).not.toMatch(/I will start a full refund|refund to your original|within|by the end of today/);
      expect(d.text).toMatch(/refund/);
    }
    const allowed = draftReplies(reading, {}, { message, policy: { offers: ["refund"], followUp: "24h" } });
    expect(allowed[0]!.offer).toBe("refund");
    expect(allowed[0]!.text).toMatch(/within 24 hours/);
    // A missing parcel is not a refund request, whatever the need model guessed.
    const parcel = makeReading({
      ...complaint("en", "worry", "delivery_or_wait"),
      needs: [{ label: "refund_or_compensation", score: 0.7, evidence: [] }],
    });
    for (const d of draftReplies(parcel, {}, { message: "Tracking says delivered but the parcel is not here" }))
      expect(d.text).not.toMatch(/refund/i);
  });

  it("addresses a Czech customer in the vocative, or without the name when unsure", () => {
    const cs = complaint("cs", "anger", "delivery_or_wait");
    expect(draftReplies(cs, { customerName: "Petr Novák" })[0]!.text).toMatch(/^Dobrý den, pane Nováku,/);
    expect(draftReplies(cs, { customerName: "Jana Dvořáková" })[0]!.text).toMatch(/^Dobrý den, paní Dvořáková,/);
    expect(draftReplies(cs, { customerName: "Jana" })[0]!.text).toMatch(/^Dobrý den, paní Jano,/);
    expect(draftReplies(cs, { customerName: "John Smith" })[0]!.text).toMatch(/^Dobrý den,\n/);
    const th = draftReplies(complaint("th", "anger", "delivery_or_wait"), { customerName: "คุณสมชาย ใจดี" })[0]!.text;
    expect(th).toMatch(/คุณสมชาย/);
    expect(th).not.toMatch(/คุณคุณ|ใจดี/);
    expect(
      draftReplies(complaint("tl", "anger", "delivery_or_wait"), { customerName: "Ana Cruz", customerGender: "female" })[0]!.text,
    ).toMatch(/Ma'am Ana/);
  });

  it("says which language a draft falls back to, and why", () => {
    const [d] = draftReplies(complaint("de", "anger", "delivery_or_wait"));
    expect(d!.fallback_language).toEqual({ customer: "de", reason: expect.stringMatching(/no reply templates for de/) });
    expect(draftReplies(complaint("cs", "anger", "delivery_or_wait"))[0]!.fallback_language).toBeUndefined();
  });

  it("answers a question without quoting it, and leaves personal data out", () => {
    const q = makeReading({ needs: [{ label: "information", score: 0.8, evidence: [] }] });
    const [d] = draftReplies(q, {}, { message: "Hello. Do you ship to Norway? Thanks" });
    expect(d!.situation).toBe("question");
    expect(d!.text).not.toMatch(/Norway|[“"]/);
    const message = "Can you email me at dana@example.com?";
    const withPii = makeReading({ pii: [{ kind: "email", start: 19, end: 35 }] });
    expect(draftReplies(withPii, {}, { message })[0]!.text).not.toMatch(/dana@example\.com/);
  });

  it("never says the same thing twice in one draft", () => {
    for (const lang of TEMPLATE_LANGUAGES) {
      for (const cause of CAUSES) {
        const worry = makeReading({ ...complaint(lang, "worry", cause, 1), needs: [{ label: "resolution", score: 0.9, evidence: [] }] });
        for (const d of draftReplies(worry, { orderId: "A-1" }, { count: 3 })) {
          const openings = d.text.split(/(?<=[.!?。])\s+/u).map((x) => x.toLocaleLowerCase().slice(0, 18));
          expect(new Set(openings).size, `${lang}: ${d.text}`).toBe(openings.length);
        }
      }
    }
  });
});
