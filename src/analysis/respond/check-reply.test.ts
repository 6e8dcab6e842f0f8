import { describe, expect, it } from "vitest";
import type { Reading } from "../../core/reading.js";
import { scriptOfLanguage } from "../language/index.js";
import { checkReply } from "./check-reply.js";
import { complaintReading, makeReading } from "./test-reading.js";
import { CRITERIA, type Check, type CriterionName } from "./types.js";

const message = "My parcel still hasn't arrived after two weeks and nobody answers my emails! Order 55123.";
const customer = complaintReading(message, "en", {
  emotion: "frustration",
  cause: "delivery_or_wait",
  phrase: "parcel still hasn't arrived",
});
const en = makeReading({ language: { code: "en", confidence: 0.95, script: "Latn" } });

function check(
  reply: string,
  replyReading: Reading = en,
  c: Reading = customer,
  text = message,
  options = { customerName: "Dana" },
): Check {
  return checkReply(reply, replyReading, c, text, options);
}
const verdict = (c: Check, name: CriterionName) => c.criteria.find((x) => x.name === name)!.verdict;

const GOOD =
  "Hi Dana, I can see how frustrating two weeks of waiting is, and that's completely understandable. I'm sorry your parcel hasn't arrived. I've asked the courier for an urgent trace on order 55123 and I'll send a replacement today. I will email you the new tracking number within 2 hours.";

