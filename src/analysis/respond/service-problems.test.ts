import { describe, expect, it } from "vitest";
import { draftReplies } from "./draft-replies.js";
import { problemsIn } from "./problems.js";
import { cueSetFor, templatesFor } from "./respond-data.js";
import { SERVICE_PROBLEM_CAUSE, SERVICE_QUESTIONS, type ServiceProblemKey, type ServiceQuestionKey } from "./service-problems.js";
import { complaintReading, makeReading } from "./test-reading.js";

const SCRIPT: Record<string, string> = { en: "Latn", cs: "Latn", tl: "Latn", th: "Thai", te: "Telu" };

// Messages written for these tests (not from any review set): one per service problem and language.
const PROBLEM_CASES: [string, string, ServiceProblemKey][] = [
  ["en", "I was charged €45 in roaming fees in Spain even though I bought the EU roaming package.", "roaming_charge"],
  ["en", "I changed my plan last month and now I've been billed twice, for the old plan and the new one.", "plan_billed_twice"],
  ["en", "I moved out in March and gave you the final meter reading but you still bill me for the old address.", "meter_bill"],
  ["en", "My insurance claim was submitted six weeks ago and I've heard nothing.", "claim_no_answer"],
  ["en", "I booked a taxi to the airport for 5am and the driver never came.", "ride_no_show"],
  ["en", "Our flight to Bangkok was cancelled at the gate and nobody told us anything.", "flight_cancelled"],
  ["en", "My flight was delayed by 7 hours and I missed my connection.", "flight_delayed"],
  ["en", "The airline lost my luggage three days ago.", "baggage_lost"],
  ["en", "We arrived at the hotel at midnight and they had no record of our booking.", "hotel_booking"],
  ["en", "The verification code keeps going to my old number.", "otp_old_number"],
  ["en", "My account has been locked after too many attempts.", "account_locked"],
  ["en", "I asked to transfer my course to the next term and you refused.", "transfer_refused"],
  ["en", "I asked for a refund and you sent me a voucher instead. I want my money back, not a voucher.", "voucher_not_refund"],
  ["en", "There's a £30 charge on my bill for a service I never signed up for.", "bill_charge"],
  ["cs", "Naúčtovali jste mi roaming, přestože jsem si předem koupil roamingový balíček.", "roaming_charge"],
  ["cs", "Po změně tarifu platím starý i nový tarif.", "plan_billed_twice"],
  ["cs", "Odstěhoval jsem se, nahlásil jsem stav elektroměru a pořád mi chodí vyúčtování.", "meter_bill"],
  ["cs", "Pojistnou událost jsem nahlásil před šesti týdny a pořád nic.", "claim_no_answer"],
  ["cs", "Objednala jsem taxi na letiště a řidič vůbec nepřijel.", "ride_no_show"],
  ["cs", "Náš let do Bangkoku byl zrušen přímo u brány.", "flight_cancelled"],
  ["cs", "Let měl pět hodin zpoždění a zmeškal jsem přestup.", "flight_delayed"],
  ["cs", "Ztratili mi zavazadlo a kufr pořád nedorazil.", "baggage_lost"],
  ["cs", "V hotelu neměli naši rezervaci, přestože mám potvrzení.", "hotel_booking"],
  ["cs", "Ověřovací kód mi pořád chodí na staré číslo.", "otp_old_number"],
  ["cs", "Po několika pokusech mám zablokovaný účet.", "account_locked"],
  ["cs", "Požádala jsem o převod kurzu na další semestr a vy jste to odmítli.", "transfer_refused"],
  ["cs", "Chtěl jsem vrácení peněz a poslali jste mi poukaz. Nechci poukaz.", "voucher_not_refund"],
  ["cs", "Na vyúčtování je poplatek za službu, kterou jsem si nikdy neobjednal.", "bill_charge"],
  // A comma may end the word before a gap ("roaming, když ...").
  ["cs", "Proč mi účtujete roaming, když mám v tarifu balíček pro EU?", "roaming_charge"],
  ["cs", "Chci peníze zpět, ne voucher.", "voucher_not_refund"],
  ["th", "โดนค่าโรมมิ่ง 2,000 บาท ทั้งที่ซื้อแพ็กเกจไว้แล้ว", "roaming_charge"],
  ["th", "เปลี่ยนแพ็กเกจแล้วบิลเก็บทั้งแพ็กเกจเก่าและใหม่", "plan_billed_twice"],
  ["th", "ย้ายออกแล้ว แจ้งเลขมิเตอร์แล้ว แต่ยังมีบิลของบ้านเก่าส่งมา", "meter_bill"],
  ["th", "ยื่นเคลมประกันไปหกอาทิตย์แล้ว เงียบหายไม่มีใครติดต่อกลับ", "claim_no_answer"],
  ["th", "จองแท็กซี่ไปสนามบินตีห้า คนขับไม่มารับ", "ride_no_show"],
  ["th", "เที่ยวบินไปเชียงใหม่ถูกยกเลิกที่ประตูขึ้นเครื่อง", "flight_cancelled"],
  ["th", "เที่ยวบินดีเลย์ห้าชั่วโมง ต่อเครื่องไม่ทัน", "flight_delayed"],
  ["th", "กระเป๋าเดินทางหายไปสามวันแล้ว", "baggage_lost"],
  ["th", "ไปถึงโรงแรมแต่โรงแรมบอกว่าไม่พบการจอง", "hotel_booking"],
  ["th", "รหัส OTP ยังส่งไปที่เบอร์เก่า", "otp_old_number"],
  ["th", "บัญชีโดนล็อกเพราะใส่รหัสผิดหลายครั้ง", "account_locked"],
  ["th", "ขอเลื่อนคอร์สไปรอบหน้าแต่ทางนั้นไม่ให้เลื่อน", "transfer_refused"],
  ["th", "ขอคืนเงินแต่ได้วอเชอร์แทน ไม่เอาวอเชอร์", "voucher_not_refund"],
  ["th", "ทำไมต้องจ่ายค่าบริการที่ไม่เคยสมัคร", "bill_charge"],
  ["te", "ముందే రోమింగ్ ప్యాక్ తీసుకున్నా బిల్లులో రోమింగ్ ఛార్జీలు వేశారు.", "roaming_charge"],
  ["te", "ప్లాన్ మార్చిన తర్వాత రెండుసార్లు బిల్ వచ్చింది.", "plan_billed_twice"],
  ["te", "ఇల్లు మారాను, మీటర్ రీడింగ్ ఇచ్చాను, అయినా పాత ఇంటి బిల్లు వస్తోంది.", "meter_bill"],
  ["te", "ఆరు వారాల క్రితం క్లెయిమ్ పెట్టాను, ఇంకా ఎవరూ స్పందించలేదు.", "claim_no_answer"],
  ["te", "ఎయిర్‌పోర్ట్‌కు క్యాబ్ బుక్ చేశాను, డ్రైవర్ రాలేదు.", "ride_no_show"],
  ["te", "మా ఫ్లైట్ గేట్ దగ్గరే రద్దు చేశారు.", "flight_cancelled"],
  ["te", "మా ఫ్లైట్ ఐదు గంటలు ఆలస్యం అయింది.", "flight_delayed"],
  ["te", "మూడు రోజులైంది, నా లగేజ్ ఇంకా రాలేదు.", "baggage_lost"],
  ["te", "హోటల్‌కు వెళ్తే బుకింగ్ రికార్డ్ లేదన్నారు.", "hotel_booking"],
  ["te", "ఓటీపీ ఇంకా నా పాత నంబర్‌కే వెళ్తోంది.", "otp_old_number"],
  ["te", "తప్పు పాస్‌వర్డ్ వేయడంతో నా అకౌంట్ లాక్ అయింది.", "account_locked"],
  ["te", "నా కోర్సును తర్వాతి బ్యాచ్‌కు ట్రాన్స్‌ఫర్ చేయమన్నాను, కానీ ఒప్పుకోలేదు.", "transfer_refused"],
  ["te", "రీఫండ్ అడిగితే వోచర్ పంపారు. నాకు వోచర్ వద్దు.", "voucher_not_refund"],
  ["te", "నేను యాక్టివేట్ చేయలేదు, అయినా బిల్లులో ఛార్జ్ వేశారు.", "bill_charge"],
  ["tl", "Siningil ako ng roaming charges kahit nag-avail na ako ng roaming promo.", "roaming_charge"],
  ["tl", "Nagpalit ako ng plan tapos dalawang beses akong siningil.", "plan_billed_twice"],
  ["tl", "Binigay ko na ang meter reading pero sinisingil pa rin ako sa lumang bahay.", "meter_bill"],
  ["tl", "Anim na linggo na ang claim ko at wala pa ring sagot.", "claim_no_answer"],
  ["tl", "Nag-book ako ng taxi at hindi dumating ang driver.", "ride_no_show"],
  ["tl", "Na-cancel ang flight namin sa mismong gate.", "flight_cancelled"],
  ["tl", "Na-delay ang flight namin ng limang oras.", "flight_delayed"],
  ["tl", "Nawala ang bagahe ko tatlong araw na.", "baggage_lost"],
  ["tl", "Dumating kami sa hotel pero walang record ng booking namin.", "hotel_booking"],
  ["tl", "Sa lumang number ko pa rin napupunta ang OTP.", "otp_old_number"],
  ["tl", "Na-lock ang account ko dahil sa maling attempts.", "account_locked"],
  ["tl", "Humiling akong ilipat ang course ko pero ayaw nilang ilipat.", "transfer_refused"],
  ["tl", "Humingi ako ng refund pero voucher ang binigay nyo. Ayoko ng voucher.", "voucher_not_refund"],
  ["tl", "Naka-block ang account ko sa bank app.", "account_locked"],
  ["tl", "Bakit ako sinisingil sa serbisyong hindi ko in-avail?", "bill_charge"],
  // The customer's own word for what came instead of the refund (coupon, credit), not "voucher".
  ["th", "ขอเงินคืนแต่ได้คูปองแทน ไม่เอาคูปองค่ะ", "voucher_not_refund"],
  ["th", "ได้เครดิตแทนการคืนเงิน อยากได้เงินคืนค่ะ", "voucher_not_refund"],
  ["te", "రీఫండ్ అడిగితే కూపన్ ఇచ్చారు", "voucher_not_refund"],
  ["te", "రీఫండ్ బదులు క్రెడిట్ ఇచ్చారు", "voucher_not_refund"],
  ["tl", "Refund ang hiningi ko pero coupon ang binigay ninyo", "voucher_not_refund"],
  ["tl", "Credit lang daw imbes na refund, gusto ko ng pera ko", "voucher_not_refund"],
];

