import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader();
}, 60_000);

const leaving = (r: ReturnType<Reader["analyze"]>) =>
  r.stage.label === "leaving" || r.needs.some((n) => n.label === "cancellation") || r.signals.some((s) => s.label === "churn_threat");

describe("Readings of issue 12's shapes", () => {
  it("reads an agent's reply as an agent's words: no complaint, no customer signals or needs", () => {
    const r = reader.analyze("If the transaction failed, the money returns in 5-7 days", { direction: "agent" });
    expect(r.complaint.is).toBe(false);
    expect(r.signals).toEqual([]);
    expect(r.needs).toEqual([]);
  });
  it("reads a pre-sales question as a neutral ask, not as leaving", () => {
    for (const t of [
      "Thinking of joining: what does it cost to end the contract in year one?",
      "Uvažuju, že k vám přejdu: kolik stojí ukončení smlouvy v prvním roce?",
    ]) {
      const r = reader.analyze(t);
      expect(r.sentiment.label).not.toBe("negative");
      expect(leaving(r)).toBe(false);
      expect(r.complaint.is).toBe(false);
    }
  });
  it("reads a message that is one plain question as asked, in every seed language, whatever it asks with", () => {
    for (const t of [
      "Does the basic plan include calls to Austria?",
      "Obsahuje ta omáčka lepek?",
      "ต่อเน็ตบ้านใช้เวลากี่วันคะ",
      "ఈ ప్లాన్‌లో రోమింగ్ ఉంటుందా?",
      "may mani ba yung kare-kare niyo?",
    ]) {
      const r = reader.analyze(t);
      expect(r.complaint.is, t).toBe(false);
      expect(r.sentiment.label, t).not.toBe("negative");
    }
  });
  it("keeps a question that tells a present problem a complaint", () => {
    for (const t of ["is the app down again??", "why was I charged twice?"]) {
      expect(reader.analyze(t).complaint.is, t).toBe(true);
    }
  });
  it("does not open a complaint for thanks about a fixed past problem", () => {
    const r = reader.analyze("thanks to Anna, who fixed the double charge within a day");
    expect(r.complaint.is).toBe(false);
    expect(r.sentiment.label).toBe("positive");
  });
  it("does not open a complaint for a past worry that turned to praise", () => {
    for (const t of [
      "was worried after the food scare but the new kitchen is spotless and dinner was great",
      "kinabahan ako nung una pero ang bait ng staff at ang sarap ng pagkain",
    ]) {
      const r = reader.analyze(t);
      expect(r.complaint.is).toBe(false);
      expect(r.signals).toEqual([]);
    }
  });
  it("reads praise against facts as sarcasm, and negative", () => {
    const r = reader.analyze('oh lovely, the "free" gift costs £4.99 delivery');
    expect(r.signals.map((s) => s.label)).toContain("sarcasm");
    expect(r.sentiment.label).toBe("negative");
  });
  it("finds repeat contact in a contact count and not in a bare 'again'", () => {
    expect(reader.analyze("This is my 4th email. WHERE IS MY ORDER").signals.map((s) => s.label)).toContain("repeat_contact");
    expect(reader.analyze("bought this twice already, love it").signals.map((s) => s.label)).not.toContain("repeat_contact");
  });
  it("reads sarcastic praise's causes as problems", () => {
    const r = reader.analyze("thanks for delivering my parcel to the neighbours bin, very creative 🙄");
    expect(r.signals.map((s) => s.label)).toContain("sarcasm");
    expect(r.causes.length).toBeGreaterThan(0);
    expect(r.causes.every((c) => c.polarity === "negative")).toBe(true);
  });
  it("reads thanks for a fix as praise of the fix, with no complaint and no sarcasm", () => {
    for (const t of [
      "our order was missing a main but the manager comped the whole meal and apologised. we'll be back",
      "my parcel got lost last week but you sent a new one straight away. really appreciate it",
      "Zamkl jsem se z účtu a podpora mě do 10 minut pustila zpátky. Děkuju!",
    ]) {
      const r = reader.analyze(t);
      expect(r.complaint.is).toBe(false);
      expect(r.signals.map((s) => s.label)).not.toContain("sarcasm");
      expect(r.causes.some((c) => c.polarity === "positive")).toBe(true);
    }
  });
  it("gives an employee's workload message the staffing policy as its cause", () => {
    const r = reader.analyze("too many tickets, not enough people. same story every week", { direction: "employee" });
    expect(r.causes.find((c) => c.label === "policy")?.polarity).toBe("negative");
  });
  it("gives a complaint a cause when the model leans to one", () => {
    const r = reader.analyze("ztrátu balíku jsem hlásila už dvakrát a pořád nic");
    expect(r.complaint.is).toBe(true);
    expect(r.causes.some((c) => c.polarity === "negative")).toBe(true);
  });
  it("keeps a hazard that is now, and drops one the customer thanks us for having dealt with", () => {
    const now = reader.analyze("smoke came out of the charger and it melted, please replace it");
    expect(now.signals.map((s) => s.label)).toContain("safety_issue");
    const past = reader.analyze("card got swallowed by the ATM, branch had a new one ready for me the next morning. great stuff");
    expect(past.signals).toEqual([]);
    expect(past.complaint.is).toBe(false);
  });
});

