import { describe, expect, it } from "vitest";
import type { Reading, SignalReading } from "../../core/reading.js";
import { grievanceTone } from "./reconcile-sarcasm.js";

const warm: Reading["sentiment"] = { label: "positive", score: 0.4, confidence: 0.6, evidence: [] };
const said = (label: SignalReading["label"]): SignalReading => ({ label, evidence: [{ text: "twice", start: 0, end: 5 }] });

describe("grievanceTone: a grievance said is a negative state now", () => {
  it("turns a tone the model guessed positive negative when contacts are counted or a hazard is told", () => {
    for (const s of [said("repeat_contact"), said("safety_issue")]) {
      const t = grievanceTone(warm, [s], false);
      expect(t.label).toBe("negative");
      expect(t.score).toBeLessThanOrEqual(-0.3);
      expect(t.evidence).toEqual(s.evidence);
    }
  });
  it("keeps praise said in words, a customer leaving on its own, and tones that are not positive", () => {
    expect(grievanceTone(warm, [said("repeat_contact")], true)).toBe(warm);
    expect(grievanceTone(warm, [said("churn_threat")], false)).toBe(warm);
    const neutral = { ...warm, label: "neutral" as const };
    expect(grievanceTone(neutral, [said("safety_issue")], false)).toBe(neutral);
  });
});
