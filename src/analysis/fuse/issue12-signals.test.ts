import { describe, expect, it } from "vitest";
import { contactCount } from "./contact-count.js";
import { switchesAway } from "./switch-words.js";
import { hazardSaid } from "./hazard-words.js";
import { hazardCause } from "./hazard-cause.js";

const said = (text: string) => contactCount(text).map((r) => text.slice(r.start, r.end));

describe("contactCount: counts as each language says them", () => {
  it("reads a number of contacts said as one phrase", () => {
    expect(said("I've opened 3 tickets and every one got closed")).toEqual(["3 tickets"]);
    expect(said("3 weeks, 4 calls, 0 solutions")).toEqual(["4 calls"]);
    expect(said("zase ten samej problém jako v mých předchozích 2 zprávách")).toEqual(["2 zprávách"]);
    expect(said("3 linggo, 4 na tawag, 0 solusyon")).toEqual(["4 na tawag"]);
    expect(said("ఇప్పటికి 5 కాల్స్")).toEqual(["5 కాల్"]);
    expect(said("ติดต่อมาเรื่องเดียวกับสองข้อความก่อนหน้านะคะ").length).toBeGreaterThan(0);
  });
  it("reads ordinals and colloquial counts beside a contact", () => {
    expect(said("o vrácení peněz žádám už podruhý").length).toBe(2);
    expect(said("ZASE urgence. Už popátý").length).toBe(2);
    expect(said("pangalawang tawag ko na today").length).toBe(2);
    expect(said("dalawang beses ko nang ni-report na nawawala").length).toBe(2);
    expect(said("refund kosam adagadam idi rendosari").length).toBe(2);
    expect(said("ఫ్లైట్ 6E123 రీఫండ్ గురించి ఇది రెండో మెసేజ్").length).toBe(2);
    expect(said("ขอคืนเงินเป็นรอบที่สองแล้วนะคะ").length).toBe(2);
    expect(said("This is the third engineer visit for the same noise").length).toBe(2);
  });
  it("does not count a rate of the company's calls, or a number inside a bigger one", () => {
    expect(said("รับ SMS ชวนกู้เงินวันละห้าข้อความ")).toEqual([]);
    expect(said("ఒక్కొక్కరికి రోజుకి 120 కాల్స్ టార్గెట్")).toEqual([]);
    expect(said("they call me 5 times a day to sell insurance")).toEqual([]);
    expect(said("I made 1 call and it was sorted")).toEqual([]);
  });
});

describe("switchesAway: leaving without a cancel verb", () => {
  const leaves = (t: string) => switchesAway(t).length > 0;
  it("reads where the business goes next, or that this was the last of it, in every seed language", () => {
    expect(leaves("we're going with another supplier when the fixed rate ends. your prices are a joke")).toBe(true);
    expect(leaves("Already signed up with a new provider. Send me my final bill")).toBe(true);
    expect(leaves("Loyal customer since 2015. Not anymore")).toBe(true);
    expect(leaves("Firma přesunula cestování k jiný aerolince")).toBe(true);
    expect(leaves("smlouva mi končí v červnu a nezůstanu")).toBe(true);
    expect(leaves("สมัครเจ้าใหม่เรียบร้อย ส่งบิลสุดท้ายมาด้วยค่ะ")).toBe(true);
    expect(leaves("lock-in aipogane vere provider ki veltam. mee rates joke")).toBe(true);
    expect(leaves("ఇది మా బర్త్‌డే ఫేవరెట్ ప్లేస్. ఇక వేరేది చూసుకుంటాం")).toBe(true);
    expect(leaves("simula January ibang courier na gagamitin ng shop namin")).toBe(true);
    expect(leaves("Nawalan kayo ng isang customer.")).toBe(true);
  });
  it("reads the wider vocabulary of leaving", () => {
    expect(leaves("Your competitor offered me a better deal, so you won't be hearing from me. You lost my business.")).toBe(true);
    expect(leaves("Našel jsem levnější tarif, už se k vám nevrátím")).toBe(true);
    expect(leaves("mas mura sa kalaban nyo, bye")).toBe(true);
  });
  it("does not read joining from another provider, a negated switch or a comparison as leaving", () => {
    expect(leaves("hi vere network nunchi meeku port aithe naa number alage untunda?")).toBe(false);
    expect(leaves("I'd never move to another bank, you've been great")).toBe(false);
    expect(leaves("มีรับประกันราคาไหมครับ ถ้าเจอที่อื่นถูกกว่า")).toBe(false);
    expect(leaves("mas mataas pa pala ang original price kaysa sa ibang shop")).toBe(false);
    expect(leaves("sa kabila ng lahat, salamat po")).toBe(false);
  });
});