describe("Readings of issue 12's signals said without their usual words", () => {
  const signals = (t: string, direction?: "customer" | "employee") =>
    reader.analyze(t, direction ? { direction } : {}).signals.map((s) => s.label);
  it("reads churn without a cancel verb, but not from an employee or a pre-sales question", () => {
    expect(signals("Already signed up with a new provider. Send me my final bill")).toContain("churn_threat");
    expect(signals("เดือนนี้เดือนสุดท้ายที่จ่ายค่ะ")).toContain("churn_threat");
    expect(signals("half the night shift went to another company, we need two more people", "employee")).not.toContain("churn_threat");
    expect(signals("hi vere network nunchi meeku port aithe naa number alage untunda?")).not.toContain("churn_threat");
  });
  it("reads a hazard told as what happened as a safety issue", () => {
    expect(signals("the ladder I bought buckled on the second step, I fell")).toContain("safety_issue");
    expect(signals("ที่ชาร์จละลาย ไหม้พรมไปด้วย")).toContain("safety_issue");
  });
  it("reads counted contacts as repeat contact", () => {
    expect(signals("3 weeks, 4 calls, 0 solutions")).toContain("repeat_contact");
    expect(signals("pangalawang tawag ko na today. binabaan ako nung unang agent")).toContain("repeat_contact");
  });
});

describe("Readings of employees' workload and staffing (issue 12)", () => {
  const emp = (t: string) => reader.analyze(t, { direction: "employee" });
  it("reads workload talk as someone who stays, with the workplace policy as the problem", () => {
    for (const t of ["hindi po ako magre-resign, gusto ko lang na kaya ang workload", "กะเย็นขาดคนอีกแล้ว 3 คน ไม่มีใครมาแทนเลย"]) {
      const r = emp(t);
      expect(leaving(r)).toBe(false);
    }
    const r = emp("na prodejně je nás pořád málo, nemůžeme ani na pauzu");
    expect(r.causes.some((c) => c.label === "policy" && c.polarity === "negative")).toBe(true);
  });
  it("still reads an employee who resigns as leaving", () => {
    expect(leaving(emp("I'm handing in my notice. The workload and the overtime aren't worth it anymore."))).toBe(true);
  });
  it("reads a polite request for staff as neutral, and thanks for staff as praise", () => {
    expect(emp("Proposal for next quarter: hire 2 FTE for tier 2 support so tier 1 isn't overloaded").sentiment.label).not.toBe("positive");
    expect(emp("Thanks for hiring two more people for the night shift, it's so much calmer now").sentiment.label).toBe("positive");
  });
});

describe("Readings of thanks for a settled problem (issue 12)", () => {
  it("opens no complaint when a fix and praise follow the problem in one clause or after a 'then and now'", () => {
    for (const t of [
      "ของมาชำรุด ส่งรูปไป ได้ของใหม่ในสองวัน รักร้านนี้ 💕",
      "Přišlo poškozený zboží, poslala jsem fotku a za 2 dny byla náhrada doma. Miluju tenhle e-shop",
      "minule přišel balík rozbitej, tentokrát perfektní a řidič mi dokonce volal, když nemohl najít vchod",
      "wrong size arrived but the exchange was so easy, no questions asked 🙏",
    ]) {
      expect(reader.analyze(t).complaint.is).toBe(false);
    }
  });
  it("still reads a new problem after the fix as a complaint", () => {
    expect(reader.analyze("they sent a replacement in 2 days, but the replacement is broken too").complaint.is).toBe(true);
  });
});

describe("Cause polarity in a message that leaves (issue 12)", () => {
  const pol = (t: string) => reader.analyze(t).causes.map((c) => c.polarity);
  it("reads praise of a competitor as our problem", () => {
    expect(pol("เลิกคบ เจ้าอื่นบริการดีกว่าเยอะ 😤")).not.toContain("positive");
    expect(pol("may nahanap akong mas masarap na pizza sa kanto, sorry not sorry")).not.toContain("positive");
  });
  it("keeps sincere praise after a contrast word", () => {
    expect(pol("I'm switching to another provider next month, but your support staff were always lovely")).toContain("positive");
  });
});
