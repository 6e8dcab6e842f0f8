import { describe, expect, it } from "vitest";
import type { Reading } from "../../core/reading.js";
import { findCues, findGroups } from "./cue-matcher.js";
import { prepare } from "../text/fold.js";
import { CARE_LANGUAGES, careFor, FELT, feltIn, URGENT, urgentIn } from "./care.js";
import { draftReplies } from "./draft-replies.js";
import { fillSlots } from "./fill-slots.js";
import { cueSetFor, templatesFor } from "./respond-data.js";
import { makeReading } from "./test-reading.js";

type Emotion = Reading["emotions"][number]["label"];

/** A Reading as the pipeline gives it for these messages: an emotion, a cause, a complaint or not. */
function reading(
  key: string,
  emotion: Emotion | undefined,
  opts: { complaint?: boolean; safety?: boolean; cause?: Reading["causes"][number]["label"] } = {},
): Reading {
  const [code, script] = key.split("-") as [string, string | undefined];
  return makeReading({
    language: { code, confidence: 0.9, script: script ?? (code === "th" ? "Thai" : code === "te" ? "Telu" : "Latn") },
    sentiment: { label: "negative", score: -0.6, confidence: 0.8, evidence: [] },
    emotions: emotion ? [{ label: emotion, score: 0.8, evidence: [] }] : [],
    causes: opts.cause ? [{ label: opts.cause, polarity: "negative", score: 0.8, evidence: [] }] : [],
    complaint: { is: opts.complaint ?? true, severity: opts.complaint === false ? 0 : 3, evidence: [] },
    intensity: 0.7,
    signals: opts.safety ? [{ label: "safety_issue", evidence: [] }] : [],
  });
}

const CAUSE = "\u0001";

/** The sentence lines of a care list as the drafter fills them (Thai particles by agent gender). */
function filled(key: string, lines: readonly string[], gender: "female" | "male" = "female"): string[] {
  const t = templatesFor(key)!;
  // `{cause}` stands as a marker the apology count turns into "any clause".
  const slots = { ...(t.gendered?.[gender] ?? {}), card_line: careFor(key)!.card_line.unnamed, cause: CAUSE };
  return lines.map((l) => fillSlots(l, slots));
}

function body(text: string): string {
  return text.split("\n\n")[1] ?? "";
}

/**
 * How many times a draft says sorry: an apology sentence of the templates counts once (some run to
 * two sentences: "I sincerely apologise that ... We got this wrong."), and any apology word left
 * outside it counts again.
 */
function apologies(key: string, text: string): number {
  const cues = cueSetFor(key)!;
  const t = templatesFor(key)!;
  const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  const shapes = [...t.apology, ...t.apology_strong, ...careFor(key)!.hazard_sorry]
    .flatMap((l) => filled(key, [l]))
    .map((l) => new RegExp(escape(l).replaceAll(CAUSE, ".+?"), "u"));
  let rest = body(text);
  let n = 0;
  for (const re of shapes) {
    if (re.test(rest)) {
      rest = rest.replace(re, " ");
      n++;
    }
  }
  return n + findCues(cues.apology, prepare(rest, cues.fold)).length;
}

/** Our own examples, per language: a frightened parent, a hazard, a wrong transfer, card details given away, a calm question. */
const CASES: Record<
  string,
  {
    fear: string;
    shame: string;
    grief: string;
    child: string;
    fire: string;
    transfer: string;
    fraud: string;
    calm: string;
    allergen: string;
  }