/** What came instead of a refund, named only in the customer's word: no "voucher" they did not write. */
const VOUCHER_WORD = /voucher|วอเชอร์|వోచర్/iu;

const QUESTION_CASES: [string, string, ServiceQuestionKey][] = [
  ["en", "How do I change my phone number?", "details_change"],
  ["cs", "Jak si můžu změnit telefonní číslo?", "details_change"],
  ["tl", "Paano po palitan ang number ko sa profile?", "details_change"],
  ["en", "Do you have roaming options for Thailand?", "roaming_plan"],
  ["en", "What is the daily withdrawal limit on my card?", "card_limit"],
  ["en", "Is 50 minutes enough of a layover in Frankfurt?", "connection_time"],
  ["en", "Does the pad thai contain peanuts? My son has a nut allergy.", "ingredients"],
  ["en", "Can I transfer my ticket to a friend?", "ticket_transfer"],
  ["en", "How do I open a joint account?", "open_account"],
  ["en", "How long is the notice period on my contract?", "contract_terms"],
  ["cs", "Jaký je denní limit pro výběr z karty?", "card_limit"],
  ["cs", "Stihnu přestup ve Frankfurtu za 50 minut?", "connection_time"],
  ["cs", "Můžu převést vstupenku na kamaráda?", "ticket_transfer"],
  ["cs", "Jaká je výpovědní lhůta u mé smlouvy?", "contract_terms"],
  ["th", "มีแพ็กเกจโรมมิ่งไปญี่ปุ่นไหมคะ", "roaming_plan"],
  ["th", "ผัดไทยมีถั่วไหมคะ ลูกแพ้ถั่ว", "ingredients"],
  ["th", "เปิดบัญชีร่วมต้องทำยังไงครับ", "open_account"],
  ["te", "థాయ్‌లాండ్‌కు రోమింగ్ ప్లాన్‌లు ఉన్నాయా?", "roaming_plan"],
  ["te", "నా టికెట్‌ను ఫ్రెండ్‌కు ట్రాన్స్‌ఫర్ చేయవచ్చా?", "ticket_transfer"],
  ["te", "నా కాంట్రాక్ట్‌లో నోటీస్ పీరియడ్ ఎంత?", "contract_terms"],
  ["tl", "Magkano po ang daily withdrawal limit ng card ko?", "card_limit"],
  ["tl", "May mani po ba ang pad thai? May allergy ang anak ko.", "ingredients"],
  ["tl", "Paano po magbukas ng joint account?", "open_account"],
];