describe("checkReply", () => {
  it("scores a good reply high, with every criterion met", () => {
    const c = check(GOOD);
    expect(c.score).toBeGreaterThanOrEqual(90);
    expect(c.criteria.map((x) => x.name)).toEqual([...CRITERIA]);
    for (const x of c.criteria) expect(x.verdict, x.name).toBe("met");
  });

  it("gives evidence spans that point into the reply", () => {
    for (const x of check(GOOD).criteria) {
      for (const e of x.evidence) expect(GOOD.slice(e.start, e.end)).toBe(e.text);
    }
    const owns = check(GOOD).criteria.find((x) => x.name === "owns_fix")!;
    expect(owns.evidence.map((e) => e.text)).toContain("I'll");
  });

  it("sees through a generic apology", () => {
    const c = check("We apologize for the inconvenience. Your request has been noted.");
    expect(verdict(c, "acknowledges_feeling")).toBe("missed");
    expect(verdict(c, "apology_fits")).toBe("partly");
    expect(verdict(c, "next_step")).toBe("missed");
    expect(c.score).toBeLessThan(40);
    expect(c.criteria.find((x) => x.name === "acknowledges_feeling")!.suggestion).toMatch(/frustration/);
  });

  it("marks blame as disrespect and caps the score", () => {
    const c = check("You should have checked the tracking yourself. Please contact the courier, as already stated.");
    expect(verdict(c, "respectful")).toBe("missed");
    expect(verdict(c, "owns_fix")).toBe("missed");
    expect(c.score).toBeLessThanOrEqual(55);
  });

  it("does not count the customer's own quoted words as the agent's blame", () => {
    const c = check(`Hi Dana, you wrote "you should have checked" about our courier. I'm sorry; I'll fix this today.`);
    expect(c.criteria.find((x) => x.name === "respectful")!.evidence).toEqual([]);
  });

  it("caps a reply in the wrong language", () => {
    const spanish = makeReading({ language: { code: "es", confidence: 0.95, script: "Latn" } });
    const c = check("Lo sentimos, su pedido llegará pronto.", spanish);
    expect(verdict(c, "customer_language")).toBe("missed");
    expect(c.score).toBeLessThanOrEqual(40);
  });

  it("flags over-apology as out of proportion", () => {
    const c = check("I'm so sorry. We are very sorry. Our deepest apologies. Sorry again, we apologise.");
    expect(verdict(c, "in_proportion")).toBe("missed");
  });

  it("wants a time with the next step", () => {
    const vague = check("Hi Dana, I understand how frustrating this is. I'm sorry about your parcel; I'll update you soon.");
    expect(verdict(vague, "next_step")).toBe("partly");
    expect(vague.criteria.find((x) => x.name === "next_step")!.suggestion).toMatch(/soon/);
  });

  it("misses the cause when the reply talks about something else", () => {
    const c = check("Hi Dana, did you know our premium members get free gift wrapping? Let me know if you want to upgrade.");
    expect(verdict(c, "addresses_cause")).toBe("missed");
  });

  it("wants thanks, not an apology, for praise", () => {
    const praise = makeReading({
      sentiment: { label: "positive", score: 0.9, confidence: 0.9, evidence: [] },
      emotions: [{ label: "gratitude", score: 0.9, evidence: [] }],
      causes: [{ label: "staff_treatment", polarity: "positive", score: 0.8, evidence: [] }],
    });
    const text = "Your staff at the Oak Street branch were so kind!";
    const thanks = checkReply("Thank you so much! I'll pass your kind words on to the Oak Street team.", en, praise, text, {});
    const sorry = checkReply("We apologize for any inconvenience.", en, praise, text, {});
    expect(verdict(thanks, "apology_fits")).toBe("met");
    expect(verdict(sorry, "apology_fits")).toBe("missed");
    expect(verdict(thanks, "next_step")).toBe("not_applicable");
    expect(thanks.score).toBeGreaterThan(sorry.score + 30);
  });

  it("keeps a public reply short and counts moving to a private channel as the next step", () => {
    const c = checkReply(
      "Hi Dana, I'm sorry your parcel is late; that's frustrating. Please DM us your order number and I'll sort it today.",
      en,
      customer,
      message,
      { public: true, customerName: "Dana" },
    );
    expect(verdict(c, "next_step")).toBe("met");
    expect(verdict(c, "in_proportion")).toBe("met");
  });

  it("ranks good above each kind of poor reply", () => {
    const good = check(GOOD).score;
    for (const poor of [
      "Sorry for the inconvenience.",
      "You should have read the terms.",
      "I'm so sorry, sorry, sorry. We deeply apologise. Sorry!",
      "We understand your frustration. Thank you for your patience.",
      "Thanks for reaching out! Have you seen our new collection?",
    ]) {
      expect(check(poor).score, poor).toBeLessThan(good);
    }
  });

  it("reads Czech, Thai, Telugu (both scripts) and Tagalog replies with their own cue lists", () => {
    const cases: [string, string, string, string][] = [
      [
        "cs",
        "Objednávka pořád nedorazila, čekám dva týdny!",
        "Dobrý den, chápu, jak je to frustrující, a omlouvám se, že na objednávku čekáte tak dlouho. Zásilku jsem urgoval a do 24 hodin Vám pošlu nové číslo pro sledování.",
        "Omlouváme se za způsobené nepříjemnosti.",
      ],
      [
        "th",
        "พัสดุยังไม่มาเลย รอสองอาทิตย์แล้ว",
        "สวัสดีค่ะ ดิฉันเข้าใจว่าน่าหงุดหงิดมาก ต้องขออภัยที่พัสดุล่าช้านะคะ ดิฉันจะติดตามกับขนส่งและแจ้งเลขพัสดุใหม่ภายใน 2 ชั่วโมงค่ะ",
        "ขออภัยในความไม่สะดวกค่ะ",
      ],
      [
        "te",
        "నా ఆర్డర్ రెండు వారాలుగా రాలేదు!",
        "నమస్కారం అండి, ఇది ఎంత విసుగు తెప్పిస్తుందో అర్థమవుతోంది. మీ ఆర్డర్ ఆలస్యానికి క్షమించండి. కొరియర్‌తో మాట్లాడి 2 గంటల్లో మీకు కొత్త ట్రాకింగ్ నంబర్ పంపుతాను.",
        "అసౌకర్యానికి చింతిస్తున్నాము.",
      ],
      [
        "tl",
        "Dalawang linggo na wala pa rin yung order ko!",
        "Hi po, naiintindihan ko po kung gaano ka-frustrating ito. Pasensya na po sa tagal ng order ninyo. Aasikasuhin ko po ito at babalikan ko kayo sa loob ng 2 oras.",
        "Paumanhin po sa abala.",
      ],
      // Romanised Telugu, read with the romanised lists (te-Latn).
      [
        "te-Latn",
        "naa order rendu vaaraaluga raaledu!",
        "Namaskaram andi, idi meeku entha visugu teppistondo naaku ardhamavutondi. Mee order aalasyaniki kshaminchandi. Courier vaallato maatlaadi 2 gantallo meeku kotha tracking number pamputaanu.",
        "Asoukaryaniki chintistunnaamu.",
      ],
    ];
    for (const [tag, msg, good, poor] of cases) {
      const [lang, tagScript] = tag.split("-") as [string, string | undefined];
      const script = tagScript ?? scriptOfLanguage(lang);
      const c = complaintReading(msg, lang, { emotion: "frustration", cause: "delivery_or_wait", script });
      const r = makeReading({ language: { code: lang, confidence: 0.95, script } });
      const g = checkReply(good, r, c, msg, {});
      const p = checkReply(poor, r, c, msg, {});
      expect(g.score, `${tag} good`).toBeGreaterThanOrEqual(80);
      expect(p.score, `${tag} poor`).toBeLessThan(50);
    }
  });

  it("checks a long reply quickly", () => {
    const long = GOOD.repeat(300);
    const t0 = performance.now();
    const c = check(long);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(verdict(c, "in_proportion")).not.toBe("met");
  });
});