> = {
  en: {
    fear: "I'm terrified, the stroller brake failed on a hill with my baby in it",
    shame: "I was humiliated at the till when the voucher was refused with a queue behind me",
    grief: "The cake for my mum's funeral arrived smashed and I was in tears",
    child: "The buckle on my son's car seat opens by itself",
    fire: "My new kettle started smoking and there's a burning smell",
    transfer: "I just sent 500 to the wrong account, can you stop it?",
    fraud: "I gave my card details to a fake website earlier today",
    calm: "Do you deliver on Sundays?",
    allergen: "Does the pad thai contain peanuts? My son is allergic to nuts",
  },
  cs: {
    fear: "Hrozně mě to vyděsilo, kočárek se sám rozjel z kopce",
    shame: "Bylo to strašně trapné, u pokladny mi odmítli poukaz a za mnou stála fronta",
    grief: "Dort na pohřeb přišel rozmačkaný, celý den brečím",
    child: "Přezka na autosedačce se sama rozepíná",
    fire: "Z nové konvice jde kouř a smrdí spáleninou",
    transfer: "Omylem jsem poslala 5000 Kč na špatný účet, dá se to zastavit?",
    fraud: "Na falešné stránce jsem zadala údaje z karty",
    calm: "Doručujete i v neděli?",
    allergen: "Obsahuje pad thai arašídy? Syn má alergii na ořechy.",
  },
  th: {
    fear: "ตกใจมากค่ะ รถเข็นเด็กเบรกไม่อยู่ตอนลงเนิน",
    shame: "อายมากค่ะ คูปองใช้ไม่ได้ต่อหน้าคนอื่นที่ต่อคิว",
    grief: "เค้กงานศพคุณแม่มาถึงเละหมด ร้องไห้ทั้งวันเลยค่ะ",
    child: "หัวล็อกคาร์ซีทของลูกเปิดเองค่ะ",
    fire: "กาต้มน้ำใหม่มีกลิ่นไหม้ค่ะ",
    transfer: "เพิ่งโอนเงินผิดบัญชีค่ะ ระงับได้ไหมคะ",
    fraud: "ให้ข้อมูลบัตรกับเว็บปลอมไปแล้วค่ะ",
    calm: "ส่งของวันอาทิตย์ไหมคะ?",
    allergen: "ผัดไทยมีถั่วไหมคะ ลูกแพ้ถั่ว",
  },
  te: {
    fear: "నాకు చాలా భయం వేసింది, స్ట్రోలర్ బ్రేక్ పని చేయలేదు",
    shame: "కౌంటర్ దగ్గర అందరి ముందు వోచర్ తిరస్కరించారు",
    grief: "కేక్ పాడైపోయి వచ్చింది, కన్నీళ్లు ఆగలేదు",
    child: "మా బాబు కార్ సీట్ బకల్ దానంతట అదే ఓపెన్ అవుతోంది",
    fire: "కొత్త కెటిల్ నుంచి కాలిన వాసన వస్తోంది",
    transfer: "పొరపాటున వేరే అకౌంట్‌కు డబ్బు పంపాను",
    fraud: "నకిలీ వెబ్‌సైట్‌లో నా కార్డు వివరాలు ఇచ్చాను",
    calm: "మీరు ఆదివారం డెలివరీ చేస్తారా?",
    allergen: "ప్యాడ్ థాయ్‌లో పల్లీలు ఉంటాయా? మా బాబుకు అలర్జీ ఉంది",
  },
  "te-Latn": {
    fear: "naaku chaala bhayamga undi, stroller brake pani cheyaledu",
    shame: "counter daggara andari mundu voucher reject chesaru",
    grief: "cake paadaipoyi vachindi, kanneellu aagaledu",
    child: "maa baabu car seat buckle daanantata ade open avutondi",
    fire: "kotta kettle nundi kaalina vaasana vastondi",
    transfer: "porapaatuna vere account ki dabbulu pampaanu",
    fraud: "fake website lo naa card details ichaanu",
    calm: "meeru aadivaaram delivery chestaara?",
    allergen: "pad thai lo palleelu untaaya? maa baabu ki allergy undi",
  },
  tl: {
    fear: "Natakot po talaga ako, bumigay ang preno ng stroller habang nasa loob ang baby ko",
    shame: "Napahiya po ako sa cashier, ayaw tanggapin ang voucher sa harap ng maraming tao",
    grief: "Dumating na sira ang cake para sa burol ng nanay ko, umiyak po ako",
    child: "Kusang bumubukas po ang buckle ng car seat ng anak ko",
    fire: "Umuusok po at amoy sunog ang bagong kettle",
    transfer: "Na-transfer ko po sa maling account ang pera, mapipigilan pa ba?",
    fraud: "Nabigay ko po ang card details ko sa fake website",
    calm: "Nagde-deliver po ba kayo ng Linggo?",
    allergen: "May mani po ba ang pad thai? Allergic po ang anak ko",
  },
};

