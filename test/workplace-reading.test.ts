import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";
import type { Reading } from "../src/core/reading.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader();
}, 60_000);

const emp = (t: string): Reading => reader.analyze(t, { direction: "employee" });
/** "label-" or "label+" for each workplace cause. */
const causes = (r: Reading): string[] => (r.workplace?.causes ?? []).map((c) => `${c.label}${c.polarity === "positive" ? "+" : "-"}`);
const needs = (r: Reading): string[] => (r.workplace?.needs ?? []).map((n) => n.label);

describe("workplace causes and needs of employee messages (issue 12 item 8)", () => {
  it("names staffing as the problem and more staff as the ask, in all five languages", () => {
    for (const t of [
      "We're understaffed on the late shift again, please hire two more people",
      "Na ranní směně jsme v podstavu, potřebujeme přijmout aspoň dva lidi",
      "กะเช้าคนไม่พออีกแล้ว ขอรับคนเพิ่มสองคนได้ไหมคะ",
      "మార్నింగ్ షిఫ్ట్‌లో స్టాఫ్ తక్కువ, ఇంకొకరిని తీసుకోగలరా?",
      "kulang kami ng tao sa morning shift, pwede po bang mag-hire ng dalawa pa?",
    ]) {
      const r = emp(t);
      expect(causes(r), t).toContain("workload_staffing-");
      expect(needs(r), t).toContain("more_staff");
    }
  });
  it("names pay as the problem, in all five languages", () => {
    for (const t of [
      "Three years without a raise and my salary is still the same as the new starters'",
      "Tři roky bez přidání a plat pořád stejný jako mají nováčci",
      "สามปีแล้วไม่ได้ขึ้นเงินเดือนเลย เงินเดือนเท่ากับเด็กใหม่",
      "మూడేళ్లుగా జీతం పెరగలేదు, కొత్తవాళ్ళకి ఇచ్చే జీతమే నాకూ",
      "tatlong taon na walang umento, parehong sweldo pa rin kami ng mga bago",
    ]) {
      expect(causes(emp(t)), t).toContain("pay-");
    }
  });
  it("names tools and management, with the evidence on the content words", () => {
    const cs = emp("Ten nový systém pořád padá a vedoucí nám jen řekne, ať to vydržíme");
    expect(causes(cs)).toEqual(expect.arrayContaining(["tools-", "management-"]));
    const th = emp("ระบบล่มทุกวัน หัวหน้าก็ไม่สนใจเลย");
    expect(causes(th)).toEqual(expect.arrayContaining(["tools-", "management-"]));
    const text = "The ticket system crashes every morning and my manager just shrugs";
    const en = emp(text);
    const tools = en.workplace!.causes.find((c) => c.label === "tools")!;
    expect(tools.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(["crashes"]));
    for (const c of en.workplace!.causes) for (const e of c.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
  it("reads praise of recognition and policy as praise", () => {
    const r = emp("Shout out to our team lead, the new parental leave policy is genuinely generous");
    expect(causes(r)).toEqual(expect.arrayContaining(["recognition+", "policy+"]));
    expect(causes(r).some((c) => c.endsWith("-"))).toBe(false);
  });
  it("takes no cause from a plain neutral question, and none at all off customer messages", () => {
    expect(causes(emp("Quick question: how many holiday days carry over into next year?"))).toEqual([]);
    for (const t of [
      "Your staff are understaffed and the manager was rude, I want my salary-sized refund",
      "Vaši zaměstnanci jsou v podstavu a vedoucí byl nepříjemný",
    ]) {
      expect(reader.analyze(t).workplace).toBeUndefined();
      expect(reader.analyze(t, { direction: "agent" }).workplace).toBeUndefined();
    }
  });
  it("does not read a purpose clause as praise, nor a polite staffing ask as positive", () => {
    const r = emp("Could we hire one more agent for tier 2 so tier 1 isn't overloaded?");
    expect(causes(r)).toEqual(["workload_staffing-"]);
    expect(r.sentiment.label).not.toBe("positive");
  });
  it("matches whole words only: a cue inside another word is no cue", () => {
    // "paid" in "unpaired", "raise" in "praised", "tool" in "stool": none is pay or tools.
    const r = emp("The unpaired stool was praised by everyone");
    expect(causes(r).filter((c) => c.startsWith("pay") || c.startsWith("tools"))).toEqual([]);
  });
  it("reads romanised Telugu and Taglish workload with their own words", () => {
    expect(causes(emp("tickets ekkuva, manushulu takkuva, prati roju ide"))).toContain("workload_staffing-");
    expect(causes(emp("sobrang bigat ng trabaho, kulang ang tao sa floor"))).toContain("workload_staffing-");
  });
});
