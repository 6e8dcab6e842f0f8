import { describe, expect, it } from "vitest";
import { contactCount, mentionsContact } from "./contact-count.js";
import { clauses } from "./clauses.js";
import { isUnmarkedQuestion } from "./neutral-ask.js";
import { contradictionFacts } from "./praise-contradiction.js";
import { adaptPriors } from "../model/prior-adaptation.js";
import { decideSentiment, NEUTRAL, NEGATIVE, POSITIVE } from "../model/sentiment-decision.js";

const said = (text: string) => contactCount(text).map((r) => text.slice(r.start, r.end));

describe("contactCount: repeat contact from what is said", () => {
  it("finds a count next to an act of contacting, in every seed language", () => {
    expect(said("This is my 4th email. WHERE IS MY ORDER")).toEqual(["4th", "email"]);
    expect(said("third time I'm writing about this")).toEqual(["third time", "writing"]);
    expect(said("I emailed twice last week and got nothing back")).toEqual(["emailed", "twice"]);
    expect(said("Už potřetí vám píšu kvůli faktuře").length).toBe(2);
    expect(said("โทรมาห้าครั้งแล้วยังไม่มีใครแก้ให้").length).toBe(2);
    expect(said("మూడోసారి కాల్ చేస్తున్నా").length).toBe(2);
    expect(said("ikatlong beses na akong tumawag").length).toBe(2);
  });
  it("does not fire on bare still / again / already / twice", () => {
    for (const t of [
      "the app is crashing again since the last update",
      "bought this twice already, love it",
      "still waiting for the courier",
      "I already paid, do I need to do anything else?",
      "zase to nejde",
    ]) {
      expect(contactCount(t)).toEqual([]);
    }
  });
  it("knows when a contact is named at all", () => {
    expect(mentionsContact("crashing again")).toBe(false);
    expect(mentionsContact("I called yesterday")).toBe(true);
  });
});

describe("contradictionFacts: the facts beside sarcastic praise", () => {
  it("scores durations, counts, prices, 'only' and quoted promises", () => {
    expect(contradictionFacts("Great, the 24-hour repair took three weeks").points).toBeGreaterThanOrEqual(2);
    expect(contradictionFacts('"next day delivery" they said. it\'s day 6. amazing').points).toBeGreaterThanOrEqual(3);
    expect(contradictionFacts("Perfect signal, it only drops every hour").points).toBe(2);
  });
  it("sees the fix in sincere praise of a solved problem", () => {
    expect(contradictionFacts("thanks to Anna, who fixed the double charge within a day").fixed).toBe(true);
    expect(contradictionFacts("Great, the 24-hour repair took three weeks").fixed).toBe(false);
  });
  it("gives a plain review one point at most", () => {
    expect(contradictionFacts("Been using it for 3 months, excellent").points).toBe(1);
  });
});

describe("clauses", () => {
  it("cuts at sentence ends and before contrast words", () => {
    const t = "the outage was annoying but the credit was a nice touch. thanks";
    expect(clauses(t).map((c) => t.slice(c.start, c.end).trim())).toEqual([
      "the outage was annoying",
      "but the credit was a nice touch.",
      "thanks",
    ]);
    expect(clauses("pomalé doručení, ale jídlo skvělé").length).toBe(2);
    // Romanised Telugu turns with "kani" as the script turns with కానీ.
    expect(clauses("parcel hub lo stuck ayyindi kani roju mundhe vachindi").length).toBe(2);
  });
});

describe("sentiment decision", () => {
  it("abstains on weak or balanced polar evidence", () => {
    const d = { offsets: [0, 0, 0], minPolar: 0.5, minMargin: 0.2 };
    expect(decideSentiment([2, 0, -1], "en", d)).toBe(POSITIVE);
    expect(decideSentiment([1, 0, 0.9], "en", d)).toBe(NEUTRAL);
    expect(decideSentiment([-1, 0, 3], "en", d)).toBe(NEGATIVE);
  });
  it("moves the prior with offsets", () => {
    expect(decideSentiment([0.2, 0, 0], "en", { offsets: [0, 1, 0], minPolar: 0, minMargin: 0 })).toBe(NEUTRAL);
  });
});

describe("adaptPriors (EM, Saerens et al. 2002)", () => {
  it("recovers a skewed class mix from posteriors made under a uniform prior", () => {
    // 80% of messages look like class 0, 20% like class 1, each seen by a fair but unsure model.
    const probs = [...Array(80).fill([0.7, 0.3]), ...Array(20).fill([0.3, 0.7])] as number[][];
    const r = adaptPriors(probs, [0.5, 0.5]);
    expect(r.prior[0]).toBeGreaterThan(0.8);
    expect(r.offsets[0]).toBeGreaterThan(0);
    expect(r.offsets[1]).toBeLessThan(0);
  });
  it("leaves a uniform mix alone", () => {
    const r = adaptPriors(
      [
        [0.6, 0.4],
        [0.4, 0.6],
      ],
      [0.5, 0.5],
    );
    expect(Math.abs(r.offsets[0]!)).toBeLessThan(1e-6);
  });
});

describe("isUnmarkedQuestion: a chat question typed without its question mark", () => {
  it("takes a short sentence that opens as a question does, in en, cs and tl", () => {
    for (const t of [
      "do you deliver on saturdays",
      "can i pay by card on delivery",
      "máte to i v modré",
      "kolik stojí doprava na Slovensko",
      "pwede po ba magbayad sa pickup",
      "magkano shipping fee sa cebu",
    ])
      expect(isUnmarkedQuestion(t), t).toBe(true);
  });
  it("leaves stories, complaints that ask in passing and long messages alone", () => {
    for (const t of [
      "my order is late can you check",
      "the courier never came. can you check",
      "do you even read what I write, three weeks and nothing, no refund, no answer, nothing at all from anyone",
      "great service",
      "how dare you charge me twice",
    ])
      expect(isUnmarkedQuestion(t), t).toBe(false);
  });
});