describe("checkReply suggestions", () => {
  it("give an example in the customer's language", () => {
    const msg = "Objednávka stále nedorazila, čekám už 10 dní. Jsem naštvaný.";
    const cs = complaintReading(msg, "cs", { emotion: "anger", cause: "delivery_or_wait" });
    const r = makeReading({ language: { code: "cs", confidence: 0.95, script: "Latn" } });
    const c = checkReply("Omlouváme se za způsobené nepříjemnosti.", r, cs, msg, {});
    const next = c.criteria.find((x) => x.name === "next_step")!;
    expect(next.suggestion).toMatch(/For example: ".*Vám.*"/);
    expect(c.criteria.find((x) => x.name === "acknowledges_feeling")!.suggestion).toMatch(/zlobíte/);
  });

  it("give the example in the customer's script: romanised Telugu for a romanised message", () => {
    const msg = "naa order inka raaledu, chala kopam ga undi";
    const te = complaintReading(msg, "te", { emotion: "anger", cause: "delivery_or_wait", script: "Latn" });
    const r = makeReading({ language: { code: "te", confidence: 0.95, script: "Latn" } });
    const c = checkReply("Asoukaryaniki chintistunnaamu.", r, te, msg, {});
    const ack = c.criteria.find((x) => x.name === "acknowledges_feeling")!;
    expect(ack.suggestion).toMatch(/For example: "[A-Z][a-z ,.]*kopam[a-z ,.]*"/);
    expect(c.criteria.find((x) => x.name === "apology_fits")!.verdict).toBe("partly");
  });
});

describe("checkReply: cues are whole words, and excuses cost (issue 13)", () => {
  const te = makeReading({ language: { code: "te", confidence: 0.95, script: "Telu" } });
  const th = makeReading({ language: { code: "th", confidence: 0.95, script: "Thai" } });
  const tl = makeReading({ language: { code: "tl", confidence: 0.95, script: "Latn" } });

  it("does not read బాధ (pain) into బాధ్యులం (responsible) and scores the cold Telugu reply at most 50", () => {
    const msg = "పార్శిల్ ఇంకా రాలేదు, చాలా ఆందోళనగా ఉంది";
    const c = check(
      "నమస్కారం. కొరియర్ ఆలస్యాలకు మేము బాధ్యులం కాదు.",
      te,
      complaintReading(msg, "te", { emotion: "worry", cause: "delivery_or_wait", script: "Telu" }),
      msg,
      { customerName: "" },
    );
    expect(verdict(c, "acknowledges_feeling")).toBe("missed");
    expect(verdict(c, "respectful")).not.toBe("met");
    expect(c.score).toBeLessThanOrEqual(50);
  });

  it("does not count Tagalog masayang (wasted) as a feeling", () => {
    const msg = "Nawala yung points ko, galit na galit na ako";
    const c = check(
      "Para hindi masayang ang oras ninyo, basahin na lang po ang FAQ namin.",
      tl,
      complaintReading(msg, "tl", { emotion: "anger" }),
      msg,
      { customerName: "" },
    );
    expect(verdict(c, "acknowledges_feeling")).toBe("missed");
  });

  it("never meets respect for a Thai reply that blames customers", () => {
    const msg = "เครื่องซักผ้าขึ้น E21 น้ำไม่ระบาย";
    const c = check(
      "ส่วนใหญ่สินค้าเสียเพราะลูกค้าใช้งานผิดวิธีค่ะ",
      th,
      complaintReading(msg, "th", { cause: "product_quality", script: "Thai" }),
      msg,
      { customerName: "" },
    );
    expect(verdict(c, "respectful")).toBe("missed");
    expect(c.score).toBeLessThanOrEqual(35);
  });

  it("matches a Thai cue only on word boundaries: เสีย (broken) is not เสียใจ (sorry)", () => {
    const msg = "ของเสียมาค่ะ";
    const r = complaintReading(msg, "th", { emotion: "sadness", cause: "product_quality", script: "Thai" });
    const c = check("ดิฉันเสียใจมากค่ะ", th, r, msg, { customerName: "" });
    expect(verdict(c, "acknowledges_feeling")).toBe("met");
  });

  it("credits a warm English reply that names humiliation", () => {
    const msg = "A salesman laughed at me in your shop when I asked about the warranty.";
    const r = complaintReading(msg, "en", { emotion: "sadness", cause: "staff_treatment" });
    const c = check("Being laughed at in a shop is humiliating, and I'm sorry.", en, r, msg, { customerName: "" });
    expect(verdict(c, "acknowledges_feeling")).toBe("met");
  });

  it("caps an excuse with nothing owned at 45", () => {
    const c = check("Delivery issues are handled by the courier, not by us. Our records show it was delivered.");
    expect(verdict(c, "respectful")).toBe("partly");
    expect(c.score).toBeLessThanOrEqual(45);
  });
});
