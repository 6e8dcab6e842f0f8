import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Reading } from "../core/reading.js";
import { DEFAULT_CASE_RULES, loadCaseRules, reasonsToOpen, slaTargets } from "./case-rules.js";

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "attune-rules-")), "rules.json");
  writeFileSync(path, content);
  return path;
}

const reading = (over: Partial<Reading>): Reading =>
  ({
    sentiment: { label: "neutral", score: 0, confidence: 0.5, evidence: [] },
    complaint: { is: false, severity: 0, evidence: [] },
    signals: [],
    reach: { score: 0, reasons: [] },
    ...over,
  }) as Reading;

describe("case rules", () => {
  it("fills defaults and lets a file override one field", () => {
    const rules = loadCaseRules(file(JSON.stringify({ open: { minComplaintSeverity: 3 } })));
    expect(rules.open.minComplaintSeverity).toBe(3);
    expect(rules.open.unansweredMinutes).toBe(240);
    expect(slaTargets(rules, 1, "social").firstResponseMinutes).toBe(15);
    expect(slaTargets(rules, 1, "email").firstResponseMinutes).toBe(30);
    // A file may set one priority's targets; the others keep theirs.
    const one = loadCaseRules(file(JSON.stringify({ sla: { "1": { default: { firstResponseMinutes: 10, resolutionMinutes: 60 } } } })));
    expect(slaTargets(one, 1, "social").firstResponseMinutes).toBe(10);
    expect(slaTargets(one, 3).firstResponseMinutes).toBe(480);
  });

  it("refuses a bad file at start with the field that is wrong", () => {
    expect(() => loadCaseRules(file("{not json"))).toThrow(expect.objectContaining({ code: "config.invalid" }));
    expect(() => loadCaseRules(file(JSON.stringify({ open: { minComplaintSeverity: 9 } })))).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "open.minComplaintSeverity" }) }),
    );
    expect(() =>
      loadCaseRules(file(JSON.stringify({ calendar: { timeZone: "Nowhere/City", week: [[], [], [], [], [], [], []] } }))),
    ).toThrow(expect.objectContaining({ code: "config.invalid" }));
    expect(() => loadCaseRules(file(JSON.stringify({ surprise: true })))).toThrow(expect.objectContaining({ code: "config.invalid" }));
  });

  it("opens for complaints, strong feeling, threats and public reach, never for agents", () => {
    const rules = DEFAULT_CASE_RULES;
    expect(reasonsToOpen(rules, reading({}), {})).toEqual([]);
    expect(reasonsToOpen(rules, reading({ complaint: { is: true, severity: 3, evidence: [] } }), {})).toEqual(["complaint (severity 3)"]);
    const threat = reading({ signals: [{ label: "churn_threat", evidence: [] }], reach: { score: 0.7, reasons: [] } });
    expect(reasonsToOpen(rules, threat, { channel: "social" })).toEqual(["churn threat", "public post with reach"]);
    expect(reasonsToOpen(rules, threat, { channel: "social", direction: "agent" })).toEqual([]);
  });
});