describe("hazardSaid: hazards told as what happened", () => {
  const hazard = (t: string) => hazardSaid(t).length > 0;
  it("reads falls, burns, live wires, snapped safety gear and mould eaten, in every seed language", () => {
    expect(hazard("The floor by the toilets was soaking wet and no sign, my dad slipped")).toBe(true);
    expect(hazard("the engineer left live wires hanging out of the wall")).toBe(true);
    expect(hazard("technik tu nechal ze zdi trčet dráty pod proudem")).toBe(true);
    expect(hazard("สายคาร์ซีทเด็กขาดตั้งแต่ใช้ครั้งแรก")).toBe(true);
    expect(hazard("bathroom daggara floor motham tadiga undi, board ledu, maa nanna jaari paddaru")).toBe(true);
    expect(hazard("natapunan ng waiter ng mainit na sabaw ang braso ng anak ko")).toBe(true);
  });
  it("reads the wider vocabulary of injuries, food and vehicles", () => {
    expect(hazard("the toy has sharp edges, my son cut his finger")).toBe(true);
    expect(hazard("kuře bylo syrové uvnitř")).toBe(true);
    expect(hazard("ไรเดอร์ฝ่าไฟแดง เกือบชนคน")).toBe(true);
    expect(hazard("walang preno yung bike na nirentahan ko")).toBe(true);
  });
  it("does not read an expired promotion or a CO alarm check as a hazard", () => {
    expect(hazard("SMS บอกว่าโปรหมดอายุ แต่ในแอปยังขึ้นว่าใช้ได้")).toBe(false);
    expect(hazard("The engineer even checked the carbon monoxide alarm for us")).toBe(false);
  });
  it("does not read price rises, a crashed website or a brown bag as hazards", () => {
    expect(hazard("ขึ้นราคาอีกแล้ว ไม่ไหวละ ยกเลิกแพ็กเกจเลย")).toBe(false);
    expect(hazard("Pri objednavani mi web trikrat spadl a ted vidim tri platby")).toBe(false);
    expect(hazard("cfค่ะ กระเป๋าสีน้ำตาล 1 ใบ ส่งแบบ EMS ค่ะ")).toBe(false);
    expect(hazard("Magkano po ang magpa-repair ng screen? Nabasag po kasi nahulog.")).toBe(false);
  });
});

describe("hazardCause: a product hazard names the product", () => {
  const hazard = { label: "safety_issue" as const, evidence: [{ text: "melted", start: 4, end: 10 }] };
  it("adds product quality as a problem when a product is named beside the hazard", () => {
    const out = hazardCause("ที่ชาร์จละลาย ไหม้พรมไปด้วย", [], [{ ...hazard, evidence: [{ text: "ละลาย", start: 8, end: 13 }] }]);
    expect(out.map((c) => [c.label, c.polarity])).toEqual([["product_quality", "negative"]]);
  });
  it("leaves a service hazard and a message without the safety signal alone", () => {
    expect(hazardCause("The floor by the toilets was soaking wet, my dad slipped", [], [hazard])).toEqual([]);
    expect(hazardCause("my new charger is great", [], [])).toEqual([]);
  });
});
