import { describe, it, expect } from "vitest";
import { checkExample, isMixed, wordCount, type Example } from "./check-examples.js";

const valid: Example = {
  id: "te-0001",
  text: "నా ఆర్డర్ ఇంకా రాలేదు, చాలా లేట్ అయింది",
  sentiment: "negative",
  emotions: ["frustration"],
  needs: ["speed"],
  causes: [{ label: "delivery_or_wait", polarity: "-" }],
  stage: "purchase",
  signals: [],
  complaint: 1,
  direction: "customer",
};

describe("checkExample", () => {
  it("accepts a fully annotated row", () => {
    expect(checkExample(valid, "te")).toEqual([]);
  });

  it("names every problem of a bad row", () => {
    const bad = {
      ...valid,
      id: "th-0001",
      stage: "shipping",
      needs: ["speed", "speed"],
      complaint: 5,
      causes: [{ label: "delivery_or_wait", polarity: "?" }],
    };
    const problems = checkExample(bad, "te");
    expect(problems.some((p) => p.startsWith("id"))).toBe(true);
    expect(problems.some((p) => p.startsWith("stage"))).toBe(true);
    expect(problems.some((p) => p.includes("repeated label"))).toBe(true);
    expect(problems.some((p) => p.startsWith("complaint"))).toBe(true);
    expect(problems.some((p) => p.startsWith("causes: bad entry"))).toBe(true);
  });

  it("rejects agent rows and unknown fields", () => {
    expect(checkExample({ ...valid, direction: "agent" }, "te")).toHaveLength(1);
    expect(checkExample({ ...valid, channel: "chat" }, "te")).toEqual(["unknown field channel"]);
  });
});

describe("isMixed", () => {
  it("counts praise and complaint together, not a plain complaint", () => {
    expect(isMixed(valid)).toBe(false);
    expect(isMixed({ ...valid, causes: [...valid.causes, { label: "staff_treatment", polarity: "+" }] })).toBe(true);
    expect(isMixed({ ...valid, sentiment: "positive", causes: [] })).toBe(true);
  });
});

describe("wordCount", () => {
  it("counts Thai words, not the spaces between phrases", () => {
    // Three words with no space between them is a valid short Thai message; whitespace saw one.
    expect(wordCount("ยังไม่ได้ของเลย", "th")).toBeGreaterThanOrEqual(3);
    expect(checkExample({ ...valid, id: "th-0001", text: "ยังไม่ได้ของเลย นานมาก" }, "th")).toEqual([]);
    expect(checkExample({ ...valid, id: "th-0001", text: "ช้า" }, "th").some((p) => p.startsWith("text has"))).toBe(true);
  });
  it("counts whitespace-separated words in spaced scripts", () => {
    expect(wordCount("నా ఆర్డర్ ఇంకా రాలేదు", "te")).toBe(4);
    expect(checkExample({ ...valid, text: "చాలా లేట్" }, "te").some((p) => p.startsWith("text has"))).toBe(true);
  });
});
