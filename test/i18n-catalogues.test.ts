/**
 * The dashboard's five interface languages are complete: every key of the English catalogue is in
 * cs, th, te and tl, not empty, with the same `{placeholders}`; the Thai and Telugu texts are in
 * their own script (a key left in English fails); and the case reasons and priority explanations
 * the server writes in English come out translated.
 */
import { describe, expect, it } from "vitest";
import { computePriority } from "../src/cases/priority.js";
import { cs } from "../web/src/i18n/cs.js";
import { en, type MessageKey } from "../web/src/i18n/en.js";
import { format } from "../web/src/i18n/format.js";
import { explain, reason } from "../web/src/i18n/reasons.js";
import { te } from "../web/src/i18n/te.js";
import { th } from "../web/src/i18n/th.js";
import { tl } from "../web/src/i18n/tl.js";

const CATALOGUES: Record<string, Partial<Record<MessageKey, string>>> = { cs, th, te, tl };
const SCRIPT: Record<string, RegExp> = { th: /[\u0E00-\u0E7F]/, te: /[\u0C00-\u0C7F]/ };
/** Texts that are the same in every script: the survey metrics' acronyms and scales. */
const SAME_EVERYWHERE = new Set<MessageKey>(["survey.nps", "survey.csat", "metric.nps", "metric.csat", "metric.ces"]);

const placeholders = (s: string) => [...s.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();

describe("interface catalogues", () => {
  for (const [lang, cat] of Object.entries(CATALOGUES)) {
    it(`${lang} has every key of en, with the same placeholders`, () => {
      const missing = (Object.keys(en) as MessageKey[]).filter((k) => !cat[k]?.trim());
      expect(missing).toEqual([]);
      const extra = Object.keys(cat).filter((k) => !(k in en));
      expect(extra).toEqual([]);
      for (const k of Object.keys(en) as MessageKey[]) expect(placeholders(cat[k]!), `${lang} ${k}`).toEqual(placeholders(en[k]));
    });
  }

  for (const lang of ["th", "te"]) {
    it(`${lang} says every text in its own script`, () => {
      const cat = CATALOGUES[lang]!;
      const english = (Object.keys(en) as MessageKey[]).filter((k) => !SAME_EVERYWHERE.has(k) && !SCRIPT[lang]!.test(cat[k]!));
      expect(english).toEqual([]);
    });
  }
});

describe("case reasons in the interface language", () => {
  const t = (cat: Partial<Record<MessageKey, string>>) => (k: MessageKey, v?: Record<string, string | number>) =>
    format(cat[k] ?? en[k], v);
  const label = (cat: Partial<Record<MessageKey, string>>) => (kind: string, v: string) => cat[`${kind}.${v}` as MessageKey] ?? v;
  // Explanations as the server writes them (five reasons at most each), with every kind of reason it can give.
  const reading = (urgency: string[], reach: string[]) => ({
    urgency: { score: 0.9, reasons: urgency },
    reach: { score: 0.8, reasons: reach },
    signals: [],
    complaint: { is: true, severity: 3 as const, evidence: [] },
  });
  const explanations = [
    computePriority({
      reading: reading(["threatens legal action", "third message in the thread", "security or trust problem", "accuses the company"], []),
      contacts: 1,
      waitingMinutes: 0,
    }),
    computePriority({
      reading: reading([], ["public channel: social", "12.5k followers"]),
      contacts: 3,
      waitingMinutes: 60 * 50,
    }),
    computePriority({
      reading: reading([], ["threatens to share it publicly", "tags or hashtags"]),
      contacts: 1,
      waitingMinutes: 90,
      customerValue: 0.9,
    }),
    computePriority({
      reading: { ...reading([], []), complaint: { is: false, severity: 0 as const, evidence: [] } },
      contacts: 1,
      waitingMinutes: 0,
    }),
  ].map((p) => p.explanation);
  const reasons = [
    "complaint (severity 3)",
    "strong negative feeling",
    "churn threat",
    "public post with reach",
    "question left unanswered",
  ];

  it("the server's explanation names the reasons this test translates", () => {
    expect(explanations[0]).toContain("third message in the thread");
    expect(explanations[1]).toContain("third contact");
    expect(explanations[1]).toContain("waiting 2d");
    expect(explanations[2]).toContain("high-value customer");
    expect(explanations[3]).toContain("no pressing reason");
  });

  for (const lang of ["th", "te"]) {
    it(`translates every reason into ${lang}, leaving no English word`, () => {
      const cat = CATALOGUES[lang]!;
      const said = [
        ...explanations.map((e) => explain(e, t(cat), label(cat), lang)),
        ...reasons.map((r) => reason(r, t(cat), label(cat), lang)),
      ];
      for (const s of said) expect(s.replace(/^P\d: /, ""), s).not.toMatch(/[a-z]{3,}/i);
    });
  }

  it("gives Czech and Tagalog their own words, and numbers in the language's own form", () => {
    expect(reason("third contact", t(cs), label(cs), "cs")).toBe("počet kontaktů: 3");
    expect(reason("12.5k followers", t(cs), label(cs), "cs")).toMatch(/^12,5\s?tis\. sledujících$/);
    expect(reason("waiting 2d", t(tl), label(tl), "tl")).toMatch(/^naghihintay nang 2/);
    expect(reason("something new", t(tl), label(tl), "tl")).toBe("something new");
  });
});
