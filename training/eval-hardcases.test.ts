import { describe, expect, it } from "vitest";
import type { Reading } from "../src/core/reading.js";
import { hardCaseSection, METRICS, type ReadCase } from "./eval-hardcases.js";
import type { LoadedCase } from "./hardcases.js";

/** A Reading with only the fields the metrics look at. */
function reading(over: {
  sentiment?: string;
  complaint?: number;
  signals?: string[];
  causes?: [string, "positive" | "negative"][];
  stage?: string;
  needs?: string[];
}): Reading {
  const sev = over.complaint ?? 0;
  return {
    sentiment: { label: over.sentiment ?? "neutral", score: 0, confidence: 1, evidence: [] },
    complaint: { is: sev > 0, severity: sev, evidence: [] },
    signals: (over.signals ?? []).map((label) => ({ label, evidence: [] })),
    causes: (over.causes ?? []).map(([label, polarity]) => ({ label, polarity, score: 1, evidence: [] })),
    stage: { label: over.stage ?? "in_use", confidence: 1, evidence: [] },
    needs: (over.needs ?? []).map((label) => ({ label, score: 1, evidence: [] })),
    reach: { score: 0, reasons: [] },
  } as unknown as Reading;
}

function hardCase(over: Partial<LoadedCase>): LoadedCase {
  return {
    id: "en-h-0001",
    scenario: "sarcasm-01",
    domain: "tel",
    shape: "sarcasm",
    direction: "customer",
    text: "x",
    sentiment: "negative",
    complaint: 2,
    causes: [],
    signals: [],
    lang: "en",
    heldOut: true,
    ...over,
  };
}

const metric = (prefix: string) => METRICS.find((m) => m.name.startsWith(prefix))!;

describe("hard-case metrics", () => {
  it("count sarcasm recall from the sarcasm signal", () => {
    const cases: ReadCase[] = [
      { c: hardCase({}), r: reading({ signals: ["sarcasm"] }) },
      { c: hardCase({}), r: reading({ sentiment: "positive" }) },
    ];
    expect(metric("sarcasm: recall").count(cases)).toEqual({ hits: 1, n: 2 });
    expect(metric("sarcasm: read positive").count(cases)).toEqual({ hits: 1, n: 2 });
  });

  it("open a case for praise by the product's rule (severity >= 2 or a case signal), not for severity 1", () => {
    const praise = hardCase({ shape: "praise_past_problem", sentiment: "positive", complaint: 0 });
    const cases: ReadCase[] = [
      { c: praise, r: reading({ sentiment: "positive", complaint: 2 }) },
      { c: praise, r: reading({ sentiment: "positive", complaint: 1 }) },
      { c: praise, r: reading({ sentiment: "positive", signals: ["churn_threat"] }) },
    ];
    expect(metric("praise of a fixed problem: opens").count(cases)).toEqual({ hits: 2, n: 3 });
  });

  it("flag agent replies read with a complaint or any signal", () => {
    const agent = hardCase({ shape: "agent_reply", direction: "agent", sentiment: "neutral", complaint: 0 });
    const cases: ReadCase[] = [
      { c: agent, r: reading({}) },
      { c: agent, r: reading({ signals: ["legal_threat"] }) },
      { c: agent, r: reading({ complaint: 1 }) },
    ];
    expect(metric("agent replies").count(cases)).toEqual({ hits: 2, n: 3 });
  });

  it("score causes by label and polarity, per message and per gold cause", () => {
    const c = hardCase({
      causes: [
        { label: "delivery_or_wait", polarity: "-" },
        { label: "staff_treatment", polarity: "-" },
      ],
    });
    const cases: ReadCase[] = [
      { c, r: reading({ causes: [["delivery_or_wait", "negative"]] }) },
      { c, r: reading({ causes: [["staff_treatment", "positive"]] }) },
      { c, r: reading({}) },
    ];
    expect(metric("messages with a cause").count(cases)).toEqual({ hits: 1, n: 3 });
    expect(metric("gold causes (every one)").count(cases)).toEqual({ hits: 1, n: 6 });
    expect(metric("gold causes read with the opposite").count(cases)).toEqual({ hits: 1, n: 6 });
    expect(metric("complaints with a nameable cause").count(cases)).toEqual({ hits: 1, n: 3 });
  });

  it("count repeat_contact false hits only on the look-alike shape", () => {
    const cases: ReadCase[] = [
      { c: hardCase({ shape: "repeat_word_no_contact", sentiment: "neutral", complaint: 0 }), r: reading({ signals: ["repeat_contact"] }) },
      { c: hardCase({ shape: "contact_count", signals: ["repeat_contact"] }), r: reading({ signals: ["repeat_contact"] }) },
    ];
    expect(metric("repeat_contact false hits").count(cases)).toEqual({ hits: 1, n: 1 });
    expect(metric("contact counts").count(cases)).toEqual({ hits: 1, n: 1 });
  });

  it("print one line per metric with a column per language present", () => {
    const cases: ReadCase[] = [
      { c: hardCase({}), r: reading({}) },
      { c: hardCase({ lang: "th" }), r: reading({ signals: ["sarcasm"] }) },
    ];
    const md = hardCaseSection(cases, "Test rows", { pipeline: "1.1.0", models: { linear: "f3-test" } });
    expect(md.filter((l) => l.startsWith("| ") && !l.startsWith("| metric") && !l.startsWith("| ---"))).toHaveLength(METRICS.length);
    expect(md).toContain("| metric | en | th | all | target |");
    expect(md.find((l) => l.startsWith("| sarcasm: recall"))).toBe(
      "| sarcasm: recall of the sarcasm signal | 0.00 (0/1) | 1.00 (1/1) | 0.50 (1/2) | ≥ 0.80 |",
    );
  });
});
