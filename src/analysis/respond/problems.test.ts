import { describe, expect, it } from "vitest";
import { findCues } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
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
    // Czech folds diacritics: "drz*" (cheeky) would read "držák" (a wall bracket) as rude staff.
    expect(problemsIn("je k televizi držák na zeď?", cueSetFor("cs")!)).toEqual([]);
    expect(problemsIn("prodavač byl drzý", cueSetFor("cs")!)).toEqual(["rude_staff"]);
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

// The problems review3/review4 found the drafter had no name for, one message per language each.
const UNNAMED: Record<(typeof LANGS)[number], [string, string][]> = {
  en: [
    ["order_cancelled", "you cancelled my order without any reason"],
    ["delivery_fee", "it said free delivery but you charged me for delivery"],
    ["left_outside", "the driver left it outside the front gate and went"],
    ["wrong_parts", "the wardrobe came with the wrong parts"],
    ["reset_link", "the password reset link never arrives"],
  ],
  cs: [
    ["order_cancelled", "zrušili jste mi objednávku bez důvodu"],
    ["delivery_fee", "doprava měla být zdarma, ale naúčtovali mi dopravu"],
    ["left_outside", "kurýr nechal skříň před domem a odjel"],
    ["wrong_parts", "ve skříni chybí díly"],
    ["reset_link", "nechodí mi odkaz pro obnovení hesla"],
  ],
  th: [
    ["order_cancelled", "ออเดอร์ถูกยกเลิกโดยไม่บอกเหตุผล"],
    ["delivery_fee", "บอกว่าส่งฟรีแต่โดนเก็บค่าส่ง"],
    ["left_outside", "คนส่งของวางไว้ข้างนอกแล้วก็ไป"],
    ["wrong_parts", "ชิ้นส่วนไม่ครบ"],
    ["reset_link", "ลิงก์รีเซ็ตรหัสผ่านไม่มาเลย"],
  ],
  te: [
    ["order_cancelled", "నా ఆర్డర్ క్యాన్సిల్ చేశారు, కారణం చెప్పలేదు"],
    ["delivery_fee", "డెలివరీ ఫ్రీ అని ఉంది కానీ ఛార్జ్ చేశారు"],
    ["left_outside", "డెలివరీ అతను బయటే వదిలేశారు"],
    ["wrong_parts", "స్క్రూలు లేవు"],
    ["reset_link", "పాస్‌వర్డ్ రీసెట్ లింక్ రావడం లేదు"],
  ],
  tl: [
    ["order_cancelled", "bakit kinansela ang order ko"],
    ["delivery_fee", "libre daw ang delivery pero may delivery fee pa"],
    ["left_outside", "iniwan lang sa labas ng gate yung parcel"],
    ["wrong_parts", "maling piyesa ang dumating"],
    ["reset_link", "hindi dumadating yung password reset link"],
  ],
};

describe("problems the drafter had no name for", () => {
  for (const lang of LANGS)
    it(`${lang}: a cancelled order, a delivery charge said to be free, a delivery left outside, wrong parts, a reset link`, () => {
      for (const [key, text] of UNNAMED[lang]) expect(problemsIn(text, cueSetFor(lang)!)[0], `${lang}: ${text}`).toBe(key);
    });

  it("a voucher that never came is the voucher, not a missing parcel or a code that fails", () => {
    expect(problemsIn("they promised me a voucher for the trouble and it never arrived", cueSetFor("en")!)[0]).toBe("voucher_missing");
  });

  it("says what the problem is like for the customer instead of the emotion's general line", () => {
    const text = "you cancelled my order without any reason";
    const reading = complaintReading(text, "en", { cause: "delivery_or_wait" });
    const t = templatesFor("en")!;
    for (const d of draftReplies(reading, { channel: "email" }, { message: text, count: 3 })) {
      expect(d.problem).toBe("order_cancelled");
      expect(
        t.problem!.order_cancelled!.feeling!.some((f) => d.text.includes(f)),
        d.text,
      ).toBe(true);
      expect(
        t.feeling.frustration.some((f) => d.text.includes(f)),
        d.text,
      ).toBe(false);
    }
  });

  it("ends a chat reply without a closing thanks, and an email with one", () => {
    const text = "you cancelled my order without any reason";
    const reading = complaintReading(text, "en", { cause: "delivery_or_wait" });
    const t = templatesFor("en")!;
    const [chat] = draftReplies(reading, { channel: "chat" }, { message: text });
    const [email] = draftReplies(reading, { channel: "email" }, { message: text });
    expect(
      t.close.some((c) => chat!.text.includes(c)),
      chat!.text,
    ).toBe(false);
    expect(
      t.close.some((c) => email!.text.includes(c)),
      email!.text,
    ).toBe(true);
  });
});

