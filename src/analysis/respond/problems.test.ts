import { describe, expect, it } from "vitest";
import { findCues, prepare } from "./cue-matcher.js";
import { draftReplies } from "./draft-replies.js";
import { PROBLEM_CAUSE, PROBLEMS, problemsIn } from "./problems.js";
import { cueSetFor, templatesFor } from "./respond-data.js";
import { complaintReading, makeReading } from "./test-reading.js";

const LANGS = ["en", "cs", "th", "te", "tl"] as const;
const SCRIPT: Record<string, string> = { en: "Latn", cs: "Latn", tl: "Latn", th: "Thai", te: "Telu" };

// One message per language that names a wrong item and also a wait: the specific problem wins.
const WRONG_ITEM: Record<(typeof LANGS)[number], string> = {
  en: "you sent the wrong size and I waited two weeks for it",
  cs: "poslali jste špatnou velikost a čekal jsem na to dva týdny",
  th: "ส่งผิดไซส์มา รอตั้งสองอาทิตย์",
  te: "వేరే సైజ్ పంపారు, రెండు వారాలు ఎదురు చూశాను",
  tl: "maling size ang pinadala nyo, dalawang linggo ako naghintay",
};

describe("problemsIn", () => {
  it("finds the specific problem in every language, the most specific first", () => {
    for (const lang of LANGS) expect(problemsIn(WRONG_ITEM[lang], cueSetFor(lang)!)[0], lang).toBe("wrong_item");
    expect(problemsIn("I was charged twice for my order", cueSetFor("en")!)).toContain("double_charge");
    expect(problemsIn("technik nepřišel a nikdo se neozval", cueSetFor("cs")!)[0]).toBe("technician_no_show");
    expect(problemsIn("dalawang beses po akong siningil", cueSetFor("tl")!)).toEqual(["double_charge"]);
  });

  it("matches whole words in every script, never a prefix or a piece of a longer word", () => {
    expect(problemsIn("I felt so lonely", cueSetFor("en")!)).toEqual([]); // not "lost"/"late"
    expect(problemsIn("the latest model is great", cueSetFor("en")!)).toEqual([]);
    expect(problemsIn("เสียใจมากค่ะ", cueSetFor("th")!)).toEqual([]); // เสียใจ (sad) is not เสีย (broken)
    expect(problemsIn("chybí mi informace", cueSetFor("cs")!)).toEqual([]); // chybí (missing) is not chyba (error)
    expect(problemsIn("సరిగా పంపారు", cueSetFor("te")!)).toEqual([]);
  });
});

describe("problem sentences", () => {
  for (const lang of LANGS) {
    it(`${lang}: every problem has a clause and a step, and no sentence trips blame or a generic apology`, () => {
      const t = templatesFor(lang)!;
      const cues = cueSetFor(lang)!;
      for (const k of PROBLEMS) {
        const entry = t.problem?.[k];
        expect(entry, `${lang} ${k}`).toBeDefined();
        expect(entry!.step.length).toBeGreaterThanOrEqual(2);
        for (const s of [entry!.cause, ...entry!.step]) {
          const p = prepare(s, cues.fold);
          expect(findCues(cues.blame, p), `${lang} ${k}: ${s}`).toEqual([]);
          expect(findCues(cues.generic_apology, p), `${lang} ${k}: ${s}`).toEqual([]);
        }
      }
      expect(t.mixed?.question.length && t.mixed.praise.length && t.mixed.sorry.length).toBeGreaterThan(0);
    });

    it(`${lang}: a wrong item is named as a wrong item, not as a long wait`, () => {
      const text = WRONG_ITEM[lang];
      const reading = complaintReading(text, lang, { cause: "delivery_or_wait", script: SCRIPT[lang] });
      const [d] = draftReplies(reading, {}, { message: text });
      const t = templatesFor(lang)!;
      expect(d?.problem).toBe("wrong_item");
      expect(d?.cause).toBe(PROBLEM_CAUSE.wrong_item);
      expect(d?.text).toContain(t.problem!.wrong_item!.cause);
      expect(d?.text).not.toContain(t.cause.delivery_or_wait);
    });
  }
});

describe("mixed messages", () => {
  it("a calm question that mentions a problem gets thanks, the problem acknowledged and an answer, not a strong apology", () => {
    const text = "my app keeps logging me out, how do I fix it?";
    const reading = makeReading({
      sentiment: { label: "negative", score: -0.3, confidence: 0.6, evidence: [] },
      emotions: [{ label: "frustration", score: 0.4, evidence: [] }],
      causes: [{ label: "usability", polarity: "negative", score: 0.6, evidence: [] }],
      complaint: { is: true, severity: 1, evidence: [] },
    });
    const drafts = draftReplies(reading, {}, { message: text });
    const t = templatesFor("en")!;
    for (const d of drafts) {
      expect(d.form).toBe("question");
      expect(t.mixed!.question.some((q) => d.text.includes(q))).toBe(true);
      expect(d.text).toContain(t.problem!.app_login!.cause);
      expect(t.apology_strong.some((a) => d.text.includes(a.split("{")[0]!))).toBe(false);
    }
  });

  it("praise with a past problem thanks once and says sorry once, without a present-tense problem clause", () => {
    const text = "Delivery was a week late but your team kept me updated and were lovely. Thanks!";
    const reading = makeReading({
      sentiment: { label: "positive", score: 0.4, confidence: 0.6, evidence: [] },
      emotions: [{ label: "gratitude", score: 0.7, evidence: [] }],
      causes: [{ label: "delivery_or_wait", polarity: "negative", score: 0.5, evidence: [] }],
      complaint: { is: false, severity: 1, evidence: [] },
    });
    const [d] = draftReplies(reading, {}, { message: text });
    const t = templatesFor("en")!;
    expect(d?.form).toBe("praise");
    expect(t.mixed!.praise.some((q) => d!.text.includes(q))).toBe(true);
    expect(t.mixed!.sorry.some((q) => d!.text.includes(q))).toBe(true);
    expect(d?.text).not.toContain(t.problem!.late_delivery!.cause);
  });

  it("an angry question stays a complaint", () => {
    const text = "WHERE IS MY PARCEL?? 3 weeks!!";
    const reading = complaintReading(text, "en", { emotion: "anger", cause: "delivery_or_wait" });
    expect(draftReplies(reading, {}, { message: text })[0]?.form).toBeUndefined();
  });
});

describe("mixed form needs a named problem", () => {
  it("a warm message whose words name no problem is never told 'sorry not everything went smoothly'", () => {
    const text = "Tohle byl můj první nákup a jsem mile překvapena. Vše dorazilo, jak bylo slíbeno.";
    const reading = makeReading({
      language: { code: "cs", confidence: 0.95, script: "Latn" },
      sentiment: { label: "neutral", score: 0.1, confidence: 0.5, evidence: [] },
      emotions: [
        { label: "gratitude", score: 0.6, evidence: [] },
        { label: "worry", score: 0.3, evidence: [] },
      ],
      causes: [{ label: "delivery_or_wait", polarity: "negative", score: 0.3, evidence: [] }],
    });
    const t = templatesFor("cs")!;
    for (const d of draftReplies(reading, {}, { message: text })) {
      expect(d.form).toBeUndefined();
      expect(t.mixed!.sorry.some((x) => d.text.includes(x))).toBe(false);
    }
  });
});