describe("service problems", () => {
  it("are found in each language's words, before any retail problem", () => {
    for (const [lang, text, key] of PROBLEM_CASES) expect(problemsIn(text, cueSetFor(lang)!)[0], `${lang}: ${text}`).toBe(key);
  });

  it("are drafted with their own clause and step, not a retail parcel or a generic check", () => {
    for (const [lang, text, key] of PROBLEM_CASES) {
      const reading = complaintReading(text, lang, { cause: SERVICE_PROBLEM_CAUSE[key], script: SCRIPT[lang] });
      const [d] = draftReplies(reading, { agentGender: "male" }, { message: text, count: 1 });
      const entry = templatesFor(lang)!.problem![key]!;
      expect(d?.problem, `${lang}: ${text}`).toBe(key);
      expect(d?.text).toContain(entry.cause);
      expect(
        entry.step.some((s) => d!.text.includes(s.replace(/\{[a-z]+\}/g, "").slice(0, 12))),
        `${lang} ${key} step`,
      ).toBe(true);
      if (lang === "th") expect(d?.text).toContain("ครับ");
    }
  });

  it("name no voucher for a coupon or credit given instead of a refund", () => {
    for (const [lang, text, key] of PROBLEM_CASES) {
      if (key !== "voucher_not_refund" || VOUCHER_WORD.test(text) || lang === "en" || lang === "cs") continue;
      const reading = complaintReading(text, lang, { cause: SERVICE_PROBLEM_CAUSE[key], script: SCRIPT[lang] });
      for (const d of draftReplies(reading, {}, { message: text, count: 3 })) {
        expect(d.problem, `${lang}: ${text}`).toBe(key);
        expect(d.text).not.toMatch(VOUCHER_WORD);
      }
    }
  });

  it("leave calm questions about the same services alone", () => {
    expect(problemsIn("Can I transfer my ticket to a friend?", cueSetFor("en")!)).toEqual([]);
    expect(problemsIn("How much does roaming cost in Thailand?", cueSetFor("en")!)).toEqual([]);
    expect(problemsIn("How do I change my plan?", cueSetFor("en")!)).toEqual([]);
    expect(problemsIn("Jak funguje roaming v Thajsku?", cueSetFor("cs")!)).toEqual([]);
    expect(problemsIn("โอนตั๋วให้เพื่อนได้ไหมคะ", cueSetFor("th")!)).toEqual([]);
  });

  it("promise a refund only where the policy allows one", () => {
    const text = "I asked for a refund and you sent me a voucher instead. I want my money back, not a voucher.";
    const reading = {
      ...complaintReading(text, "en", { cause: "price_or_billing" }),
      needs: [{ label: "refund_or_compensation" as const, score: 0.8, evidence: [] }],
    };
    const refundLines = templatesFor("en")!.offer.refund;
    const open = draftReplies(reading, {}, { message: text });
    for (const d of open)
      expect(
        refundLines.some((l) => d.text.includes(l)),
        d.text,
      ).toBe(false);
    expect(open[0]?.problem).toBe("voucher_not_refund");
    expect(open[0]?.offer).toBeUndefined();
    const allowed = draftReplies(reading, {}, { message: text, policy: { offers: ["refund"] } });
    expect(allowed[0]?.offer).toBe("refund");
    expect(refundLines.some((l) => allowed[0]!.text.includes(l))).toBe(true);
  });
});