describe("a delivery complaint that names no wait", () => {
  it("is not told it was kept waiting; a late one is", () => {
    const t = templatesFor("en")!;
    const hit = "my delivery was a total shambles";
    const [d] = draftReplies(complaintReading(hit, "en", { cause: "delivery_or_wait" }), {}, { message: hit });
    expect(d!.text).toContain(t.cause_unsure!.delivery_or_wait!);
    expect(d!.text).not.toContain(t.cause.delivery_or_wait);
    const late = "it's been three weeks and my table is still not here";
    const [l] = draftReplies(complaintReading(late, "en", { cause: "delivery_or_wait" }), {}, { message: late });
    expect(l!.text).not.toContain(t.cause_unsure!.delivery_or_wait!);
  });
});

describe("problems named after review5's notes", () => {
  // Messages written for this test, not taken from any review set.
  const CASES: [string, string, string][] = [
    ["en", "my speaker wont pair with my phone at all", "device_pairing"],
    ["en", "the gift card my sister gave me keeps saying invalid", "gift_card_invalid"],
    ["en", "you said a manager would call me back on monday, nobody rang", "callback_missing"],
    ["en", "the courier left the box out in the rain and it's soaked", "left_in_rain"],
    ["en", "card got declined but the money still came out of my account", "payment_no_order"],
    ["cs", "sluchátka se nechtějí spárovat s mobilem", "device_pairing"],
    ["cs", "v balení chybí návod k sestavení", "missing_manual"],
    ["cs", "z účtu mi zmizely všechny body", "points_missing"],
    ["th", "แชทหลุดไปตอนกำลังคุยกับแอดมิน", "chat_closed"],
    ["th", "แต้มสะสมหายไปไหนหมด", "points_missing"],
    ["te", "నేను బుక్ చేసిన స్లాట్ ఇప్పుడు కనిపించడం లేదు", "slot_vanished"],
    ["te", "స్పీకర్ ఫోన్ తో కనెక్ట్ అవ్వడం లేదు", "device_pairing"],
    ["tl", "sa app in stock daw pero pagdating ko sa store wala", "stock_mismatch"],
    ["tl", "hindi pantay yung mga drawer ng cabinet", "poor_fit"],
  ];
  it("finds each new problem in its own words, across words in between", () => {
    for (const [lang, text, key] of CASES) expect(problemsIn(text, cueSetFor(lang)!), `${lang}: ${text}`).toContain(key);
  });

  it("does not read a question about gift cards or points as a problem", () => {
    expect(problemsIn("do you sell gift cards?", cueSetFor("en")!)).toEqual([]);
    expect(problemsIn("how do loyalty points work", cueSetFor("en")!)).toEqual([]);
    expect(problemsIn("prodáváte dárkové karty?", cueSetFor("cs")!)).toEqual([]);
  });

  it("says it will come back once, and names no delivery after 'delivery was fine'", () => {
    const text = "the delivery was fine but the drawers on the cabinet don't line up";
    const reading = complaintReading(text, "en", { cause: "delivery_or_wait" });
    const [d] = draftReplies(reading, { channel: "email" }, { message: text, count: 1 });
    expect(d?.text).not.toMatch(/delivery/iu);
    const gift = "the gift card my sister gave me keeps saying invalid";
    const [g] = draftReplies(complaintReading(gift, "en"), { channel: "email" }, { message: gift, count: 1 });
    expect(g?.problem).toBe("gift_card_invalid");
    expect(g?.text).not.toMatch(/in touch as soon/iu);
  });
});