describe("care: feelings and urgent cases the words name", () => {
  it("covers the five founding languages and romanised Telugu", () => {
    expect([...CARE_LANGUAGES].sort()).toEqual(["cs", "en", "te", "te-Latn", "th", "tl"]);
  });

  for (const key of CARE_LANGUAGES) {
    const c = CASES[key]!;

    it(`${key}: reads fear, shame and tears, and the urgent cases, from our own examples`, () => {
      expect(feltIn(c.fear, key)).toBe("fear");
      expect(feltIn(c.shame, key)).toBe("shame");
      expect(feltIn(c.grief, key)).toBe("grief");
      expect(feltIn(c.calm, key)).toBeUndefined();
      const none = reading(key, undefined);
      expect(urgentIn(c.child, key, none)).toBe("hazard_child");
      expect(urgentIn(c.fire, key, none)).toBe("hazard_fire");
      expect(urgentIn(c.transfer, key, none)).toBe("wrong_transfer");
      expect(urgentIn(c.fraud, key, none)).toBe("card_fraud");
      expect(urgentIn(c.calm, key, none)).toBeUndefined();
      // Asking what a dish holds, for a child with an allergy, is a question, not a reaction to treat.
      expect(urgentIn(c.allergen, key, none)).toBeUndefined();
      expect(urgentIn(c.calm, key, reading(key, "worry", { safety: true }))).toBe("hazard");
    });

    it(`${key}: a frightened customer hears a fear line, not "frustrating", with no "fair reaction" and one sorry`, () => {
      const fear = filled(key, careFor(key)!.felt.fear.lines);
      const validate = filled(key, templatesFor(key)!.validate);
      for (const d of draftReplies(reading(key, "anger", { cause: "product_quality" }), {}, { message: c.fear, count: 3 })) {
        expect(
          fear.some((l) => d.text.includes(l)),
          d.text,
        ).toBe(true);
        expect(
          validate.some((l) => d.text.includes(l)),
          d.text,
        ).toBe(false);
        expect(apologies(key, d.text), d.text).toBeLessThanOrEqual(1);
      }
    });

    it(`${key}: fear in the words is not a question, even where the Reading saw nothing`, () => {
      const [code, script] = key.split("-") as [string, string | undefined];
      const blank = makeReading({
        language: { code, confidence: 0.9, script: script ?? (code === "th" ? "Thai" : code === "te" ? "Telu" : "Latn") },
      });
      const fear = filled(key, careFor(key)!.felt.fear.lines);
      for (const d of draftReplies(blank, {}, { message: c.fear, count: 2 })) {
        expect(d.situation, d.text).not.toBe("question");
        expect(
          fear.some((l) => d.text.includes(l)),
          d.text,
        ).toBe(true);
      }
    });

    it(`${key}: tears and shame get their own line, never beside a second sorry`, () => {
      for (const [message, felt] of [
        [c.grief, "grief"],
        [c.shame, "shame"],
      ] as const) {
        const lines = filled(key, careFor(key)!.felt[felt].lines);
        for (const d of draftReplies(reading(key, "sadness", { cause: "product_quality" }), {}, { message, count: 3 })) {
          expect(
            lines.some((l) => d.text.includes(l)),
            d.text,
          ).toBe(true);
          expect(apologies(key, d.text), d.text).toBeLessThanOrEqual(1);
        }
      }
    });

    it(`${key}: a hazard opens with what to do now, apologises once and escalates`, () => {
      const care = careFor(key)!;
      for (const [message, kind] of [
        [c.child, "hazard_child"],
        [c.fire, "hazard_fire"],
      ] as const) {
        for (const gender of ["female", "male"] as const) {
          const [d] = draftReplies(reading(key, "worry", { cause: "product_quality" }), { agentGender: gender }, { message, count: 1 });
          const text = body(d!.text);
          expect(
            filled(key, care.urgent[kind].first, gender).some((l) => text.startsWith(l)),
            d!.text,
          ).toBe(true);
          expect(
            filled(key, care.urgent[kind].step, gender).some((l) => text.includes(l)),
            d!.text,
          ).toBe(true);
          expect(apologies(key, d!.text), d!.text).toBe(1);
          if (key === "th") expect(d!.text.includes(gender === "male" ? "ครับ" : "ค่ะ")).toBe(true);
          if (key === "th") expect(d!.text.includes(gender === "male" ? "ค่ะ" : "ครับ")).toBe(false);
        }
      }
    });

    it(`${key}: money at risk: a recall attempt first for a wrong transfer, blocking the card first for fraud, no apology`, () => {
      const care = careFor(key)!;
      const [transfer] = draftReplies(
        reading(key, "worry", { complaint: false, cause: "price_or_billing" }),
        {},
        { message: c.transfer, count: 1 },
      );
      expect(
        filled(key, care.urgent.wrong_transfer.first).some((l) => body(transfer!.text).startsWith(l)),
        transfer!.text,
      ).toBe(true);
      expect(apologies(key, transfer!.text)).toBe(0);
      const fraudReading = reading(key, "worry", { complaint: false, cause: "security_and_trust" });
      const [fraud] = draftReplies(fraudReading, {}, { message: c.fraud, count: 1 });
      expect(
        filled(key, care.urgent.card_fraud.first).some((l) => body(fraud!.text).startsWith(l)),
        fraud!.text,
      ).toBe(true);
      // No invented number without the workspace's; the workspace's number when its policy gives one.
      expect(/\d{3}/u.test(fraud!.text.replace(/24/gu, "")), fraud!.text).toBe(false);
      const [withLine] = draftReplies(fraudReading, {}, { message: c.fraud, count: 1, policy: { cardLine: "800 123 456" } });
      expect(withLine!.text).toContain("800 123 456");
    });

    it(`${key}: a calm question the Reading took for anger gets an answer, no feeling line`, () => {
      const t = templatesFor(key)!;
      const feelings = filled(key, [...t.validate, ...Object.values(t.feeling).flat()]);
      for (const d of draftReplies(
        reading(key, "anger", { complaint: false, cause: "delivery_or_wait" }),
        {},
        { message: c.calm, count: 3 },
      )) {
        expect(d.situation, d.text).toBe("question");
        expect(
          feelings.some((l) => d.text.includes(l)),
          d.text,
        ).toBe(false);
        expect(d.text).not.toMatch(/ {2}/u);
      }
      // The safety signal alone on a calm question is the Reading's guess: no "stop using it".
      const hazardLines = filled(key, careFor(key)!.urgent.hazard.first);
      const guessed = { ...reading(key, "worry", { complaint: false }), signals: [{ label: "safety_issue" as const, evidence: [] }] };
      for (const d of draftReplies(guessed, {}, { message: c.calm, count: 3 }))
        expect(
          hazardLines.some((l) => d.text.includes(l)),
          d.text,
        ).toBe(false);
    });

    it(`${key}: every feeling line names a feeling the check can read, and no care sentence blames or uses jargon`, () => {
      const cues = cueSetFor(key)!;
      const care = careFor(key)!;
      for (const f of FELT)
        for (const line of filled(key, care.felt[f].lines))
          expect(findGroups(cues.empathyAll, prepare(line, cues.fold)).size, line).toBeGreaterThan(0);
      const all = [
        ...FELT.flatMap((f) => care.felt[f].lines),
        ...URGENT.flatMap((u) => [...care.urgent[u].first, ...care.urgent[u].step]),
        ...care.hazard_sorry,
        ...care.money_feeling,
      ];
      for (const line of filled(key, all)) {
        for (const kind of ["blame", "jargon", "sarcasm", "generic_apology"] as const)
          expect(findCues(cues[kind], prepare(line, cues.fold)), `${kind}: ${line}`).toEqual([]);
        expect(line).not.toMatch(/ {2}|\{/u);
      }
    });
  }
});
