/**
 * What a support lead relies on, on messages written for these tests (never in training):
 * sincere thanks stays thanks, sarcasm turns around, threats and needs are found in every seed
 * language, and the reasons for urgency and reach are given in words.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader();
});

const labels = (xs: { label: string }[]) => xs.map((x) => x.label);

describe("sarcasm", () => {
  it("is not read into sincere praise", () => {
    for (const text of ["Thank you so much, great service!", "Great job 👏 thank you team"]) {
      const r = reader.analyze(text);
      expect(labels(r.signals)).not.toContain("sarcasm");
      expect(r.sentiment.label).toBe("positive");
    }
  });

  it("turns sarcastic praise negative and drops the warm feelings", () => {
    const r = reader.analyze("Oh great, another delay. Thanks a lot 🙄");
    expect(labels(r.signals)).toContain("sarcasm");
    expect(r.sentiment.label).toBe("negative");
    expect(labels(r.emotions)).not.toContain("gratitude");
  });
});

describe("threats, needs and causes across the seed languages", () => {
  const cases: [string, string, { signal?: string; need?: string; cause?: string }][] = [
    [
      "en",
      "If this isn't fixed by Friday I'm cancelling my contract and going to a competitor.",
      { signal: "churn_threat", need: "cancellation" },
    ],
    [
      "tl",
      "Grabe, isang buwan na wala pa rin yung refund ko. Ipo-post ko na talaga to sa FB!",
      { signal: "public_exposure_threat", cause: "delivery_or_wait" },
    ],
    [
      "cs",
      "Už potřetí vám píšu a nikdo neodpovídá. Chci zpátky své peníze.",
      { need: "refund_or_compensation", cause: "communication_gap" },
    ],
    ["th", "โทรไปหลายรอบแล้วไม่มีใครรับสายเลยค่ะ จะร้องเรียน สคบ. นะคะ", { signal: "legal_threat", cause: "communication_gap" }],
    ["te", "నా ఆర్డర్ ఇంకా రాలేదు, డబ్బులు వెనక్కి ఇవ్వండి", { need: "refund_or_compensation", cause: "delivery_or_wait" }],
  ];
  for (const [lang, text, want] of cases) {
    it(`${lang}: ${Object.values(want).join(", ")}`, () => {
      const r = reader.analyze(text);
      expect(r.language.code).toBe(lang);
      expect(r.sentiment.label).toBe("negative");
      if (want.signal) expect(labels(r.signals)).toContain(want.signal);
      if (want.need) expect(labels(r.needs)).toContain(want.need);
      if (want.cause) expect(r.causes.filter((c) => c.polarity === "negative").map((c) => c.label)).toContain(want.cause);
    });
  }
});

describe("urgency and reach", () => {
  it("explain a public threat from a big account in words", () => {
    const r = reader.analyze("Third time asking. Cancel my account now or I'm telling all my followers how you treat customers.", {
      channel: "social",
      public: true,
      audience: 48_000,
    });
    expect(r.reach.reasons).toContain("48k followers");
    expect(r.reach.score).toBeGreaterThan(0.6);
    expect(r.urgency.reasons).toContain("threatens to leave");
    expect(r.urgency.score).toBeGreaterThan(0.5);
  });

  it("stay low for a calm question", () => {
    const r = reader.analyze("Hi, does the blue jacket come in size XL?");
    expect(r.urgency.score).toBeLessThan(0.3);
    expect(r.complaint.is).toBe(false);
    expect(labels(r.signals)).toEqual([]);
  });
});

describe("reading a batch", () => {
  it("gives the same Readings as one at a time, in order, with each message's context", () => {
    const items = [
      { text: "Hindi pa rin dumating yung order ko, 2 weeks na!" },
      { text: "ขอบคุณมากค่ะ บริการดีมาก", context: { channel: "chat" as const } },
      { text: "నా ఆర్డర్ ఇంకా రాలేదు, చాలా కోపంగా ఉంది" },
      { text: "Děkuji, vše dorazilo v pořádku." },
      { text: "ok", context: { languageHint: "en" } },
      { text: "Thanks a lot for losing my parcel. Again. 🙄", context: { channel: "social" as const, public: true } },
    ];
    const batch = reader.analyzeMany(items);
    expect(batch).toHaveLength(items.length);
    items.forEach((item, i) => expect(batch[i]).toEqual(reader.analyze(item.text, item.context)));
  });

  it("puts bad input's error in its place and reads the rest", () => {
    const tooLong = "a".repeat(2_100_000);
    const batch = reader.analyzeMany([
      { text: "Great service!" },
      { text: 42 as unknown as string },
      { text: tooLong },
      { text: "Worst service ever" },
    ]);
    expect((batch[0] as { sentiment: { label: string } }).sentiment.label).toBe("positive");
    expect(batch[1]).toMatchObject({ code: "input.wrong_type" });
    expect(batch[2]).toMatchObject({ code: "input.too_large" });
    expect((batch[3] as { sentiment: { label: string } }).sentiment.label).toBe("negative");
  });
});