describe("service questions", () => {
  it("every language answers every service subject", () => {
    for (const lang of ["en", "cs", "th", "te", "te-Latn", "tl"])
      for (const q of SERVICE_QUESTIONS) expect(templatesFor(lang)!.question_topic?.[q]?.length, `${lang} ${q}`).toBeGreaterThanOrEqual(2);
  });

  it("get a concrete plan for the subject asked about, not the generic 'I'll check the details'", () => {
    for (const [lang, text, key] of QUESTION_CASES) {
      const reading = makeReading({ language: { code: lang, confidence: 0.95, script: SCRIPT[lang]! } });
      const [d] = draftReplies(reading, { agentGender: "female" }, { message: text, count: 1 });
      const plans = templatesFor(lang)!.question_topic![key]!;
      expect(d?.situation, `${lang}: ${text}`).toBe("question");
      expect(
        plans.some((p) => d!.text.includes(p.replace(/\{[a-z]+\}/g, "").slice(0, 10))),
        `${lang}: ${text}\n${d?.text}`,
      ).toBe(true);
    }
  });

  it("answer a calm service question even where the model hears anger in it, but not a complaint", () => {
    const text = "Máte nějaké možnosti roamingu pro Thajsko? Jedu tam příští měsíc.";
    const heard = makeReading({
      language: { code: "cs", confidence: 0.95, script: "Latn" },
      emotions: [{ label: "anger", score: 0.58, evidence: [] }],
    });
    const [d] = draftReplies(heard, {}, { message: text, count: 1 });
    expect(d?.situation).toBe("question");
    expect(d?.text).toContain(templatesFor("cs")!.question_topic!.roaming_plan![1]!.slice(0, 20));
    const angry = "Proč mi pořád nefunguje roaming?! Už potřetí!";
    const [c] = draftReplies(complaintReading(angry, "cs", { emotion: "anger" }), {}, { message: angry, count: 1 });
    expect(c?.situation).toBe("complaint");
  });

  it("answer a calm allergen question as a question, but not a reaction that happened", () => {
    const text = "Is the vegan burger gluten free?";
    const safety = [{ label: "safety_issue" as const, score: 0.7, evidence: [] }];
    const asked = makeReading({ signals: safety, causes: [{ label: "product_quality", polarity: "negative", score: 0.5, evidence: [] }] });
    const [d] = draftReplies(asked, {}, { message: text, count: 1 });
    expect(d?.situation).toBe("question");
    expect(d?.text).not.toMatch(/stop using/u);
    expect(templatesFor("en")!.question_topic!.ingredients!.some((l) => d!.text.includes(l))).toBe(true);
    const harm = "Did the pad thai contain nuts? My son ended up in hospital after eating it.";
    const [h] = draftReplies({ ...complaintReading(harm, "en", { emotion: "anger" }), signals: safety }, {}, { message: harm, count: 1 });
    expect(h?.situation).toBe("complaint");
  });
});
