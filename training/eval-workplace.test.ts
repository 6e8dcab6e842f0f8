import { describe, expect, it } from "vitest";
import type { Reading } from "../src/core/reading.js";
import { countWorkplace, readsLeaving, workplaceRows, type WorkplaceRow } from "./eval-workplace.js";
import { checkWorkplace } from "./workplace-gold.js";

const span = { start: 0, end: 4, text: "busy" };
/** A Reading with only what the count looks at. */
function reading(p: {
  causes?: [string, "positive" | "negative"][];
  sentiment?: Reading["sentiment"]["label"];
  leaving?: boolean;
}): Reading {
  return {
    sentiment: { label: p.sentiment ?? "negative", score: 0, confidence: 1, evidence: [] },
    stage: { label: p.leaving ? "leaving" : "in_use", confidence: 1, evidence: [] },
    needs: [],
    signals: [],
    workplace: {
      causes: (p.causes ?? []).map(([label, polarity]) => ({ label, polarity, score: 0.6, evidence: [span] })) as never,
      needs: [],
    },
  } as unknown as Reading;
}
const row = (causes: [string, "+" | "-"][], sentiment: WorkplaceRow["sentiment"] = "negative"): WorkplaceRow => ({
  lang: "en",
  text: "busy",
  sentiment,
  stage: "in_use",
  workplace: { causes: causes.map(([label, polarity]) => ({ label, polarity })) as never, needs: [] },
});

describe("countWorkplace", () => {
  it("counts a right cause only with its polarity, and every false cause", () => {
    const c = countWorkplace([
      {
        row: row([
          ["workload_staffing", "-"],
          ["pay", "-"],
        ]),
        reading: reading({ causes: [["workload_staffing", "negative"]] }),
      },
      {
        row: row([["pay", "-"]]),
        reading: reading({
          causes: [
            ["pay", "positive"],
            ["tools", "negative"],
          ],
        }),
      },
    ]);
    expect(c).toMatchObject({ withCause: 2, rightCause: 1, allCauses: 0, readCauses: 3, falseCauses: 2 });
  });
  it("counts staying writers read as leaving and non-praise read positive", () => {
    const c = countWorkplace([
      { row: row([], "neutral"), reading: reading({ sentiment: "positive" }) },
      { row: row([]), reading: reading({ leaving: true }) },
      { row: row([], "positive"), reading: reading({ sentiment: "positive" }) },
    ]);
    expect(c).toMatchObject({ rows: 3, leaving: 1, positive: 1, neutralPositive: 1, neutralRows: 1 });
    expect(readsLeaving(reading({ leaving: true }))).toBe(true);
  });
});

describe("workplace gold labels", () => {
  it("are valid on every labelled row, and every employee row of both sets is labelled", () => {
    for (const portion of ["hard-train", "hard-heldout", "team-dev", "team-train"] as const) {
      for (const r of workplaceRows(portion)) expect(checkWorkplace(r.workplace, "employee")).toEqual([]);
    }
    expect(workplaceRows("hard-train").length + workplaceRows("hard-heldout").length).toBe(210);
    expect(workplaceRows("team-dev").length + workplaceRows("team-train").length).toBe(827);
  });
  it("refuse unknown labels, bad polarity, repeats and customer rows", () => {
    expect(checkWorkplace({ causes: [{ label: "pay", polarity: "-" }], needs: ["fair_pay"] }, "employee")).toEqual([]);
    expect(checkWorkplace({ causes: [{ label: "delivery_or_wait", polarity: "-" }], needs: [] }, "employee")).not.toEqual([]);
    expect(checkWorkplace({ causes: [{ label: "pay", polarity: "?" }], needs: [] }, "employee")).not.toEqual([]);
    expect(checkWorkplace({ causes: [], needs: ["more_staff", "more_staff"] }, "employee")).not.toEqual([]);
    expect(checkWorkplace({ causes: [], needs: [] }, "customer")).not.toEqual([]);
  });
});
